"use server";
/** A registrant's own certificates: reissue with a new CSR (free), revoke with a reason, check DCV now. */
import { defineAction } from "@/server/action-client";
import { reissueCertificate, reissueCertificateSchema } from "@/server/ssl/ordering/reissue-certificate";
import { withCsrFieldErrors } from "@/server/ssl/ordering/csr-field-errors";
import { revokeCertificate, revokeCertificateSchema } from "@/server/ssl/lifecycle/revoke-certificate";
import { checkCertificateNow, checkCertificateNowSchema } from "@/server/ssl/lifecycle/check-certificate-now";
import { checkboxInput } from "@/server/ssl/views/checkbox-input";

export const reissueOwnCertificate = defineAction({
  area: "storefront",
  roles: ["registrant"],
  input: reissueCertificateSchema.extend({ keyCompromise: checkboxInput }),
  handler: async (ctx, i) => {
    const r = await withCsrFieldErrors(() => reissueCertificate(ctx, i));
    return {
      message: r.revokedAtOnce
        ? "Reissue started; the old certificate was revoked at once."
        : "Reissue started; the old certificate is revoked when the new one is issued.",
    };
  },
});

export const revokeOwnCertificate = defineAction({
  area: "storefront",
  roles: ["registrant"],
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

export const checkOwnCertificateNow = defineAction({
  area: "storefront",
  roles: ["registrant"],
  input: checkCertificateNowSchema,
  handler: async (ctx, i) => checkCertificateNow(ctx, i),
});
