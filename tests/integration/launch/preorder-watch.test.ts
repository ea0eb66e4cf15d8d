/**
 * The phase watcher and a pre-order's unclear answers (decision 133). The watcher plans from the launch
 * calendar: away from a published start with nothing due it sends the registry nothing, one safety
 * look per period, and near the start it looks every few seconds and sends the pre-orders the moment
 * the registry opens. A pre-order whose create never gets a clear answer is retried with the engine's
 * backoff and parked at its attempt cap with the money held (decision 074); a person's retry sends it
 * again, asking the registry first.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MockRegistry, RegistryAdmin } from "@/mock-registry";
import { buildRegistryRouter, setRegistryForTests } from "@/server/registry/access";
import { RegistryRouter, RegistryTransportError, type RegistryPort } from "@/server/registry";
import { clearCheckCache } from "@/server/domains/search/check-cache";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { env } from "@/env";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { retryParkedItem } from "@/server/fulfilment/parked/retry-parked-item";
import { placePreorder } from "@/server/launch/preorder-orders/place-preorder";
import { submitOpenPreorders } from "@/server/launch/preorder-submit/submit-preorders";
import { watchPass } from "@/server/launch/preorder-submit/watch-job";
import { createDomainReseller, createRegistrant, createStaff } from "../../support/factories";
import { createTldProduct } from "../../support/factories/money";
import { CONTACT } from "../domains/fulfilment/helpers";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
/** .nova's claims phase starts a minute from now on the registry's clock, and in the calendar. */
const CLAIMS_AT = NOW + 60_000;

let admin: RegistryAdmin;
let closeAll: () => Promise<void>;
/** Commands the platform sent, by operation. */
let sent: string[] = [];
/** Domain commands other than checks fail without an answer while this is set. */
let unreachable = false;

beforeAll(() => queue());
afterEach(() => closeAll());

/** The platform's router, counting what it sends and, while `unreachable`, losing domain commands' answers. */
function watched(router: RegistryRouter): RegistryRouter {
  const wrap = (port: RegistryPort): RegistryPort =>
    new Proxy(port, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== "string" || typeof value !== "function" || prop === "close") return value;
        return async (input: unknown) => {
          sent.push(prop);
          if (unreachable && prop.endsWith("Domain") && prop !== "checkDomains")
            throw new RegistryTransportError("timeout", "No response from the registry within 5000 ms.", true);
          return (value as (i: unknown) => Promise<unknown>).call(target, input);
        };
      },
    });
  return Object.assign(Object.create(RegistryRouter.prototype) as RegistryRouter, {
    forTld: (tld: string) => wrap(router.forTld(tld)),
    forDomain: (name: string) => wrap(router.forDomain(name)),
    checkDomains: (names: string[], years?: number) => router.checkDomains(names, years),
    close: async () => {},
  });
}

async function world() {
  sent = [];
  unreachable = false;
  const registry = new MockRegistry({ dataDir: null, frozenAt: NOW, anchorAt: CLAIMS_AT - 60 * DAY });
  admin = new RegistryAdmin(registry);
  const platform = buildRegistryRouter(
    { adapter: "inprocess", registry, clientId: "platform", password: "platform-dev-pass", commandTimeoutMs: 5_000 },
    { nova: "newgtld-sim" },
  );
  setRegistryForTests(watched(platform.router), "platform");
  clearCheckCache();
  closeAll = async () => {
    setRegistryForTests(null);
    await platform.close();
  };
  const product = await createTldProduct("nova", 2_400, { operator: "newgtld-sim" });
  // The registry's published plan, as the seed writes it (decision 122).
  const at = (day: number) => new Date(CLAIMS_AT + day * DAY).toISOString();
  await db.product.update({
    where: { id: product.id },
    data: {
      details: {
        launch: {
          phases: [
            { phase: "announced", startsAt: at(-90) },
            { phase: "sunrise", startsAt: at(-30) },
            { phase: "claims", startsAt: at(0) },
            { phase: "open", startsAt: at(90) },
          ],
        },
      },
    },
  });
  const reseller = await createDomainReseller({ slug: "nova-watch", wholesale: { nova: 2_600 }, balance: 1_000_000 });
  const ann = await createRegistrant(reseller.id, { email: "ann@nova.example" });
  const { order } = await placePreorder(ann.ctx, {
    resellerId: reseller.id,
    registrantId: ann.registrant.id,
    preorder: { name: "orbit.nova", contact: CONTACT },
    idempotencyKey: "po-orbit",
    channel: "storefront",
    payment: "balance",
  });
  const itemId = order.items[0].id;
  expect(await attemptItem(itemId, "job")).toMatchObject({ kind: "settled", state: "pending_registry" });
  sent = [];
  return { reseller, itemId };
}

const item = (id: string) => db.orderItem.findUniqueOrThrow({ where: { id }, include: { hold: true } });

/** A clock for one pass: `sleep` moves it, and the registry's clock with it. */
function clockAt(start: number) {
  let t = start;
  return {
    now: () => new Date(t),
    sleep: async (ms: number) => {
      t += ms;
      admin.advanceClock({ ms });
    },
  };
}

describe("the phase watcher", { timeout: 120_000 }, () => {
  it("sends nothing away from a start, one look per safety period, and sends the pre-orders when the phase opens", async () => {
    const { itemId } = await world();
    // The pre-order was queued with its contact and hosts already at the registry.
    expect((await item(itemId)).details).toMatchObject({ prepared: { registrant: expect.any(String) } });

    const safetyMs = env().LAUNCH_WATCH_SAFETY_SECONDS * 1000;
    // Days before the start, in the middle of a safety period: nothing is sent.
    const idle = Math.floor((NOW - 3 * DAY) / safetyMs) * safetyMs + safetyMs / 2;
    expect(await watchPass(clockAt(idle))).toEqual([]);
    expect(sent).toEqual([]);

    // The first pass of a safety period looks once, and the pre-order keeps waiting.
    expect(await watchPass(clockAt(idle + safetyMs / 2))).toEqual([["nova"]]);
    expect(sent).toEqual(["checkDomains"]);
    expect((await item(itemId)).state).toBe("pending_registry");

    // Half a minute before the published start: a look every few seconds, and the create once claims opens.
    sent = [];
    admin.advanceClock({ ms: 30_000 });
    const looks = await watchPass(clockAt(NOW + 30_000));
    expect(looks.length).toBeGreaterThan(1);
    expect(looks.every((l) => l.length === 1 && l[0] === "nova")).toBe(true);
    const done = await item(itemId);
    expect(done.state).toBe("completed");
    expect(done.hold?.status).toBe("captured");
    // At the start only the create went out beside the looks: no contact or host commands.
    expect(sent.filter((op) => op !== "checkDomains" && op !== "claimsCheck")).toEqual(["createDomain"]);
    expect(admin.domains("platform").map((d) => d.name)).toEqual(["orbit.nova"]);
    // The create's history row is written with the settle.
    expect(await db.domainOperation.count({ where: { orderItemId: itemId, operation: "createDomain" } })).toBe(1);
  });

  it("parks a pre-order whose creates never get a clear answer at the engine's attempt cap, money held", async () => {
    const { reseller, itemId } = await world();
    admin.advanceClock({ ms: 2 * 60_000 });
    unreachable = true;
    const cap = env().FULFILMENT_MAX_ATTEMPTS;
    let t = NOW + 2 * 60_000;
    for (let attempt = 1; attempt < cap; attempt++) {
      const { answers } = await submitOpenPreorders({ now: new Date(t) });
      expect(answers.map((a) => a.result)).toEqual(["retry"]);
      // The engine's backoff: nothing goes out again before the retry is due.
      expect((await submitOpenPreorders({ now: new Date(t) })).answers).toEqual([]);
      expect(await item(itemId)).toMatchObject({ state: "pending_registry", details: { tries: attempt, sent: true } });
      t += HOUR;
    }
    await submitOpenPreorders({ now: new Date(t) });
    const parked = await item(itemId);
    expect(parked.state).toBe("parked");
    expect(parked.hold?.status).toBe("held");
    expect((await db.fulfilmentRun.findUniqueOrThrow({ where: { itemId } })).parkedReason).toMatch(
      new RegExp(`After ${cap} attempts we still do not know whether the registry created orbit.nova`),
    );
    expect(await db.auditEntry.count({ where: { entityId: itemId, action: "order.item_parked" } })).toBe(1);
    t += HOUR;
    expect((await submitOpenPreorders({ now: new Date(t) })).answers).toEqual([]);

    // A person sends it back once the registry answers again: it asks first, then creates.
    unreachable = false;
    const owner = await createStaff(reseller.id, "owner");
    await retryParkedItem(owner.ctx, itemId);
    expect(await attemptItem(itemId, "job")).toMatchObject({ kind: "settled", state: "pending_registry" });
    sent = [];
    const { answers } = await submitOpenPreorders({ now: new Date(t) });
    expect(answers.map((a) => a.result)).toEqual(["registered"]);
    expect(sent).toContain("infoDomain");
    expect(await item(itemId)).toMatchObject({ state: "completed", hold: { status: "captured" } });
  });
});
