import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { encodeSession, sessionCookieName } from "@/server/auth/session-token";
import { createRegistrant, passwordHashFor, startTestSession } from "../../support/factories";
import { domainProfileProblems } from "./support/rdap-profile";
import { schemaErrors } from "./support/rdap-schema";
import { startRdapServer, type RdapServer } from "./support/rdap-server";
import { CONSOLE, createRdapWorld, IANA_ID, ORG_REGISTRY_RDAP, RDAP_BASE, RITA } from "./support/rdap-world";

let server: RdapServer;
beforeAll(async () => {
  server = await startRdapServer(5770);
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

async function rdap(path: string, opts: { host?: string; cookie?: string; method?: string } = {}) {
  const headers: Record<string, string> = { "x-forwarded-host": opts.host ?? CONSOLE, accept: "application/rdap+json" };
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await fetch(`${server.url}${path}`, { method: opts.method ?? "GET", headers });
  const text = await res.text();
  return { res, text, body: (text ? JSON.parse(text) : null) as Json };
}

function entity(body: Json, role: string): Json {
  const found = (body.entities as Json[]).find((e) => (e.roles as string[]).includes(role));
  if (!found) throw new Error(`no ${role} entity`);
  return found;
}

function vcardValue(e: Json, name: string): unknown {
  const props = (e.vcardArray as [string, unknown[][]])[1];
  return props.find((p) => p[0] === name)?.[3];
}

function expectValidDomain(body: Json, requestUrl: string) {
  expect(schemaErrors("rdap_domain.json", body)).toEqual([]);
  expect(domainProfileProblems(body, { requestUrl, ianaId: IANA_ID, about: RDAP_BASE })).toEqual([]);
}

describe("RDAP domain lookups", () => {
  it("answers an anonymous lookup with the registrant and technical contact redacted per the profile", async () => {
    const { domain } = await createRdapWorld();
    const { res, body, text } = await rdap(`/rdap/domain/${domain.name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/rdap+json");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expectValidDomain(body, `http://${CONSOLE}/rdap/domain/${domain.name}`);

    expect(body.ldhName).toBe("bakery-rdap.org");
    expect(body.handle).toBe("D1234-EXAMPLE");
    expect(body.links).toContainEqual({
      value: `http://${CONSOLE}/rdap/domain/${domain.name}`,
      rel: "related",
      href: `${ORG_REGISTRY_RDAP}domain/bakery-rdap.org`,
      type: "application/rdap+json",
    });
    expect(body.status).toEqual(["client transfer prohibited", "client delete prohibited"]);
    expect(body.secureDNS).toEqual({
      delegationSigned: true,
      dsData: [{ keyTag: 12345, algorithm: 13, digestType: 2, digest: expect.stringMatching(/^3D4F/) }],
    });
    expect(body.nameservers).toEqual([
      {
        objectClassName: "nameserver",
        ldhName: "ns1.bakery-rdap.org",
        ipAddresses: { v4: ["192.0.2.53"], v6: ["2001:db8::53"] },
      },
      { objectClassName: "nameserver", ldhName: "ns2.dns-hosting.example" },
    ]);
    const registrar = entity(body, "registrar");
    expect(registrar.handle).toBe("9999");
    const abuse = (registrar.entities as Json[])[0];
    expect(vcardValue(abuse, "email")).toBe("abuse@registrar.example");
    expect(vcardValue(abuse, "tel")).toBe("tel:+1.5555550100");
    expect(vcardValue(entity(body, "reseller"), "fn")).toBe("Acme Domains");

    const registrant = entity(body, "registrant");
    expect(vcardValue(registrant, "fn")).toBe("");
    expect(vcardValue(registrant, "email")).toBe("support@acme.example");
    expect(vcardValue(registrant, "tel")).toBeUndefined();
    expect(vcardValue(registrant, "adr")).toEqual(["", "", "", "", "England", "", ""]);
    const redactedTypes = (body.redacted as Json[]).map((r) => (r.name as Json).type);
    expect(redactedTypes).toEqual(
      expect.arrayContaining([
        "Registry Registrant ID",
        "Registrant Name",
        "Registrant Organization",
        "Registrant Street",
        "Registrant City",
        "Registrant Postal Code",
        "Registrant Phone",
        "Registrant Email",
        "Tech Name",
        "Tech Phone",
        "Tech Email",
      ]),
    );
    for (const secret of [RITA.name, RITA.email, RITA.phone, RITA.street1, RITA.city, RITA.postalCode, "Bakery"])
      expect(text).not.toContain(secret);
  });

  it("shows the registrant signed in on their storefront their own details in full", async () => {
    const { acme, domain, cookie } = await createRdapWorld();
    const { res, body } = await rdap(`/rdap/domain/${domain.name}`, { host: acme.host, cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expectValidDomain(body, `http://${acme.host}/rdap/domain/${domain.name}`);
    const registrant = entity(body, "registrant");
    expect(vcardValue(registrant, "fn")).toBe(RITA.name);
    expect(vcardValue(registrant, "org")).toBe(RITA.organization);
    expect(vcardValue(registrant, "email")).toBe(RITA.email);
    expect(vcardValue(registrant, "tel")).toBe(`tel:${RITA.phone}`);
    expect(vcardValue(registrant, "adr")).toEqual([
      "",
      "",
      [RITA.street1, RITA.street2],
      "London",
      "England",
      "NW1 6XE",
      "",
    ]);
    const types = (body.redacted as Json[]).map((r) => (r.name as Json).type);
    expect(types).toEqual(["Registry Registrant ID", "Registry Tech ID"]);
  });

  it("keeps the details redacted for another registrant of the same storefront, and for a session taken to another host", async () => {
    const { acme, domain, cookie } = await createRdapWorld();
    const other = await createRegistrant(acme.id);
    const claims = await startTestSession({
      kind: "registrant",
      sub: other.registrant.id,
      resellerId: acme.id,
      host: acme.host,
      sv: 0,
    });
    const otherCookie = `${sessionCookieName()}=${await encodeSession(claims)}`;
    const asOther = await rdap(`/rdap/domain/${domain.name}`, { host: acme.host, cookie: otherCookie });
    expect(vcardValue(entity(asOther.body, "registrant"), "fn")).toBe("");
    const elsewhere = await rdap(`/rdap/domain/${domain.name}`, { host: CONSOLE, cookie });
    expect(vcardValue(entity(elsewhere.body, "registrant"), "fn")).toBe("");
    expect(elsewhere.text).not.toContain(RITA.email);
  });

  it("names the proxy service, labelled as such, for a name with privacy on, and still shows its registrant their own details", async () => {
    const { acme, domain, cookie } = await createRdapWorld({ privacy: true });
    const { res, body, text } = await rdap(`/rdap/domain/${domain.name}`, { host: CONSOLE });
    expect(res.status).toBe(200);
    expectValidDomain(body, `http://${CONSOLE}/rdap/domain/${domain.name}`);
    const registrant = entity(body, "registrant");
    expect(vcardValue(registrant, "fn")).toBe("Example Registrar Inc. Privacy Service");
    expect(registrant.status).toEqual(["proxy"]);
    expect(registrant.remarks).toEqual([expect.objectContaining({ title: "Proxy service" })]);
    expect(entity(body, "technical").status).toEqual(["proxy"]);
    for (const secret of [RITA.name, RITA.email, RITA.phone, RITA.street1, RITA.postalCode, "Bakery"])
      expect(text).not.toContain(secret);

    const own = await rdap(`/rdap/domain/${domain.name}`, { host: acme.host, cookie });
    expectValidDomain(own.body, `http://${acme.host}/rdap/domain/${domain.name}`);
    expect(vcardValue(entity(own.body, "registrant"), "fn")).toBe(RITA.name);
    expect(own.res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("finds a name by its U-label or its A-label in any letter case", async () => {
    const { domain } = await createRdapWorld({ name: "xn--bcher-kva.org", unicodeName: "bücher.org" });
    for (const asked of ["B%C3%BCCHER.org", "XN--BCHER-KVA.ORG", "bücher.org."]) {
      const { res, body } = await rdap(`/rdap/domain/${asked}`);
      expect(res.status, asked).toBe(200);
      expect(body.ldhName).toBe(domain.name);
      expect(body.unicodeName).toBe("bücher.org");
    }
  });

  it("answers 404 with an RDAP error body for names we do not sponsor, deleted or transferred away", async () => {
    const { domain } = await createRdapWorld();
    const unknown = await rdap("/rdap/domain/someone-elses.org");
    expect(unknown.res.status).toBe(404);
    expect(unknown.res.headers.get("access-control-allow-origin")).toBe("*");
    expect(schemaErrors("rdap_error.json", unknown.body)).toEqual([]);
    expect(unknown.body).toMatchObject({ errorCode: 404, title: "Not Found" });
    for (const state of ["transferred_away", "deleted", "pending_create"] as const) {
      await db.domain.update({ where: { id: domain.id }, data: { state } });
      expect((await rdap(`/rdap/domain/${domain.name}`)).res.status, state).toBe(404);
    }
  });

  it("answers 400 to malformed queries and 501 to queries a registrar does not serve", async () => {
    await createRdapWorld();
    for (const path of [
      "/rdap/domain/exa_mple.org",
      "/rdap/domain/a..org",
      "/rdap/domain/org",
      `/rdap/domain/${"a".repeat(64)}.org`,
      `/rdap/domain/${"a".repeat(2000)}`,
      "/rdap/domain/x.org/extra",
      "/rdap/whois/x.org",
      "/rdap/entity/not%20a%20handle",
      "/rdap/domain/%E0%A4%A",
    ]) {
      const { res, body } = await rdap(path);
      expect(res.status, path).toBe(400);
      expect(schemaErrors("rdap_error.json", body), path).toEqual([]);
    }
    for (const path of ["/rdap/ip/192.0.2.1", "/rdap/autnum/64496", "/rdap/domains?name=x*"]) {
      expect((await rdap(path)).res.status, path).toBe(501);
    }
  });

  it("answers HEAD like GET without a body, and a CORS preflight", async () => {
    const { domain } = await createRdapWorld();
    const head = await rdap(`/rdap/domain/${domain.name}`, { method: "HEAD" });
    expect(head.res.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.res.headers.get("access-control-allow-origin")).toBe("*");
    expect((await rdap("/rdap/domain/unknown-name.org", { method: "HEAD" })).res.status).toBe(404);
    const preflight = await fetch(`${server.url}/rdap/domain/${domain.name}`, {
      method: "OPTIONS",
      headers: { origin: "https://lookup.example", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });
  it("has checks that catch a broken answer: a wrong status, a missing notice, a redaction that does not match", async () => {
    const { domain } = await createRdapWorld();
    const requestUrl = `http://${CONSOLE}/rdap/domain/${domain.name}`;
    const { body } = await rdap(`/rdap/domain/${domain.name}`);
    const want = { requestUrl, ianaId: IANA_ID, about: RDAP_BASE };
    const broken = (change: (b: Json) => void) => {
      const copy = JSON.parse(JSON.stringify(body)) as Json;
      change(copy);
      return copy;
    };
    expect(
      schemaErrors(
        "rdap_domain.json",
        broken((b) => (b.status = ["clientTransferProhibited"])),
      ),
    ).not.toEqual([]);
    expect(
      schemaErrors(
        "rdap_domain.json",
        broken((b) => (b.events = [{ eventAction: "registration", eventDate: "soon" }])),
      ),
    ).not.toEqual([]);
    const cases: [string, (b: Json) => void][] = [
      ["no Status Codes notice", (b) => (b.notices = (b.notices as Json[]).filter((n) => n.title !== "Status Codes"))],
      [
        "no registrar expiration",
        (b) => (b.events = (b.events as Json[]).filter((e) => e.eventAction !== "registrar expiration")),
      ],
      ["no abuse contact", (b) => delete entity(b, "registrar").entities],
      [
        "no redacted conformance",
        (b) => (b.rdapConformance = (b.rdapConformance as string[]).filter((c) => c !== "redacted")),
      ],
      [
        "Registrant City not declared",
        (b) => (b.redacted = (b.redacted as Json[]).filter((r) => (r.name as Json).type !== "Registrant City")),
      ],
      [
        "a phone removed but still shown",
        (b) => (
          (entity(b, "registrant").vcardArray as [string, unknown[]])[1].push([
            "tel",
            { type: "voice" },
            "uri",
            "tel:+1.5",
          ]),
          (b.redacted as Json[]).push({
            name: { type: "Registrant Phone" },
            prePath: "$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='tel')]",
            pathLang: "jsonpath",
            method: "removal",
            reason: { description: "x" },
          })
        ),
      ],
      ["two registrants", (b) => (b.entities as Json[]).push(entity(b, "registrant"))],
    ];
    for (const [what, change] of cases) expect(domainProfileProblems(broken(change), want), what).not.toEqual([]);
  });
});
