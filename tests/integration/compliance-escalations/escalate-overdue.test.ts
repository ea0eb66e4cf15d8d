/**
 * Abuse reports and reveal requests whose clocks run out undecided are escalated once per clock: marked,
 * listed first for the registrar, the compliance address mailed (and the reseller, for a reveal request).
 * The platform clock is moved, not waited for.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setPrivacy } from "@/server/domains/manage/set-privacy";
import { revealRequestInput } from "@/server/privacy-proxy/reveal/reveal-inputs";
import { submitRevealRequest } from "@/server/privacy-proxy/reveal/submit-reveal-request";
import { decideRevealRequest } from "@/server/privacy-proxy/reveal/decide-reveal-request";
import { listRevealRequests } from "@/server/privacy-proxy/reveal/list-reveal-requests";
import { submitPublicAbuseReport } from "@/server/abuse/submit-public-report";
import { actOnAbuseReport } from "@/server/abuse/act-on-report";
import { listAbuseReports } from "@/server/abuse/list-reports";
import { escalateOverdueClocks, escalateOverdueClocksJob } from "@/server/compliance-escalations/escalate-overdue";
import { allJobs } from "@/server/all-jobs";
import {
  createLifecycleWorld,
  createRegistrant,
  createRegistrarStaff,
  createStaff,
  ensureRegistrar,
  type LifecycleWorld,
} from "../../support/factories";
import { ALICE, domainWithContact } from "../domains/contacts/contact-world";

const COMPLIANCE = "abuse@registrar.example";
const OWNER = "owner@reseller.example";

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld({ tlds: ["io"] });
  await ensureRegistrar();
});
afterEach(async () => world.close());

async function setUp() {
  await createStaff(world.reseller.id, "owner", { email: OWNER });
  const { registrant, ctx } = await createRegistrant(world.reseller.id, { email: ALICE.email, name: ALICE.name });
  const domain = await domainWithContact(world, { tld: "io", registrantId: registrant.id });
  await setPrivacy(ctx, { domainId: domain.id, enabled: true });
  const staff = (await createRegistrarStaff("registrar_admin")).ctx;
  const reveal = await submitRevealRequest(
    { clientAddress: "198.51.100.4" },
    revealRequestInput.parse({
      requesterKind: "rights_holder",
      requesterName: "Rita Requester",
      requesterEmail: "rita@brand.example",
      requesterOrganisation: "Brand Owner plc",
      reason: "The site sells counterfeit goods under our registered trademark BRANDO.",
      evidence: "https://shop.example/brando-bags",
      domainName: domain.name,
    }),
  );
  const report = async (n: number) =>
    submitPublicAbuseReport(
      { clientAddress: `198.51.100.${10 + n}`, viaResellerId: null },
      {
        domain: `https://login${n}.${domain.name}/`,
        category: "phishing",
        description: "A copy of our bank's sign-in page collecting passwords.",
        evidenceUrls: "",
        reporterName: "Bank Security",
        reporterEmail: `analyst${n}@bank-security.example`,
        fromAuthority: false,
      },
    );
  const older = await report(1);
  world.admin.advanceClock({ hours: 1 });
  const newer = await report(2);
  return { staff, domain, reveal, older, newer };
}

const mails = (kind: string) =>
  db.outboxMail.findMany({ where: { kind }, orderBy: [{ createdAt: "asc" }, { subject: "asc" }] });

describe("escalating compliance clocks that ran out", () => {
  it("escalates each overdue clock once, mails compliance and the reseller, and lists escalated items first", async () => {
    expect(allJobs.map((j) => j.name)).toContain(escalateOverdueClocksJob.name);
    const { staff, reveal, older, newer } = await setUp();
    expect(await escalateOverdueClocks()).toBe(0);

    // The older report is acted on in time (a lock counts for both clocks); the newer one is left.
    const olderRow = await db.abuseReport.findUniqueOrThrow({ where: { reference: older.reference } });
    await actOnAbuseReport(staff, { reportId: olderRow.id, action: "lock", note: "" });
    world.admin.advanceClock({ hours: 26 });
    expect(await escalateOverdueClocks()).toBe(2);
    const newerRow = await db.abuseReport.findUniqueOrThrow({ where: { reference: newer.reference } });
    const escalations = await db.complianceEscalation.findMany({ orderBy: { timer: "asc" } });
    expect(escalations.map((e) => [e.subjectId, e.timer, e.dueAt])).toEqual([
      [newerRow.id, "acknowledge", newerRow.acknowledgeBy],
      [newerRow.id, "action", newerRow.actionBy],
    ]);
    expect(newerRow.escalatedAt).not.toBeNull();
    expect((await db.abuseReport.findUniqueOrThrow({ where: { id: olderRow.id } })).escalatedAt).toBeNull();

    const toCompliance = await mails("compliance_escalation");
    expect(toCompliance).toHaveLength(2);
    expect(toCompliance.every((m) => m.toAddress === COMPLIANCE && m.resellerId === null)).toBe(true);
    expect(toCompliance.map((m) => m.subject).join("\n")).toContain(`Overdue: ${newer.reference}, acknowledgement`);
    for (const m of toCompliance) expect(m.textBody).not.toContain("bank-security.example");

    // The escalated report heads the queue, above the older one that is open but within its clocks.
    const abuseQueue = (await listAbuseReports(staff)).items.map((r) => [r.reference, r.escalatedAt !== null]);
    expect(abuseQueue).toEqual([
      [newer.reference, true],
      [older.reference, false],
    ]);

    // Run again at once, and in two workers at the same time: nothing is sent twice.
    expect(await Promise.all([escalateOverdueClocks(), escalateOverdueClocks()])).toEqual([0, 0]);
    expect(await mails("compliance_escalation")).toHaveLength(2);

    // A reveal request undecided past its 2 working days to acknowledge: compliance and the reseller told.
    world.admin.advanceClock({ days: 2 });
    expect(await escalateOverdueClocks()).toBe(1);
    const revealRow = await db.revealRequest.findUniqueOrThrow({ where: { reference: reveal.reference } });
    expect(revealRow.escalatedAt).not.toBeNull();
    const toReseller = await mails("compliance_escalation_reseller");
    expect(toReseller.map((m) => [m.toAddress, m.resellerId])).toEqual([[OWNER, world.reseller.id]]);
    expect(toReseller[0].textBody).toContain(reveal.reference);
    for (const who of ["Rita", "brand.example", "Brand Owner"]) expect(toReseller[0].textBody).not.toContain(who);
    expect(await mails("compliance_escalation")).toHaveLength(3);
    expect((await listRevealRequests(staff)).items[0]).toMatchObject({ reference: reveal.reference });

    // Acknowledged late, then its decision clock runs out too: escalated again, for that clock.
    await decideRevealRequest(staff, { requestId: revealRow.id, decision: "acknowledge", reason: "" });
    world.admin.advanceClock({ days: 14 });
    expect(await escalateOverdueClocks()).toBe(1);
    expect(
      await db.complianceEscalation.findMany({
        where: { subjectId: revealRow.id },
        select: { timer: true },
        orderBy: { timer: "asc" },
      }),
    ).toEqual([{ timer: "acknowledge" }, { timer: "decide" }]);
    expect(await db.auditEntry.count({ where: { action: "compliance.escalated", resellerId: null } })).toBe(4);
    expect(await escalateOverdueClocks()).toBe(0);
  });

  it("leaves settled reports and decided requests alone, however late the clock", async () => {
    const { staff, reveal, older, newer } = await setUp();
    for (const r of [older, newer]) {
      const row = await db.abuseReport.findUniqueOrThrow({ where: { reference: r.reference } });
      await actOnAbuseReport(staff, { reportId: row.id, action: "acknowledge", note: "" });
    }
    const revealRow = await db.revealRequest.findUniqueOrThrow({ where: { reference: reveal.reference } });
    await decideRevealRequest(staff, {
      requestId: revealRow.id,
      decision: "refuse",
      reason: "No evidence of the registrant's use of the mark.",
    });
    world.admin.advanceClock({ hours: 23 });
    expect(await escalateOverdueClocks()).toBe(0);
    world.admin.advanceClock({ days: 30 });
    // Acknowledged but never actioned or closed: only the action clocks escalate.
    expect(await escalateOverdueClocks()).toBe(2);
    const timers = await db.complianceEscalation.findMany({ select: { subject: true, timer: true } });
    expect(timers).toEqual([
      { subject: "abuse_report", timer: "action" },
      { subject: "abuse_report", timer: "action" },
    ]);
  });
});
