import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { callRegistry } from "@/server/registry/access";
import { setPlatformClock, platformNow } from "@/server/domains/lifecycle/clock";
import { REDACTED_LINK } from "@/server/mail/redact-secrets";
import { listOutboxMail } from "@/server/tenancy/list-outbox-mail";
import { confirmEmailVerification, viewVerificationLink } from "@/server/contact-verification/verify-email";
import { runVerificationSweep } from "@/server/contact-verification/run-verification-sweep";
import { resendVerificationLink } from "@/server/contact-verification/resend-verification";
import { getVerificationStatus } from "@/server/contact-verification/get-verification-status";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  createRegistrarStaff,
  startInProcessRegistry,
  type TestRegistry,
} from "../../support/factories";
import { receivedText } from "../../support/received-mail";
import { buyAsRegistrant, clearFulfilmentQueue, CONTACT, drainFulfilment } from "../domains/fulfilment/helpers";

let reg: TestRegistry;
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  setPlatformClock(null);
  await reg?.close();
});

const DAY = 86_400_000;

/** A registrant buys one name at checkout with a new contact; the order is fulfilled. */
async function boughtDomain(name: string) {
  await createDomainCatalog(["com"]);
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const { ctx } = await createRegistrant(reseller.id);
  reg = startInProcessRegistry();
  setPlatformClock(() => reg.admin.now());
  await buyAsRegistrant(ctx, {
    idempotencyKey: `key-${name}`,
    items: [{ name, kind: "register", years: 1, privacy: false }],
  });
  await drainFulfilment();
  const domain = await db.domain.findUniqueOrThrow({ where: { name } });
  expect(domain.state).toBe("active");
  return { reseller, ctx, domain };
}

async function latestLink(kind = "contact_verification") {
  const mail = await db.outboxMail.findFirstOrThrow({
    where: { toAddress: CONTACT.email, kind },
    orderBy: { createdAt: "desc" },
  });
  const m = /(https?:\/\/\S+\/verify-email\/([\w-]+))/.exec(receivedText(mail));
  if (!m) throw new Error("no verification link in the mail");
  return { mail, url: m[1], token: m[2] };
}

const statusesAtRegistry = (name: string) => reg.registry.store.domains.get(name)?.statuses ?? [];
const advance = (days: number) => reg.admin.advanceClock({ days });

describe("WAPS contact verification", () => {
  it("mails a new checkout contact a single-use link that verifies it without sign-in, redacted in the console", async () => {
    const { reseller, domain } = await boughtDomain("waps-link.com");
    const contact = await db.contact.findUniqueOrThrow({ where: { id: domain.registrantContactId ?? "" } });
    expect(contact.verifiedAt).toBeNull();
    expect(contact.verificationDeadline?.getTime()).toBe(platformNow().getTime() + 15 * DAY);

    const { mail, url, token } = await latestLink();
    const host = await db.hostName.findFirstOrThrow({ where: { resellerId: reseller.id, kind: "platform" } });
    expect(url).toBe(`http://${host.host}/verify-email/${token}`);
    // What staff can read: the stored body and the registrar's mail page.
    expect(mail.textBody).not.toContain(token);
    expect(mail.textBody).toContain(REDACTED_LINK);
    const admin = await createRegistrarStaff("registrar_admin");
    const page = await listOutboxMail(admin.ctx, { resellerId: null, page: 1, pageSize: 50 });
    const shown = page.items.find((m) => m.id === mail.id);
    expect(shown?.textBody).toContain(REDACTED_LINK);
    expect(JSON.stringify(page.items)).not.toContain(token);
    expect(JSON.stringify(await db.contactVerificationToken.findMany())).not.toContain(token);

    expect(await viewVerificationLink(reseller.id, token)).toMatchObject({ state: "valid", email: CONTACT.email });
    // Another reseller's storefront does not know the link.
    const other = await createDomainReseller({ wholesale: 1_500, balance: 0 });
    expect(await viewVerificationLink(other.id, token)).toEqual({ state: "unknown" });

    const out = await confirmEmailVerification(reseller.id, token);
    expect(out.message).toContain("is verified");
    const after = await db.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(after.verifiedAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: "contact.email_verified", entityId: contact.id } })).toBe(1);

    await expect(confirmEmailVerification(reseller.id, token)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("already used"),
    });
    expect(await viewVerificationLink(reseller.id, token)).toMatchObject({ state: "used" });
  });

  it("reminds on days 5 and 10, holds the name at the registry on day 15, and lifts the hold on verification", async () => {
    const { reseller, ctx, domain } = await boughtDomain("waps-hold.com");
    const reminders = () => db.outboxMail.count({ where: { kind: "contact_verification_reminder" } });

    advance(4);
    expect(await runVerificationSweep()).toMatchObject({ reminded: 0, held: 0 });
    advance(1);
    expect((await runVerificationSweep()).reminded).toBe(1);
    expect((await runVerificationSweep()).reminded).toBe(0);
    advance(5);
    expect((await runVerificationSweep()).reminded).toBe(1);
    expect(await reminders()).toBe(2);
    const reminder = await latestLink("contact_verification_reminder");
    expect(reminder.mail.textBody).not.toContain(reminder.token);

    advance(4);
    expect((await runVerificationSweep()).held).toBe(0);
    expect(statusesAtRegistry(domain.name)).not.toContain("clientHold");

    advance(1);
    expect((await runVerificationSweep()).held).toBe(1);
    expect(statusesAtRegistry(domain.name)).toContain("clientHold");
    expect((await db.domain.findUniqueOrThrow({ where: { id: domain.id } })).registryStatuses).toContain("clientHold");
    expect(await db.auditEntry.count({ where: { action: "domain.waps.hold_placed", entityId: domain.id } })).toBe(1);
    const notice = await db.outboxMail.findFirstOrThrow({ where: { kind: "contact_verification_hold" } });
    expect(notice).toMatchObject({ toAddress: CONTACT.email });
    expect(notice.subject).toContain("suspended");
    // A second sweep does not hold it twice.
    expect((await runVerificationSweep()).held).toBe(0);
    expect(await getVerificationStatus(ctx, domain.id)).toMatchObject({
      state: "overdue",
      hold: { placedAt: expect.any(Date) },
    });

    // The day-10 link ran out with the deadline; it says so, and the registrant asks for a new one.
    expect(await viewVerificationLink(reseller.id, reminder.token)).toMatchObject({ state: "expired" });
    await expect(confirmEmailVerification(reseller.id, reminder.token)).rejects.toMatchObject({
      userMessage: expect.stringContaining("expired"),
    });
    await resendVerificationLink(ctx, { domainId: domain.id });
    const fresh = await latestLink();
    const out = await confirmEmailVerification(reseller.id, fresh.token);
    expect(out.liftedHolds).toBe(1);
    expect(statusesAtRegistry(domain.name)).not.toContain("clientHold");
    expect((await db.domain.findUniqueOrThrow({ where: { id: domain.id } })).registryStatuses).not.toContain(
      "clientHold",
    );
    expect(await db.auditEntry.count({ where: { action: "domain.waps.hold_lifted", entityId: domain.id } })).toBe(1);
    expect(await db.outboxMail.count({ where: { kind: "contact_verification_lifted" } })).toBe(1);
    expect(await getVerificationStatus(ctx, domain.id)).toMatchObject({ state: "verified" });
  });

  it("keeps a clientHold that staff put for abuse when the registrant verifies", async () => {
    const { reseller, domain } = await boughtDomain("waps-abuse.com");
    await callRegistry(systemContext(reseller.id), domain, "updateDomain", {
      name: domain.name,
      add: { statuses: ["clientHold"] },
    });
    await db.domain.update({ where: { id: domain.id }, data: { registryStatuses: ["clientHold"] } });
    const { token } = await latestLink();

    advance(15);
    expect((await runVerificationSweep()).held).toBe(1);
    const hold = await db.wapsHold.findFirstOrThrow({ where: { domainId: domain.id } });
    expect(hold.registryHadHold).toBe(true);

    await resendVerificationLink(systemContext(reseller.id), { domainId: domain.id });
    expect(await viewVerificationLink(reseller.id, token)).toMatchObject({ state: "expired" });
    const fresh = await latestLink();
    await confirmEmailVerification(reseller.id, fresh.token);
    expect(statusesAtRegistry(domain.name)).toContain("clientHold");
    expect((await db.domain.findUniqueOrThrow({ where: { id: domain.id } })).registryStatuses).toContain("clientHold");
    expect((await db.wapsHold.findUniqueOrThrow({ where: { id: hold.id } })).liftedAt).not.toBeNull();
    const lifted = await db.outboxMail.findFirstOrThrow({ where: { kind: "contact_verification_lifted" } });
    expect(lifted.textBody).toContain("remains suspended for another reason");
  });

  it("lifts a hold from the sweep when the immediate attempt did not (the safety net)", async () => {
    const { domain } = await boughtDomain("waps-sweep.com");
    advance(15);
    await runVerificationSweep();
    expect(statusesAtRegistry(domain.name)).toContain("clientHold");
    // Verified some other way (for example a confirmed change of registrant) without lifting.
    await db.contact.update({ where: { id: domain.registrantContactId ?? "" }, data: { verifiedAt: platformNow() } });
    expect((await runVerificationSweep()).lifted).toBe(1);
    expect(statusesAtRegistry(domain.name)).not.toContain("clientHold");
  });

  it("retries a hold and a lift the registry refused on the next sweep", async () => {
    const { reseller, ctx, domain } = await boughtDomain("waps-faults.com");
    advance(15);
    reg.admin.setFaults("com", { commandFailed: 1 });
    expect(await runVerificationSweep()).toMatchObject({ held: 0, holdErrors: 1 });
    expect(await db.wapsHold.count()).toBe(0);
    reg.admin.clearFaults();
    expect((await runVerificationSweep()).held).toBe(1);
    expect(statusesAtRegistry(domain.name)).toContain("clientHold");

    await resendVerificationLink(ctx, { domainId: domain.id });
    const { token } = await latestLink();
    reg.admin.setFaults("com", { commandFailed: 1 });
    const out = await confirmEmailVerification(reseller.id, token);
    expect(out.liftedHolds).toBe(0);
    expect(statusesAtRegistry(domain.name)).toContain("clientHold");
    expect((await db.wapsHold.findFirstOrThrow({ where: { domainId: domain.id } })).liftError).toBeTruthy();
    reg.admin.clearFaults();
    expect((await runVerificationSweep()).lifted).toBe(1);
    expect(statusesAtRegistry(domain.name)).not.toContain("clientHold");
  });

  it("limits how often a new link can be sent", async () => {
    const { ctx, domain } = await boughtDomain("waps-resend.com");
    const sent = () => db.outboxMail.count({ where: { kind: "contact_verification" } });
    await expect(resendVerificationLink(ctx, { domainId: domain.id })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    reg.admin.advanceClock({ hours: 1 });
    await resendVerificationLink(ctx, { domainId: domain.id });
    await expect(resendVerificationLink(ctx, { domainId: domain.id })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    for (let i = 0; i < 3; i++) {
      reg.admin.advanceClock({ hours: 1 });
      await resendVerificationLink(ctx, { domainId: domain.id });
    }
    reg.admin.advanceClock({ hours: 1 });
    await expect(resendVerificationLink(ctx, { domainId: domain.id })).rejects.toMatchObject({
      userMessage: expect.stringContaining("today"),
    });
    expect(await sent()).toBe(5);
    reg.admin.advanceClock({ days: 1 });
    await resendVerificationLink(ctx, { domainId: domain.id });
    expect(await sent()).toBe(6);
  });
});
