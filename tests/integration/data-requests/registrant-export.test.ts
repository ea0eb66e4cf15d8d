import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { setPlatformClock } from "@/server/domains/lifecycle/clock";
import { placeDomainOrder } from "@/server/domains/checkout/place-domain-order";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { completeTestCheckout } from "@/server/order-payments/complete-test-checkout";
import { exportJson, exportRegistrantData } from "@/server/data-requests/export-registrant-data";
import { REGISTRANT_DATA_MAP } from "@/server/data-requests/registrant-data-map";
import {
  submitDisclosureRequest,
  submitOwnSubjectRequest,
  submitSubjectRequestByMail,
  confirmDataRequest,
} from "@/server/data-requests/submit-data-request";
import { decideDataRequest } from "@/server/data-requests/decide-data-request";
import { listDataRequests } from "@/server/data-requests/list-data-requests";
import { submitAbuseReport } from "@/server/abuse/submit-report";
import { receivedText } from "../../support/received-mail";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  createRegistrarStaff,
  createStaff,
  ensureRegistrar,
  startInProcessRegistry,
  type TestRegistry,
} from "../../support/factories";
import { clearFulfilmentQueue, CONTACT, drainFulfilment } from "../domains/fulfilment/helpers";

let reg: TestRegistry | undefined;
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  setPlatformClock(null);
  await reg?.close();
  reg = undefined;
});

type RegistrantCtx = Extract<ActorContext, { kind: "registrant" }>;

/** A registrant buys a name with its own contact details, paid by the test provider. */
async function buy(ctx: RegistrantCtx, name: string, email: string) {
  const { order, created } = await placeDomainOrder(ctx, {
    contact: { ...CONTACT, name: `Holder of ${name}`, email },
    nameservers: null,
    idempotencyKey: `key-${name}`,
    items: [{ name, kind: "register", years: 1, privacy: false }],
    resellerId: ctx.resellerId,
  });
  if (created) {
    const { paymentId } = await startOrderCheckout(ctx, {
      orderId: order.id,
      storefrontOrigin: "http://shop.localhost:3000",
    });
    await completeTestCheckout(ctx, { paymentId, outcome: "pay" });
  }
  return order;
}

async function world() {
  await ensureRegistrar();
  await createDomainCatalog(["com"]);
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  await createStaff(reseller.id, "owner");
  const a = await createRegistrant(reseller.id, { email: "alice@example.org", name: "Alice Example" });
  const b = await createRegistrant(reseller.id, { email: "bob@example.net", name: "Bob Other" });
  reg = startInProcessRegistry();
  setPlatformClock(() => reg!.admin.now());
  await buy(a.ctx, "alice-one.com", "alice-contact@example.org");
  await buy(b.ctx, "bob-one.com", "bob-contact@example.net");
  await drainFulfilment();
  const aDomain = await db.domain.findUniqueOrThrow({ where: { name: "alice-one.com" } });
  const bDomain = await db.domain.findUniqueOrThrow({ where: { name: "bob-one.com" } });
  expect([aDomain.state, bDomain.state]).toEqual(["active", "active"]);
  for (const [r, d] of [
    [a, aDomain],
    [b, bDomain],
  ] as const) {
    await db.session.create({
      data: {
        registrantId: r.registrant.id,
        expiresAt: new Date(Date.now() + 3_600_000),
        device: "Firefox",
        address: "203.0.113.5",
      },
    });
    await submitAbuseReport({
      source: "mail",
      category: "spam",
      domain: d.name,
      description: `spam from ${d.name}`,
      reporterName: "Reporter Person",
      reporterEmail: `reporter-of-${d.name}@example.com`,
      fromAuthority: false,
      viaResellerId: null,
      evidence: [],
    });
    await submitOwnSubjectRequest(r.registrant, { kind: "access", details: "" });
    // A second factor turned on, and one of its recovery codes spent.
    await db.registrantTotp.create({
      data: {
        registrantId: r.registrant.id,
        secret: `totp-secret-of-${d.name}`,
        enabledAt: new Date(),
        lastStep: 59_000_000,
      },
    });
    await db.registrantRecoveryCode.createMany({
      data: [1, 2].map((n) => ({
        registrantId: r.registrant.id,
        codeHash: `code-hash-${n}-of-${d.name}`,
        usedAt: n === 1 ? new Date() : null,
      })),
    });
  }
  return { reseller, a, b, aDomain, bDomain };
}

/** Every id-bearing row of each exported model, by the same keys the export uses. */
const ids = (rows: Record<string, unknown>[]) =>
  rows.map((r) => String(r.id ?? r.contactId ?? r.domainId ?? r.seq ?? r.reference));

describe("data-subject export", () => {
  it("holds every row about the registrant, in every exported model, and none about another", async () => {
    const { a, b, aDomain, bDomain } = await world();
    const admin = await createRegistrarStaff("registrar_admin");
    const out = await exportRegistrantData(admin.ctx, a.registrant.id);
    const json = exportJson(out);

    // Each exported model is in the document.
    const keys = Object.values(REGISTRANT_DATA_MAP).flatMap((r) => ("export" in r ? [r.export] : []));
    expect(Object.keys(out.data).sort()).toEqual([...keys].sort());

    // Every row about A that each table holds is there.
    const aContacts = await db.contact.findMany({ where: { registrantId: a.registrant.id } });
    const aOrders = await db.order.findMany({ where: { registrantId: a.registrant.id } });
    const aItems = await db.orderItem.findMany({ where: { orderId: { in: aOrders.map((o) => o.id) } } });
    const expected: Record<string, string[]> = {
      account: [a.registrant.id],
      domains: [aDomain.id],
      contacts: aContacts.map((c) => c.id),
      orders: aOrders.map((o) => o.id),
      orderItems: aItems.map((i) => i.id),
      orderItemHistory: (
        await db.orderItemTransition.findMany({ where: { itemId: { in: aItems.map((i) => i.id) } } })
      ).map((t) => String(t.id)),
      payments: (await db.payment.findMany({ where: { orderId: { in: aOrders.map((o) => o.id) } } })).map((p) => p.id),
      registryOperations: (await db.domainOperation.findMany({ where: { domainId: aDomain.id } })).map((o) =>
        String(o.id),
      ),
      contactVerifications: (
        await db.contactVerification.findMany({ where: { contactId: { in: aContacts.map((c) => c.id) } } })
      ).map((v) => v.contactId),
      mails: (
        await db.outboxMail.findMany({
          where: {
            toAddress: { in: ["alice@example.org", ...aContacts.map((c) => c.email)] },
            resellerId: a.registrant.resellerId,
          },
        })
      ).map((m) => m.id),
      dataRequests: (await db.dataRequest.findMany({ where: { registrantId: a.registrant.id } })).map((d) => d.id),
    };
    for (const [key, want] of Object.entries(expected)) {
      expect(want.length, `${key} has rows in this test`).toBeGreaterThan(0);
      expect(ids(out.data[key]).sort(), key).toEqual([...want].sort());
    }
    expect(out.data.sessions).toHaveLength(1);
    expect(out.data.abuseReports).toHaveLength(1);
    expect(out.data.auditTrail.length).toBeGreaterThan(0);
    expect(json).toContain("alice-contact@example.org");

    // Nothing about B, nor the abuse reporter, nor any secret.
    for (const other of [
      b.registrant.id,
      bDomain.id,
      "bob-one.com",
      "bob@example.net",
      "bob-contact@example.net",
      "Bob Other",
    ])
      expect(json).not.toContain(other);
    expect(json).not.toContain("reporter-of-");
    expect(json).not.toContain(a.registrant.passwordHash);
    expect(json).not.toContain(aDomain.authInfoEnc ?? "\0");

    // The second factor: that it is on and since when, and each recovery code's use; no secret, no hash.
    expect(out.data.secondFactor).toEqual([{ createdAt: expect.any(Date), enabledAt: expect.any(Date) }]);
    expect(out.data.recoveryCodes).toHaveLength(2);
    expect(out.data.recoveryCodes.filter((c) => c.usedAt !== null)).toHaveLength(1);
    expect(out.data.recoveryCodes.every((c) => Object.keys(c).sort().join() === "createdAt,usedAt")).toBe(true);
    expect(json).not.toContain("totp-secret-of-");
    expect(json).not.toContain("code-hash-");
    expect(json).not.toContain("59000000");

    // A registrant reads only their own export.
    await expect(exportRegistrantData(b.ctx, a.registrant.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await exportRegistrantData(a.ctx, a.registrant.id)).registrantId).toBe(a.registrant.id);
  });

  it("confirms a mailed request by link, runs the clocks, and erases what the RAA does not require us to keep", async () => {
    const { reseller, a, aDomain } = await world();
    const admin = await createRegistrarStaff("registrar_admin");
    await submitSubjectRequestByMail(
      { clientAddress: "203.0.113.9", resellerId: reseller.id, host: "shop.localhost:3000" },
      { kind: "deletion", email: "alice@example.org", details: "Please delete my account." },
    );
    const pending = await db.dataRequest.findFirstOrThrow({ where: { kind: "deletion" } });
    expect(pending.status).toBe("awaiting_confirmation");
    expect(pending.acknowledgeBy).toBeNull();
    const mail = await db.outboxMail.findFirstOrThrow({ where: { kind: "data_request_confirm" } });
    const token = /\/data-request\/confirm\/([\w-]+)/.exec(receivedText(mail))?.[1] ?? "";
    expect(token.length).toBeGreaterThan(20);
    expect(mail.textBody).not.toContain(token);

    await confirmDataRequest(token);
    const open = await db.dataRequest.findUniqueOrThrow({ where: { id: pending.id } });
    expect(open.status).toBe("open");
    expect(open.identityMethod).toBe("mail_link");
    expect(open.answerBy!.getTime() - open.identityConfirmedAt!.getTime()).toBe(30 * 86_400_000);
    expect(open.acknowledgeBy!.getTime()).toBeGreaterThan(open.identityConfirmedAt!.getTime());
    await expect(confirmDataRequest(token)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listDataRequests(admin.ctx)).items.map((r) => r.id)).toContain(pending.id);

    await decideDataRequest(admin.ctx, { requestId: pending.id, decision: "acknowledge", reason: "" });
    await decideDataRequest(admin.ctx, {
      requestId: pending.id,
      decision: "complete",
      reason: "Your account is closed; the registration data of your domain is kept as the RAA requires.",
    });
    const erased = await db.registrant.findUniqueOrThrow({ where: { id: a.registrant.id } });
    expect(erased.email).not.toContain("alice");
    expect(erased.disabledAt).not.toBeNull();
    expect(await db.session.count({ where: { registrantId: a.registrant.id } })).toBe(0);
    // Its second factor goes with it; the other registrant's stays.
    expect(await db.registrantTotp.count({ where: { registrantId: a.registrant.id } })).toBe(0);
    expect(await db.registrantRecoveryCode.count({ where: { registrantId: a.registrant.id } })).toBe(0);
    expect(await db.registrantTotp.count()).toBe(1);
    expect(await db.registrantRecoveryCode.count()).toBe(2);
    // Retained: the domain and its registrant contact (registration data, RAA 3.4).
    expect(await db.domain.count({ where: { id: aDomain.id } })).toBe(1);
    expect(await db.contact.count({ where: { id: aDomain.registrantContactId ?? "" } })).toBe(1);
    const answer = await db.outboxMail.findFirstOrThrow({ where: { kind: "data_request_complete" } });
    expect(answer.toAddress).toBe("alice@example.org");
  });

  it("reviews a third party's disclosure request for a legitimate interest and tells the registrant", async () => {
    const { a, aDomain } = await world();
    const admin = await createRegistrarStaff("registrar_admin");
    await expect(
      submitDisclosureRequest(
        { clientAddress: "203.0.113.20", host: "console.localhost:3000" },
        {
          requesterName: "Counsel",
          requesterEmail: "counsel@lawfirm.example",
          requesterOrganisation: "Law Firm",
          domainName: "not-ours.com",
          legalBasis: "Trademark infringement claim.",
          details: "",
        },
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await submitDisclosureRequest(
      { clientAddress: "203.0.113.20", host: "console.localhost:3000" },
      {
        requesterName: "Counsel",
        requesterEmail: "counsel@lawfirm.example",
        requesterOrganisation: "Law Firm",
        domainName: aDomain.name,
        legalBasis: "Trademark infringement claim, GDPR Art. 6(1)(f).",
        details: "",
      },
    );
    const req = await db.dataRequest.findFirstOrThrow({ where: { kind: "disclosure" } });
    expect(req.registrantId).toBe(a.registrant.id);
    // Not reviewable before the requester confirmed the address.
    await expect(
      decideDataRequest(admin.ctx, { requestId: req.id, decision: "complete", reason: "Interest outweighs." }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const link = await db.outboxMail.findFirstOrThrow({
      where: { kind: "data_request_confirm", toAddress: "counsel@lawfirm.example" },
    });
    expect(link.resellerId).toBeNull();
    await confirmDataRequest(/\/data-request\/confirm\/([\w-]+)/.exec(receivedText(link))?.[1] ?? "");
    await expect(
      decideDataRequest(admin.ctx, { requestId: req.id, decision: "refuse", reason: "" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await decideDataRequest(admin.ctx, {
      requestId: req.id,
      decision: "complete",
      reason: "A documented trademark claim outweighs the registrant's interest for this name.",
    });
    expect((await db.dataRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("completed");
    const told = await db.outboxMail.findFirstOrThrow({ where: { kind: "data_request_disclosed" } });
    expect(told.toAddress).toBe("alice@example.org");
    expect(told.textBody).toContain("Law Firm");
  });
});
