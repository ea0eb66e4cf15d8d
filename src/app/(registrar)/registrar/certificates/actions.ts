"use server";
/** Registrar admins reissue certificates in bulk across resellers (or for one); auditors only read. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { checkboxInput } from "@/server/ssl/views/checkbox-input";
import { startBulkReissue } from "@/server/ssl/lifecycle/start-bulk-reissue";

const orUndefined = (s: string | undefined) => (s ? s : undefined);

export const startRegistrarBulkReissue = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: z.object({
    resellerId: z.string().trim().max(100).optional(),
    spkiSha256: z.string().trim().max(200).optional(),
    caAdapter: z.string().trim().max(200).optional(),
    issuedFrom: z.string().trim().max(40).optional(),
    issuedTo: z.string().trim().max(40).optional(),
    newKeys: checkboxInput.optional(),
    keyCompromise: checkboxInput.optional(),
  }),
  handler: async (ctx, i) => {
    const { id } = await startBulkReissue(ctx, {
      resellerId: orUndefined(i.resellerId),
      spkiSha256: orUndefined(i.spkiSha256),
      caAdapter: orUndefined(i.caAdapter),
      issuedFrom: orUndefined(i.issuedFrom),
      issuedTo: orUndefined(i.issuedTo),
      newKeys: i.newKeys ?? false,
      // A compromise without new keys would skip every certificate: the form offers it with new keys.
      keyCompromise: Boolean(i.newKeys && i.keyCompromise),
    });
    return { message: "Bulk reissue started.", redirect: `/registrar/certificates/bulk/${id}` };
  },
});
