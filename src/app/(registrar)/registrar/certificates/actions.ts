"use server";
/** Registrar admins reissue certificates in bulk across resellers (or for one); auditors only read. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { reissueSelection, reissueSelectionShape } from "@/server/ssl/views/reissue-selection-input";
import { startBulkReissue } from "@/server/ssl/lifecycle/start-bulk-reissue";

export const startRegistrarBulkReissue = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: z.object({ resellerId: z.string().trim().max(100).optional(), ...reissueSelectionShape }),
  handler: async (ctx, i) => {
    const { id } = await startBulkReissue(ctx, { resellerId: i.resellerId || undefined, ...reissueSelection(i) });
    return { message: "Bulk reissue started.", redirect: `/registrar/certificates/bulk/${id}` };
  },
});
