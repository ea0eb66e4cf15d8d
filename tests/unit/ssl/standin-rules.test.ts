/**
 * The stand-in's rules without HTTP: the maximum lifetime by issue date (SC-081v3), products and
 * coverage, the manual approval step, DCV reuse expiring, and email DCV ending (SC-090).
 */
import { describe, expect, it } from "vitest";
import { createCaStandIn, maxCertificateDays } from "@/ca-standin/index";
import { productFor } from "@/ca-standin/products";
import type { PlaceOrderInput } from "@/ca-standin/stand-in";
import { makeCsr, tableDns } from "../../integration/ssl/standin-helpers";

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("maximum certificate lifetime by issue date", () => {
  it.each([
    ["2026-03-14", 398],
    ["2026-03-15", 200],
    ["2027-03-14", 200],
    ["2027-03-15", 100],
    ["2029-03-14", 100],
    ["2029-03-15", 47],
    ["2031-01-01", 47],
  ])("%s → %i days", (day, days) => {
    expect(maxCertificateDays(at(day))).toBe(days);
  });
});

describe("products", () => {
  it("picks the coverage from the names and refuses what a product cannot hold", () => {
    expect(productFor("dv", ["example.com", "www.example.com"])).toMatchObject({ code: "dv-single" });
    expect(productFor("dv", ["*.example.com", "example.com"])).toMatchObject({ code: "dv-wildcard" });
    expect(productFor("ov", ["a.com", "b.com", "c.net"])).toMatchObject({ code: "ov-multi" });
    expect(productFor("ev", ["*.example.com"])).toMatch(/EV certificates cannot include wildcard/);
    expect(productFor("dv", ["a.com", "b.com"], "dv-single")).toMatch(/covers one name/);
    expect(productFor("dv", ["a.com"], "ov-single")).toMatch(/is OV, not DV/);
  });
});

async function standInAt(clock: { now: Date }, approval: "auto" | "manual" = "auto") {
  const dns = tableDns();
  const { standIn } = await createCaStandIn({ resolver: dns, approval, now: () => clock.now });
  const place = async (names: string[], extra: Partial<PlaceOrderInput> = {}) =>
    standIn.placeOrder({
      externalId: `u-${Math.random()}`,
      csrPem: (await makeCsr(names)).csrPem,
      names,
      level: "dv",
      dcvMethod: "dns-txt",
      validityDays: 500,
      ...extra,
    });
  const pass = async (orderId: string) => {
    for (const c of standIn.order(orderId).challenges) {
      dns.set(c.dnsRecordName!, c.dnsRecordValue!);
      await standIn.confirmChallenge(orderId, c.name);
    }
    return standIn.order(orderId);
  };
  return { standIn, place, pass };
}

const lifetimeDays = (c: { notBefore: string; notAfter: string }) =>
  (Date.parse(c.notAfter) - Date.parse(c.notBefore) + 1000) / 86_400_000;

describe("stand-in in process", () => {
  it("waits at the approval step in manual mode, then signs for no longer than the date allows", async () => {
    const clock = { now: at("2029-04-01") };
    const { standIn, place, pass } = await standInAt(clock, "manual");
    const order = await place(["approve.example.com"]);
    expect((await pass(order.id)).state).toBe("pending_approval");
    const issued = await standIn.approve(order.id);
    expect(issued.state).toBe("issued");
    expect(lifetimeDays(standIn.state.certificates[issued.serials[0]])).toBe(47);
  });

  it("grants 398 days the day before 2026-03-15", async () => {
    const { standIn, place, pass } = await standInAt({ now: at("2026-03-14") });
    const issued = await pass((await place(["early.example.com"])).id);
    expect(lifetimeDays(standIn.state.certificates[issued.serials[0]])).toBe(398);
  });

  it("reuses a domain validation within the window and asks again after it", async () => {
    const clock = { now: at("2027-06-01") };
    const { standIn, place, pass } = await standInAt(clock);
    const order = await pass((await place(["reuse.example.com"])).id);
    clock.now = new Date(clock.now.getTime() + 99 * 86_400_000);
    const soon = await standIn.reissue(order.id, { csrPem: (await makeCsr(["reuse.example.com"])).csrPem });
    expect(soon.state).toBe("issued");
    clock.now = new Date(clock.now.getTime() + 2 * 86_400_000); // 101 days after validation: past the 100-day reuse
    const late = await standIn.reissue(order.id, { csrPem: (await makeCsr(["reuse.example.com"])).csrPem });
    expect(late.state).toBe("pending_validation");
    expect(late.challenges[0].state).toBe("pending");
  });

  it("offers email validation until 2028-03-15 only", async () => {
    const before = await standInAt({ now: at("2028-03-14") });
    expect((await before.place(["m.example.com"], { dcvMethod: "email" })).challenges[0].emailAddress).toBe(
      "admin@m.example.com",
    );
    const after = await standInAt({ now: at("2028-03-15") });
    await expect(after.place(["m.example.com"], { dcvMethod: "email" })).rejects.toThrow(/SC-090/);
  });
});
