"use server";
/** The new-key link's reissue: no session, the signed token is the authority (decision 134). */
import { definePublicAction } from "@/server/action-client";
import { withCsrFieldErrors } from "@/server/ssl/ordering/csr-field-errors";
import { keyLinkReissueSchema, reissueWithKeyLink } from "@/server/ssl/ordering/key-link-reissue";
import { checkboxInput } from "@/server/ssl/views/checkbox-input";

export const reissueWithCertificateKeyLink = definePublicAction({
  area: "storefront",
  input: keyLinkReissueSchema.extend({ keyCompromise: checkboxInput }),
  handler: async (req, input) => {
    const r = await withCsrFieldErrors(() => reissueWithKeyLink(req.storefront.id, input));
    return {
      message: `Reissue of the certificate for ${r.names.join(", ")} started${
        r.revokedAtOnce ? "; the old certificate was revoked at once" : ""
      }. We mail the new certificate when it is issued.`,
    };
  },
});
