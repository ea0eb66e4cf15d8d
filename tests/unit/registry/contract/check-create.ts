import { expect, it } from "vitest";
import type { ContractEnv } from "../../../support/epp-test-registry";
import { DS, dialectOf, expectEpp, label, makeComDomain, makeContact, makeHost, makeOrgDomain } from "./helpers";

export function checkAndCreateContract(env: () => ContractEnv): void {
  it("checks many names in one command with availability, reasons and registry prices", async () => {
    const taken = await makeComDomain(env().platform);
    const free = `${label()}.com`;
    const names = [free, taken, "nic.com", "-bad.com", "x.zz", "buy.shop", `${label()}.co`];
    if (dialectOf(env()).invalidNameInCheck === "error") {
      // This dialect refuses the whole check for one name it cannot parse: ask for those alone.
      await expectEpp(env().platform.checkDomains({ names: [free, "-bad.com"] }), 2005);
      await expectEpp(env().platform.checkDomains({ names: [free, "x.zz"] }), 2005);
      names.splice(3, 2, `${label()}.com`, `${label()}.com`);
    }
    const { code, data } = await env().platform.checkDomains({ names });
    expect(code).toBe(1000);
    const [f, t, reserved, bad, unknown, premium, promo] = data;
    expect(f).toMatchObject({
      name: free,
      available: true,
      premium: false,
      phase: "open",
      prices: { create: { amount: 1026, currency: "USD" } },
    });
    expect(t).toMatchObject({ available: false, reason: "In use" });
    expect(reserved).toMatchObject({ available: false, reason: "Reserved" });
    if (dialectOf(env()).invalidNameInCheck === "unavailable") {
      expect(bad).toMatchObject({ available: false, reason: "Label starts with a hyphen" });
      expect(unknown).toMatchObject({ available: false, reason: "TLD not served by this registry" });
    }
    expect(premium).toMatchObject({
      available: true,
      premium: true,
      prices: { create: { amount: 500_000 }, renew: { amount: 500_000 } },
    });
    expect(promo.prices.create?.amount).toBe(1200);
    expect(promo.prices.renew?.amount).toBe(2500);
    expect(promo.prices.restore?.amount).toBe(4000 + 2500);
  });

  it("answers a fifty-name check in one command and refuses fifty-one with 2306", async () => {
    const names = Array.from({ length: 50 }, (_, i) => `bulk${i}-${label()}.net`);
    const { data } = await env().platform.checkDomains({ names });
    expect(data).toHaveLength(50);
    expect(data.every((d) => d.available)).toBe(true);
    await expectEpp(env().platform.checkDomains({ names: [...names, "one-more.net"] }), 2306, /Too many/);
  });

  it("reports each launch phase and keeps announced TLDs closed", async () => {
    const { data } = await env().platform.checkDomains({
      names: ["alpha.bloom", "alpha.forge", "alpha.vista", "alpha.nova", "alpha.net"],
    });
    expect(data.map((d) => d.phase)).toEqual(["sunrise", "landrush", "claims", "announced", "open"]);
    expect(data[3]).toMatchObject({ available: false, reason: "Not open until 2026-07-01" });
    expect(data[0].prices.create?.amount).toBe(3 * 2000);
  });

  it("creates a domain with contacts, hosts and DS data and reads it back", async () => {
    const e = env();
    await makeHost(e.platform, `ns1.${label()}.dns-host.de`);
    const c = await makeContact(e.platform);
    const ns = await makeHost(e.platform, `ns2.${label()}.dns-host.de`);
    const name = `${label()}.org`;
    const created = await e.platform.createDomain({
      name,
      years: 2,
      registrant: c,
      contacts: [
        { type: "admin", id: c },
        { type: "tech", id: c },
      ],
      nameservers: [ns],
      authInfo: "s3cret-code",
      ds: [DS],
    });
    expect(created.code).toBe(1000);
    expect(created.data).toMatchObject({
      name,
      pending: false,
      createdAt: "2026-06-01T00:00:00.000Z",
      expiresAt: "2028-06-01T00:00:00.000Z",
    });
    expect(created.data.fee?.fees[0]).toEqual({ amount: 2 * 1130, currency: "USD" });
    const { data: info } = await e.platform.infoDomain({ name });
    expect(info).toMatchObject({
      name,
      sponsor: "platform",
      registrant: c,
      nameservers: [ns],
      statuses: ["ok"],
      authInfo: "s3cret-code",
      rgpStatuses: ["addPeriod"],
      ds: [DS],
    });
  });

  it("refuses a duplicate (2302), a reserved name (2304) and bad syntax (2005)", async () => {
    const name = await makeComDomain(env().platform);
    await expectEpp(env().rival.createDomain({ name, authInfo: "another-1" }), 2302);
    await expectEpp(env().platform.createDomain({ name: "whois.com", authInfo: "another-1" }), 2304, /reserved/);
    await expectEpp(
      env().platform.createDomain({ name: "ab--cd.com", authInfo: "another-1" }),
      2005,
      /third or fourth/,
    );
    await expectEpp(env().platform.createDomain({ name: "a.b.com", authInfo: "another-1" }), 2005);
  });

  it("accepts IDNs in the scripts the TLD allows and refuses the others (2306)", async () => {
    await env().platform.createDomain({ name: "xn--mnchen-3ya.com", authInfo: "idn-secret" });
    await expectEpp(
      env().platform.createDomain({ name: "xn--80ak6aa92e.org", authInfo: "idn-secret" }),
      2306,
      /IDN table/,
    );
  });

  it("follows each TLD's contact policy", async () => {
    const c = await makeContact(env().platform);
    await expectEpp(
      env().platform.createDomain({ name: `${label()}.com`, registrant: c, authInfo: "secret-1" }),
      2306,
      /prohibited/,
    );
    await expectEpp(
      env().platform.createDomain({ name: `${label()}.org`, authInfo: "secret-1" }),
      2003,
      /Registrant is required/,
    );
    await expectEpp(
      env().platform.createDomain({
        name: `${label()}.org`,
        registrant: c,
        contacts: [{ type: "admin", id: c }],
        authInfo: "secret-1",
      }),
      2003,
      /Technical contact/,
    );
    const rivalContact = await makeContact(env().rival);
    await expectEpp(
      env().platform.createDomain({ name: `${label()}.io`, registrant: rivalContact, authInfo: "secret-1" }),
      2201,
    );
  });

  it("needs existing host objects as nameservers (2303)", async () => {
    await expectEpp(
      env().platform.createDomain({
        name: `${label()}.net`,
        nameservers: ["ns.nowhere.example.net"],
        authInfo: "secret-1",
      }),
      2303,
      /linked/,
    );
  });

  it("needs an explicit fee for premium names (2003) and refuses a fee below the price (2004)", async () => {
    await expectEpp(env().platform.createDomain({ name: "cart.shop", authInfo: "secret-1" }), 2003, /premium/);
    await expectEpp(
      env().platform.createDomain({ name: "cart.shop", authInfo: "secret-1", fee: { amount: 99_99, currency: "USD" } }),
      2004,
    );
    await expectEpp(
      env().platform.createDomain({
        name: "cart.shop",
        authInfo: "secret-1",
        fee: { amount: 100_000, currency: "EUR" },
      }),
      2306,
    );
    const ok = await env().platform.createDomain({
      name: "cart.shop",
      authInfo: "secret-1",
      fee: { amount: 100_000, currency: "USD" },
    });
    expect(ok.data.fee?.fees[0].amount).toBe(100_000);
  });

  it("refuses registrations longer than ten years (2004)", async () => {
    await expectEpp(
      env().platform.createDomain({ name: `${label()}.net`, years: 11, authInfo: "secret-1" }),
      2004,
      /maximum number of years/,
    );
  });

  it("fails with 2104 when the registrar's prepaid balance runs out", async () => {
    env().admin.setBalance("platform", 500);
    await expectEpp(env().platform.createDomain({ name: `${label()}.net`, authInfo: "secret-1" }), 2104);
  });

  it("requires DS data for delegated .app names", async () => {
    const ns = await makeHost(env().platform, `ns.${label()}.dns-host.de`);
    await expectEpp(
      env().platform.createDomain({ name: `${label()}.app`, nameservers: [ns], authInfo: "secret-1" }),
      2306,
      /DNSSEC is required/,
    );
    const ok = await env().platform.createDomain({
      name: `${label()}.app`,
      nameservers: [ns],
      authInfo: "secret-1",
      ds: [DS],
    });
    expect(ok.code).toBe(1000);
    await expectEpp(
      env().platform.createDomain({ name: `${label()}.net`, authInfo: "secret-1", ds: [{ ...DS, digest: "abcd" }] }),
      2306,
      /invalid DS/,
    );
  });

  it("renews with the current expiry date and refuses a stale date (2004)", async () => {
    const name = await makeOrgDomain(env());
    const renewed = await env().platform.renewDomain({ name, currentExpiry: "2027-06-01", years: 3 });
    expect(renewed.data.expiresAt).toBe("2030-06-01T00:00:00.000Z");
    await expectEpp(
      env().platform.renewDomain({ name, currentExpiry: "2027-06-01" }),
      2004,
      /expiration date is incorrect/,
    );
    await expectEpp(
      env().platform.renewDomain({ name, currentExpiry: "2030-06-01", years: 9 }),
      2004,
      /maximum number of years/,
    );
  });
}
