import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RDAP_RATE_RULE } from "@/server/rdap/rdap-rate-limit";
import { passwordHashFor } from "../../support/factories";
import { conformanceProblems, registrarProblems } from "./support/rdap-profile";
import { schemaErrors } from "./support/rdap-schema";
import { startRdapServer, type RdapServer } from "./support/rdap-server";
import { CONSOLE, createRdapWorld, IANA_ID, RDAP_BASE } from "./support/rdap-world";

let server: RdapServer;
beforeAll(async () => {
  server = await startRdapServer(5771);
  // First-time costs (schema compilation, the factories' password hash, loading the handler's modules
  // on a first request) take seconds on a busy machine: paid here, not inside the first test's time.
  schemaErrors("rdap_domain.json", {});
  await passwordHashFor();
  await (await fetch(`${server.url}/rdap/help`)).text();
});
afterAll(async () => {
  await server.close();
});

type Json = Record<string, unknown>;

async function rdap(path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { "x-forwarded-host": CONSOLE } });
  return { res, body: (await res.json()) as Json };
}

describe("RDAP entity, nameserver and help lookups", () => {
  it("answers the registrar entity by its IANA ID, with its abuse contact, and nothing for contact handles", async () => {
    await createRdapWorld();
    const { res, body } = await rdap(`/rdap/entity/${IANA_ID}`);
    expect(res.status).toBe(200);
    expect(schemaErrors("rdap_entity.json", body)).toEqual([]);
    expect(conformanceProblems(body)).toEqual([]);
    expect(
      registrarProblems([body], {
        requestUrl: `http://${CONSOLE}/rdap/entity/9999`,
        ianaId: IANA_ID,
        about: RDAP_BASE,
      }),
    ).toEqual([]);
    expect(body.links).toContainEqual(
      expect.objectContaining({
        rel: "self",
        href: `${RDAP_BASE}entity/9999`,
        value: `http://${CONSOLE}/rdap/entity/9999`,
      }),
    );
    for (const handle of ["1234", "p0123456789abc", "D1234-EXAMPLE"]) {
      expect((await rdap(`/rdap/entity/${handle}`)).res.status, handle).toBe(404);
    }
  });

  it("answers a nameserver we host under a sponsored name, and 404 for one hosted elsewhere", async () => {
    await createRdapWorld();
    const { res, body } = await rdap("/rdap/nameserver/NS1.bakery-rdap.org");
    expect(res.status).toBe(200);
    expect(schemaErrors("rdap_nameserver.json", body)).toEqual([]);
    expect(conformanceProblems(body)).toEqual([]);
    expect(body).toMatchObject({
      ldhName: "ns1.bakery-rdap.org",
      ipAddresses: { v4: ["192.0.2.53"], v6: ["2001:db8::53"] },
    });
    expect((await rdap("/rdap/nameserver/ns2.dns-hosting.example")).res.status).toBe(404);
  });

  it("answers help", async () => {
    await createRdapWorld();
    const { res, body } = await rdap("/rdap/help");
    expect(res.status).toBe(200);
    expect(schemaErrors("rdap_help.json", body)).toEqual([]);
    expect(conformanceProblems(body)).toEqual([]);
    expect(JSON.stringify(body.notices)).toContain("abuse@registrar.example");
  });

  it("refuses a client address past its lookup budget with 429, Retry-After and an RDAP error body", async () => {
    await createRdapWorld();
    const statuses: number[] = [];
    for (let i = 0; i < RDAP_RATE_RULE.limit; i += 1) statuses.push((await rdap("/rdap/help")).res.status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const { res, body } = await rdap("/rdap/domain/bakery-rdap.org");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(RDAP_RATE_RULE.windowMs / 1000);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(schemaErrors("rdap_error.json", body)).toEqual([]);
    expect(body).toMatchObject({ errorCode: 429, title: "Too Many Requests" });
  });
});
