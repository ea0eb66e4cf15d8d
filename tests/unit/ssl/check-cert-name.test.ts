import { describe, expect, it } from "vitest";
import { checkCertName } from "@/server/ssl/csr/check-cert-name";
import { DEFAULT_KNOWN_TLDS } from "@/server/ssl/csr/known-suffixes";

const codes = (name: string, tlds = DEFAULT_KNOWN_TLDS) => checkCertName(name, tlds).problems.map((p) => p.code);

describe("names a public certificate may carry", () => {
  it.each([
    ["www.example.com", []],
    ["EXAMPLE.org", []],
    ["xn--bcher-kva.de", []],
    ["*.shop.example.co.uk", []],
    ["example.bloom", []],
    ["xn--zz-xxxx.com", ["invalid_name"]],
    ["ab--cd.com", ["invalid_name"]],
    ["-lead.com", ["invalid_name"]],
    ["a..b.com", ["invalid_name"]],
    ["www.example.com.", ["invalid_name"]],
    ["under_score.example.com", ["invalid_name"]],
    ["bücher.de", ["non_ascii_name"]],
    ["10.0.0.1", ["ip_address"]],
    ["2001:db8::1", ["ip_address"]],
    ["localhost", ["internal_name"]],
    ["router.lan", ["internal_name"]],
    ["nas.home.arpa", ["internal_name"]],
    ["1.168.192.in-addr.arpa", ["internal_name"]],
    ["svc.cluster.internal", ["internal_name"]],
    ["example.123", ["invalid_name"]],
    ["co.uk", ["public_suffix"]],
    ["*.com", ["wildcard_on_public_suffix"]],
    ["*", ["internal_name"]],
    ["a*.example.com", ["wildcard_partial_label"]],
  ])("%s → %j", (name, expected) => {
    expect(codes(name)).toEqual(expected);
  });

  it("refuses a name longer than 253 characters without looking at its parts", () => {
    expect(codes(`${"a".repeat(60)}.`.repeat(5) + "com")).toEqual(["invalid_name"]);
  });

  it("lets the caller name the TLDs it sells", () => {
    expect(codes("example.bloom", new Set(["com"]))).toEqual(["unknown_tld"]);
  });
});
