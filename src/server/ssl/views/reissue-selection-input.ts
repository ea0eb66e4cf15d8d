/**
 * What both consoles' bulk reissue forms post to choose certificates, read into what
 * startBulkReissue takes: a blank field selects by nothing, and a key compromise counts only with new
 * keys (without them it would skip every certificate; the forms offer it with new keys).
 */
import { z } from "zod";
import { checkboxInput } from "./checkbox-input";

export const reissueSelectionShape = {
  spkiSha256: z.string().trim().max(200).optional(),
  caAdapter: z.string().trim().max(200).optional(),
  issuedFrom: z.string().trim().max(40).optional(),
  issuedTo: z.string().trim().max(40).optional(),
  newKeys: checkboxInput.optional(),
  keyCompromise: checkboxInput.optional(),
};

type Posted = z.output<z.ZodObject<typeof reissueSelectionShape>>;

const orUndefined = (s: string | undefined) => (s ? s : undefined);

export function reissueSelection(i: Posted) {
  return {
    spkiSha256: orUndefined(i.spkiSha256),
    caAdapter: orUndefined(i.caAdapter),
    issuedFrom: orUndefined(i.issuedFrom),
    issuedTo: orUndefined(i.issuedTo),
    newKeys: i.newKeys ?? false,
    keyCompromise: Boolean(i.newKeys && i.keyCompromise),
  };
}
