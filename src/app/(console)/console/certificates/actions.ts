"use server";
/** Reseller staff on their customers' certificates: revoke with a reason, check DCV now, reissue in bulk. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { reissueSelection, reissueSelectionShape } from "@/server/ssl/views/reissue-selection-input";
import { startBulkReissue } from "@/server/ssl/lifecycle/start-bulk-reissue";
import { revokeCertificate, revokeCertificateSchema } from "@/server/ssl/lifecycle/revoke-certificate";
import { checkCertificateNow, checkCertificateNowSchema } from "@/server/ssl/lifecycle/check-certificate-now";

export const revokeCustomerCertificate = defineAction({
  area: "console",
  roles: ["owner", "admin", "support"],
  input: revokeCertificateSchema,
  handler: async (ctx, i) => {
    const { status } = await revokeCertificate(ctx, i);
    return {
      message:
        status === "revoked"
          ? "The certificate is revoked."
          : "Revocation requested; the certificate authority will be told within minutes.",
    };
  },
});

export const checkCustomerCertificateNow = defineAction({
  area: "console",
  roles: ["owner", "admin", "support"],
  input: checkCertificateNowSchema,
  handler: async (ctx, i) => checkCertificateNow(ctx, i),
});

export const bulkReissueAction = defineAction({
  area: "console",
  roles: ["owner", "admin"],
  input: z.object(reissueSelectionShape),
  handler: async (ctx, i) => {
    // Without "new keys" certificates keep their CSRs (a CA-side reason); with it each registrant is asked for one.
    const { id } = await startBulkReissue(ctx, reissueSelection(i));
    // The job runs in the worker; its page follows every certificate's result.
    return { message: "Bulk reissue started.", redirect: `/console/certificates/bulk/${id}` };
  },
});
