import { describe, expect, it } from "vitest";
import type { Domain } from "@/generated/prisma/client";
import { renewAtRegistry } from "@/server/domains/manage/renewal-steps";
import type { RegistryPort } from "@/server/registry";
import { parseEnvelope } from "@/server/registry/epp/parse-envelope";
import { parseOutput } from "@/server/registry/epp/parse-objects";

// RFC 5731 3.2.3: <domain:exDate> in renData is optional.
const RENEWED_WITHOUT_EXDATE = `<?xml version="1.0" encoding="UTF-8"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>Command completed successfully</msg></result>
<resData><domain:renData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name></domain:renData></resData>
<trID><clTRID>ABC-12346</clTRID><svTRID>54322-XYZ</svTRID></trID></response></epp>`;

describe("a renew answer without exDate", () => {
  it("is read as a success, not a protocol error", () => {
    expect(parseOutput("renewDomain", parseEnvelope(RENEWED_WITHOUT_EXDATE))).toEqual({ name: "example.com" });
  });

  it("takes the new expiry from an info after the renew", async () => {
    let expiry = "2027-03-01T00:00:00.000Z";
    const calls: string[] = [];
    const port = {
      infoDomain: async () => {
        calls.push("info");
        return { code: 1000, message: "ok", data: { expiresAt: expiry } };
      },
      renewDomain: async () => {
        calls.push("renew");
        expiry = "2028-03-01T00:00:00.000Z";
        return { code: 1000, message: "ok", data: { name: "example.com" } };
      },
    } as unknown as RegistryPort;
    const domain = { name: "example.com" } as Domain;
    const out = await renewAtRegistry(port, domain, 1, new Date("2027-03-01T00:00:00.000Z"));
    expect(calls).toEqual(["info", "renew", "info"]);
    expect(out.expiresAt.toISOString()).toBe("2028-03-01T00:00:00.000Z");
  });
});
