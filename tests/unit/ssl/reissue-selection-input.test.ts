/** Both consoles' bulk reissue forms: blank fields select by nothing, and a compromise counts only with new keys. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { reissueSelection, reissueSelectionShape } from "@/server/ssl/views/reissue-selection-input";

const read = (form: Record<string, string>) => reissueSelection(z.object(reissueSelectionShape).parse(form));

describe("a bulk reissue form's selection", () => {
  it("drops blank fields and reads ticked boxes", () => {
    expect(read({ spkiSha256: "  ab:cd  ", caAdapter: "", issuedFrom: "2026-01-01", newKeys: "on" })).toEqual({
      spkiSha256: "ab:cd",
      caAdapter: undefined,
      issuedFrom: "2026-01-01",
      issuedTo: undefined,
      newKeys: true,
      keyCompromise: false,
    });
  });

  it("takes a key compromise only together with new keys", () => {
    expect(read({ keyCompromise: "on" })).toMatchObject({ newKeys: false, keyCompromise: false });
    expect(read({ keyCompromise: "on", newKeys: "on" })).toMatchObject({ newKeys: true, keyCompromise: true });
  });

  it("refuses an over-long field", () => {
    expect(z.object(reissueSelectionShape).safeParse({ spkiSha256: "a".repeat(201) }).success).toBe(false);
  });
});
