/** A name linked from search fills the sunrise and landrush forms in; anything else in the link fills nothing. */
import { describe, expect, it } from "vitest";
import { prefillName } from "@/app/(storefront)/[host]/account/_lib/prefill-name";

describe("prefillName", () => {
  it("takes a domain name from the link, lower-cased", () => {
    expect(prefillName("Brand.Forge")).toBe("brand.forge");
    expect(prefillName(["first.bloom", "second.bloom"])).toBe("first.bloom");
  });

  it("fills nothing from markup, spaces, an empty or an over-long value", () => {
    expect(prefillName('"><script>alert(1)</script>')).toBeUndefined();
    expect(prefillName("brand forge")).toBeUndefined();
    expect(prefillName("")).toBeUndefined();
    expect(prefillName(undefined)).toBeUndefined();
    expect(prefillName(`${"a".repeat(250)}.forge`)).toBeUndefined();
  });
});
