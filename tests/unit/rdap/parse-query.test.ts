import { describe, expect, it } from "vitest";
import { MAX_PATH_LENGTH, parseRdapPath } from "@/server/rdap/parse-query";

describe("RDAP query paths (RFC 9082)", () => {
  it("reads domain names as A-labels whatever their case or script", () => {
    expect(parseRdapPath("/domain/Example.COM")).toEqual({ kind: "domain", name: "example.com" });
    expect(parseRdapPath("/domain/b%C3%BCcher.example")).toEqual({ kind: "domain", name: "xn--bcher-kva.example" });
    expect(parseRdapPath("/domain/XN--BCHER-KVA.example.")).toEqual({ kind: "domain", name: "xn--bcher-kva.example" });
    expect(parseRdapPath("/nameserver/NS1.Example.com")).toEqual({ kind: "nameserver", name: "ns1.example.com" });
  });

  it("does not tidy a query the way the search box does", () => {
    expect(parseRdapPath("/domain/www.example.com")).toEqual({ kind: "domain", name: "www.example.com" });
    expect(parseRdapPath("/domain/http%3A%2F%2Fexample.com").kind).toBe("malformed");
  });

  it("refuses malformed and oversized queries", () => {
    for (const path of [
      "/domain/com",
      "/domain/a..com",
      "/domain/-a.com",
      "/domain/ex%20ample.com",
      "/domain/%E0%A4%A",
      "/domain/",
      "/domain/a.com/b",
      "/entity/a%20b",
      "/",
      "/whois/a.com",
      `/domain/${"a".repeat(64)}.com`,
      `/domain/${"a.".repeat(130)}com`,
      `/domain/${"a".repeat(MAX_PATH_LENGTH)}.com`,
    ])
      expect(parseRdapPath(path).kind, path).toBe("malformed");
  });

  it("knows help, entities by handle, and the searches a registrar does not serve", () => {
    expect(parseRdapPath("/help")).toEqual({ kind: "help" });
    expect(parseRdapPath("/entity/9999")).toEqual({ kind: "entity", handle: "9999" });
    for (const what of ["ip", "autnum", "domains", "nameservers", "entities"])
      expect(parseRdapPath(`/${what}/x`)).toEqual({ kind: "unsupported", what });
  });
});
