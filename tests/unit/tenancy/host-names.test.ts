import { describe, expect, it } from "vitest";
import { hostNameProblem, normalizeHost, verificationRecordName } from "@/lib/host-names";
import { slugProblem } from "@/lib/slugs";
import { toParagraphs } from "@/lib/paragraphs";

describe("host names", () => {
  it("normalises what people paste: scheme, path, case and trailing dot", () => {
    expect(normalizeHost("  HTTPS://Shop.Example.com./cart ")).toBe("shop.example.com");
    expect(normalizeHost("shop.localhost.:3000")).toBe("shop.localhost:3000");
  });

  it("accepts ordinary host names, with or without a port", () => {
    for (const ok of ["shop.example.com", "xn--bcher-kva.example", "a-b.c.example.org", "shop.localhost:3000"]) {
      expect(hostNameProblem(ok)).toBeNull();
    }
  });

  it("refuses malformed host names with the rule they break", () => {
    expect(hostNameProblem("")).toMatch(/Enter a host name/);
    expect(hostNameProblem("localhost")).toMatch(/with a dot/);
    expect(hostNameProblem("-shop.example.com")).toMatch(/not starting or ending with a hyphen/);
    expect(hostNameProblem("shop..example.com")).toMatch(/\(empty\)/);
    expect(hostNameProblem("sh_op.example.com")).toMatch(/letters, digits and hyphens/);
    expect(hostNameProblem(`${"a".repeat(64)}.example.com`)).toMatch(/1 to 63/);
    expect(hostNameProblem("shop.example.com:99999")).toMatch(/between 1 and 65535/);
    expect(hostNameProblem("shop.example.com:http")).toMatch(/must be a number/);
    expect(hostNameProblem("10.0.0.1")).toMatch(/not an IP address/);
    expect(hostNameProblem("<script>.example.com")).not.toBeNull();
  });

  it("puts the verification record under the name without its port", () => {
    expect(verificationRecordName("shop.localhost:3000")).toBe("_registrar-verify.shop.localhost");
  });
});

describe("reseller slugs", () => {
  it("accepts DNS-safe slugs and refuses reserved or malformed ones", () => {
    expect(slugProblem("acme")).toBeNull();
    expect(slugProblem("my-shop-2")).toBeNull();
    expect(slugProblem("ab")).toMatch(/3 to 30/);
    expect(slugProblem("Acme")).toMatch(/lower-case/);
    expect(slugProblem("a--b")).toMatch(/Two hyphens/);
    expect(slugProblem("console")).toMatch(/reserved/);
  });
});

describe("plain-text paragraphs", () => {
  it("splits on blank lines and keeps markup as literal text", () => {
    expect(toParagraphs("One\r\n\r\n  Two <b>bold</b>\n\n\n")).toEqual(["One", "Two <b>bold</b>"]);
  });
});
