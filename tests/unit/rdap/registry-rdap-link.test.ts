import { describe, expect, it } from "vitest";
import { registryRdapBaseUrl } from "@/server/rdap/load-rdap-data";

describe("the registry's RDAP base URL from the catalogue", () => {
  it("takes an https base URL from the TLD product's details, ending it with a slash", () => {
    expect(registryRdapBaseUrl({ rdapBaseUrl: "https://rdap.example/rdap" })).toBe("https://rdap.example/rdap/");
    expect(registryRdapBaseUrl({ rdapBaseUrl: "https://rdap.example/" })).toBe("https://rdap.example/");
  });

  it("ignores anything else: no details, plain http, a query, not a URL", () => {
    for (const details of [
      null,
      [],
      { contacts: "required" },
      { rdapBaseUrl: "http://rdap.example/" },
      { rdapBaseUrl: "https://rdap.example/?q=1" },
      { rdapBaseUrl: "javascript:alert(1)" },
      { rdapBaseUrl: 42 },
    ])
      expect(registryRdapBaseUrl(details), JSON.stringify(details)).toBeNull();
  });
});
