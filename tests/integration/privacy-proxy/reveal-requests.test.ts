/**
 * Reveal requests for names behind the privacy service, through the whole workflow with the platform
 * clock moved: intake from the public form, the registrant told and answering on their domain page,
 * registrar staff deciding with a reason within the time limits, the mails each side gets, the audit
 * trail, and the requester's data purged when the retention ends.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setPrivacy } from "@/server/domains/manage/set-privacy";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { revealRequestInput } from "@/server/privacy-proxy/reveal/reveal-inputs";
import { submitRevealRequest } from "@/server/privacy-proxy/reveal/submit-reveal-request";
import { answerRevealRequest } from "@/server/privacy-proxy/reveal/answer-reveal-request";
import { decideRevealRequest } from "@/server/privacy-proxy/reveal/decide-reveal-request";
import { listRevealRequests, pendingRevealsForDomain } from "@/server/privacy-proxy/reveal/list-reveal-requests";
import { purgeRevealRequests, purgeRevealRequestsJob } from "@/server/privacy-proxy/reveal/purge-reveal-requests";
import { allJobs } from "@/server/all-jobs";
import {
  createLifecycleWorld,
  createRegistrant,
  createRegistrarStaff,
  ensureRegistrar,
  type LifecycleWorld,
} from "../../support/factories";
import { receivedText } from "../../support/received-mail";
import { ALICE, domainWithContact } from "../domains/contacts/contact-world";

const RITA = {
  requesterKind: "rights_holder",
  requesterName: "Rita Requester",
  requesterEmail: "Rita@Brand.example",
  requesterOrganisation: "Brand Owner plc",
  reason: "The site sells counterfeit goods under our registered trademark BRANDO (EUTM 123456).",
  evidence: "https://shop.example/brando-bags (screenshot kept), trademark register extract EUTM 123456",
};

let world: LifecycleWorld;
let addressNo = 0;
beforeEach(async () => {
  world = await createLifecycleWorld({ tlds: ["io"] });
  await ensureRegistrar();
});
afterEach(async () => world.close());

/** A registrant's name behind the privacy service (the clock stands on Monday 2026-06-01). */
async function privateName() {
  const { registrant, ctx } = await createRegistrant(world.reseller.id, { email: ALICE.email, name: ALICE.name });
  const domain = await domainWithContact(world, { tld: "io", registrantId: registrant.id });
  await setPrivacy(ctx, { domainId: domain.id, enabled: true });
  const staff = await createRegistrarStaff("registrar_admin");
  return { domain, registrant: ctx, staff: staff.ctx };
}

async function submit(domainName: string, over: Partial<typeof RITA> = {}) {
  addressNo += 1;
  return submitRevealRequest(
    { clientAddress: `198.51.100.${addressNo}` },
    revealRequestInput.parse({ ...RITA, domainName, ...over }),
  );
}

const mailTo = (to: string, kind: string) =>
  db.outboxMail.findFirstOrThrow({ where: { toAddress: to, kind }, orderBy: { createdAt: "desc" } });

describe("privacy reveal requests", () => {
  it("tells the registrant, waits for their time to answer, then discloses their contact data to the requester only", async () => {
    const { domain, registrant, staff } = await privateName();
    const { reference } = await submit(domain.name.toUpperCase());
    expect(reference).toMatch(/^RV-/);

    const receipt = await mailTo("rita@brand.example", "privacy_reveal_receipt");
    expect(receipt.textBody).toContain("by 2026-06-03");
    expect(receipt.textBody).toContain("until 2026-06-08");
    expect(receipt.textBody).toContain("decide by 2026-06-15");
    const notice = await mailTo(ALICE.email, "privacy_reveal_notice");
    expect(notice.textBody).toContain(RITA.reason);
    expect(notice.textBody).toContain(`/account/domains/${domain.id}`);
    expect(notice.textBody).toContain("intellectual-property rights holder");
    for (const who of ["Rita", "brand.example", "Brand Owner"]) expect(notice.textBody).not.toContain(who);

    // The registrant's domain page: the pending request, as whom and why, never who.
    const pending = await pendingRevealsForDomain(registrant, domain.id);
    expect(pending.map((p) => [p.reference, p.requesterKind])).toEqual([[reference, "rights_holder"]]);
    expect(JSON.stringify(pending)).not.toContain("rita@brand.example");

    const [queued] = (await listRevealRequests(staff)).items;
    expect(queued).toMatchObject({ reference, status: "received", acknowledgedAt: null });
    expect(queued.evidenceSha256).toMatch(/^[0-9a-f]{64}$/);
    await decideRevealRequest(staff, { requestId: queued.id, decision: "acknowledge", reason: "" });
    expect((await mailTo("rita@brand.example", "privacy_reveal_acknowledge")).textBody).toContain(
      "decide by 2026-06-15",
    );

    // Before the registrant's time to answer has passed, nothing is disclosed.
    await expect(
      decideRevealRequest(staff, {
        requestId: queued.id,
        decision: "disclose",
        reason: "Trademark infringement shown.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("2026-06-08") });

    world.admin.advanceClock({ days: 8 });
    await expect(
      answerRevealRequest(registrant, { requestId: queued.id, position: "object", answer: "Too late, I know." }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("ended on 2026-06-08") });
    const out = await decideRevealRequest(staff, {
      requestId: queued.id,
      decision: "disclose",
      reason: "The evidence shows counterfeit sales under a registered mark; no answer from the registrant.",
    });
    expect(out.message).toContain("Disclosed");

    const disclosed = await mailTo("rita@brand.example", "privacy_reveal_disclose");
    const delivered = receivedText(disclosed);
    for (const data of [ALICE.name, ALICE.email, ALICE.phone, ALICE.street1, ALICE.postalCode])
      expect(delivered).toContain(data);
    // The copy the consoles' mail log shows keeps the registrant's data out.
    expect(disclosed.textBody).not.toContain(ALICE.email);
    const told = await mailTo(ALICE.email, "privacy_reveal_outcome");
    expect(told.textBody).toContain("We disclosed the registration data");
    expect(told.textBody).toContain("Brand Owner plc");

    const row = await db.revealRequest.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: "disclosed", decidedById: staff.actorId });
    expect(await pendingRevealsForDomain(registrant, domain.id)).toEqual([]);
    expect((await listRevealRequests(staff, { open: false })).items.map((r) => r.reference)).toEqual([reference]);

    const trail = await db.auditEntry.findMany({
      where: { action: { startsWith: "privacy.reveal." } },
      orderBy: { at: "asc" },
    });
    expect(trail.map((e) => [e.action, e.resellerId === null ? "registrar" : "reseller"])).toEqual([
      ["privacy.reveal.received", "registrar"],
      ["privacy.reveal.received", "reseller"],
      ["privacy.reveal.acknowledge", "registrar"],
      ["privacy.reveal.disclose", "registrar"],
      ["privacy.reveal.disclosed", "reseller"],
    ]);
    expect(JSON.stringify(trail.map((e) => [e.before, e.after]))).not.toContain("rita@brand.example");

    // Kept two years after the decision, then the requester's data goes; the audit trail stays.
    const decidedAt = platformNow().getTime();
    expect(await purgeRevealRequests(new Date(decidedAt + 729 * 86_400_000))).toBe(0);
    expect(await purgeRevealRequests(new Date(decidedAt + 731 * 86_400_000))).toBe(1);
    expect(await db.revealRequest.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: { startsWith: "privacy.reveal." } } })).toBe(5);
    expect(allJobs).toContain(purgeRevealRequestsJob);
  });

  it("records the registrant's objection, and a refusal tells both sides the reason", async () => {
    const { domain, registrant, staff } = await privateName();
    const { reference } = await submit(domain.name, { requesterKind: "complainant", requesterOrganisation: "" });
    const request = await db.revealRequest.findUniqueOrThrow({ where: { reference } });

    await expect(
      answerRevealRequest(registrant, { requestId: request.id, position: "object", answer: "" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    world.admin.advanceClock({ days: 2 });
    const answered = await answerRevealRequest(registrant, {
      requestId: request.id,
      position: "object",
      answer: "The shop is mine and sells my own designs; the complainant is a competitor.",
    });
    expect(answered.message).toContain("objection is recorded");
    await expect(
      answerRevealRequest(registrant, { requestId: request.id, position: "consent", answer: "" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    // Answered: staff may decide at once; a decision needs a reason.
    await expect(
      decideRevealRequest(staff, { requestId: request.id, decision: "refuse", reason: "no" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await decideRevealRequest(staff, {
      requestId: request.id,
      decision: "refuse",
      reason: "A dispute between competitors over designs is for a court; the evidence shows no infringement.",
    });
    const refusal = await mailTo("rita@brand.example", "privacy_reveal_refuse");
    expect(refusal.textBody).toContain("dispute between competitors");
    expect(refusal.textBody).not.toContain(ALICE.email);
    expect((await mailTo(ALICE.email, "privacy_reveal_outcome")).textBody).toContain("they stay private");
    const row = await db.revealRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ status: "refused", registrantPosition: "object", acknowledgedAt: expect.any(Date) });
    await expect(
      decideRevealRequest(staff, { requestId: request.id, decision: "disclose", reason: "Changed our mind." }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.outboxMail.count({ where: { kind: "privacy_reveal_disclose" } })).toBe(0);
  });

  it("takes requests only for names behind the service, bounded and rate-limited per client address", async () => {
    const { domain, registrant } = await privateName();
    await setPrivacy(registrant, { domainId: domain.id, enabled: false });
    await expect(submit(domain.name)).rejects.toMatchObject({
      code: "NOT_FOUND",
      fields: { domainName: expect.stringContaining("privacy service") },
    });
    await expect(submit("nothing-here.io")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(revealRequestInput.safeParse({ ...RITA, domainName: domain.name, reason: "x".repeat(5001) }).success).toBe(
      false,
    );

    await setPrivacy(registrant, { domainId: domain.id, enabled: true });
    const from = { clientAddress: "203.0.113.50" };
    const input = revealRequestInput.parse({ ...RITA, domainName: domain.name });
    for (let i = 0; i < 5; i++) await submitRevealRequest(from, input);
    await expect(submitRevealRequest(from, input)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.revealRequest.count()).toBe(5);
  });
});
