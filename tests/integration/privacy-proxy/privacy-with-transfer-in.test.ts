/**
 * Privacy bought with a transfer in: charged as the cart priced it, settled with the transfer, and when
 * the mock registry completes the transfer the proxy replaces the losing registrar's contacts at the
 * registry, with the relay address in RDAP, as a registration bought with privacy is created.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { getRegistry } from "@/server/registry/access";
import { answerRdap } from "@/server/rdap/answer-rdap";
import { setPrivacy } from "@/server/domains/manage/set-privacy";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { applyTransferInResult } from "@/server/domains/transfer-in/apply-transfer-in-result";
import {
  placeProxyAfterTransferIn,
  placeProxyAfterTransferJob,
} from "@/server/domains/provisioners/proxy-after-transfer";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  ensureRegistrar,
  startInProcessRegistry,
  type TestRegistry,
} from "../../support/factories";
import { buyAsRegistrant, clearFulfilmentQueue, CONTACT, drainFulfilment } from "../domains/fulfilment/helpers";

const NAME = "moving-quietly.org";
const AUTH = "Rival-Auth-9876!";
const SERVICE = "Example Registrar Inc. Privacy Service";

let reg: TestRegistry | undefined;
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function processPolls(): Promise<string[]> {
  const port = (await getRegistry()).forTld("org");
  const done: string[] = [];
  for (;;) {
    const { data: msg } = await port.pollRequest({});
    if (!msg) return done;
    if (msg.event?.kind === "transfer") done.push(await applyTransferInResult(msg.event.name, msg.event));
    await port.pollAck({ id: msg.id });
  }
}

/** Runs the placement jobs the completed transfer queued, as the worker would. */
async function runPlacementJobs(): Promise<string[]> {
  const boss = await queue();
  const jobs = await boss.fetch<{ domainId: string }>(placeProxyAfterTransferJob.name, { batchSize: 10 });
  const done: string[] = [];
  for (const job of jobs) {
    done.push(await placeProxyAfterTransferIn(job.data.domainId));
    await boss.complete(placeProxyAfterTransferJob.name, job.id);
  }
  return done;
}

async function rivalContact(id: string, name: string, email: string) {
  await reg?.rival.createContact({
    id,
    postal: [{ type: "int", name, street: ["9 Old Road"], city: "Leeds", pc: "LS1 1AA", cc: "GB" }],
    voice: "+44.1131234567",
    email,
    authInfo: "rival-contact-auth",
  });
}

async function setup() {
  await createDomainCatalog();
  await ensureRegistrar();
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const { ctx } = await createRegistrant(reseller.id);
  reg = startInProcessRegistry();
  await rivalContact("rv-holder-1", "Ada at the old registrar", "ada-old@rival.example");
  await rivalContact("rv-admin-1", "Rival Admin", "admin@rival.example");
  await reg.rival.createDomain({
    name: NAME,
    years: 1,
    authInfo: AUTH,
    registrant: "rv-holder-1",
    contacts: [
      { type: "admin", id: "rv-admin-1" },
      { type: "tech", id: "rv-admin-1" },
      { type: "billing", id: "rv-admin-1" },
    ],
  });
  // Past the 60-day lock that follows a registration.
  reg.admin.advanceClock({ days: 61 });
  const order = await buyAsRegistrant(ctx, {
    idempotencyKey: "transfer-privacy-1",
    items: [{ name: NAME, kind: "transfer", years: 1, privacy: true }],
    authCodes: { [NAME]: AUTH },
  });
  await drainFulfilment();
  return { ctx, order };
}

const itemsOf = (orderId: string) =>
  db.orderItem.findMany({ where: { orderId }, orderBy: { kind: "asc" }, include: { hold: true } });

describe("privacy bought with a transfer in", () => {
  it("charges for it, waits with the transfer, then puts the proxy at the registry in the losing registrar's contacts' place", async () => {
    const { ctx, order } = await setup();
    const waiting = await itemsOf(order.id);
    expect(waiting.map((i) => [i.kind, i.state])).toEqual([
      ["domain_transfer", "pending_registry"],
      ["privacy", "pending_registry"],
    ]);
    expect(waiting[1].retailAmount).toBeGreaterThan(0);

    reg?.admin.advanceClock({ days: 6 });
    expect((await processPolls()).join("\n")).toMatch(/completed \(serverApproved\)/);
    const done = await itemsOf(order.id);
    expect(done.map((i) => [i.kind, i.state, i.hold?.status])).toEqual([
      ["domain_transfer", "completed", "captured"],
      ["privacy", "completed", "captured"],
    ]);
    expect(await runPlacementJobs()).toEqual([expect.stringMatching(/registrant and technical contact/)]);

    const atRegistry = reg?.registry.store.domains.get(NAME);
    const proxy = reg?.registry.store.contacts.get(atRegistry?.registrant ?? "");
    expect(proxy?.postalInfo[0].name).toBe(SERVICE);
    expect(proxy?.clID).toBe("platform");
    const roles = Object.fromEntries((atRegistry?.contacts ?? []).map((c) => [c.type, c.id]));
    expect(roles.tech).toBe(atRegistry?.registrant);
    expect(reg?.registry.store.contacts.get(roles.admin)?.email).toBe(CONTACT.email);
    // Nothing of the losing registrar's is linked any more, billing included.
    expect(JSON.stringify(atRegistry?.contacts)).not.toContain("rv-");

    const domain = await db.domain.findUniqueOrThrow({ where: { name: NAME } });
    const row = await db.privacyProxyDomain.findUniqueOrThrow({ where: { domainId: domain.id } });
    expect(row).toMatchObject({ registry: "pir-sim", proxyHandle: atRegistry?.registrant });
    expect(await db.domainOperation.count({ where: { domainId: domain.id, operation: "updateDomain" } })).toBe(1);

    const res = await answerRdap(
      new Request(`http://localhost:3000/rdap/domain/${NAME}`, {
        headers: { accept: "application/rdap+json", "x-forwarded-for": "203.0.113.9" },
      }),
    );
    const rdap = await res.text();
    expect(rdap).toContain(SERVICE);
    expect(rdap).toContain(`+${row.relayToken}@`);
    expect(rdap).not.toContain(CONTACT.email);

    // A second run (a retried job) sends nothing; turning privacy off puts the customer's object back.
    expect(await placeProxyAfterTransferIn(domain.id)).toMatch(/is in place/);
    await setPrivacy(ctx, { domainId: domain.id, enabled: false });
    const back = reg?.registry.store.domains.get(NAME);
    expect(reg?.registry.store.contacts.get(back?.registrant ?? "")?.email).toBe(CONTACT.email);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("refunds the privacy with the transfer when the current registrar rejects it", async () => {
    const { order } = await setup();
    await reg?.rival.transferDomain({ op: "reject", name: NAME });
    expect((await processPolls()).join("\n")).toMatch(/ended: clientRejected/);
    const done = await itemsOf(order.id);
    expect(done.map((i) => [i.kind, i.state, i.hold?.status])).toEqual([
      ["domain_transfer", "refunded", "released"],
      ["privacy", "refunded", "released"],
    ]);
    expect(await runPlacementJobs()).toEqual([]);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });
});
