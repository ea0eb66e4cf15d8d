import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setPlatformClock } from "@/server/domains/lifecycle/clock";
import { setTestPaymentsFault } from "@/server/payments/test-provider";
import { runHealthChecks } from "@/server/status/health-job";
import { getStatusOverview } from "@/server/status/status-overview";
import { openIncidentsForBanner } from "@/server/status/open-incidents";
import { listIncidentDrafts } from "@/server/status/list-incidents";
import {
  discardIncidentDraftAsRegistrar,
  publishIncidentDraftAsRegistrar,
  resolveIncidentAsRegistrar,
  saveIncidentDraftAsRegistrar,
} from "@/app/(registrar)/registrar/incidents/actions";
import type { ActionResult } from "@/server/action-client";
import {
  createDomainCatalog,
  createRegistrarStaff,
  createReseller,
  createStaff,
  startInProcessRegistry,
  type TestRegistry,
} from "../../support/factories";

const MINUTE = 60_000;
let registry: TestRegistry;

beforeEach(async () => {
  await createDomainCatalog(["com"]);
  registry = startInProcessRegistry();
});
afterEach(async () => {
  setTestPaymentsFault(undefined);
  await registry.close();
});
afterAll(() => setPlatformClock(null));

const codeOf = (r: ActionResult<unknown>) => (r.ok ? "ok" : r.code);
const dataOf = <T>(r: ActionResult<T>): T => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
};
const incidentMails = () => db.outboxMail.count({ where: { kind: { startsWith: "incident_" } } });

describe("incident drafts", () => {
  it("keeps a staff draft off the status page, the banner and the mail until it is published, and lets it be edited or discarded", async () => {
    const admin = await createRegistrarStaff("registrar_admin", { name: "Ada Admin" });
    const auditor = await createRegistrarStaff("registrar_auditor");
    const acme = await createReseller({ slug: "acme" });
    await createStaff(acme.id, "owner", { email: "owner@acme.test" });
    const content = {
      title: "Renewals for .com delayed",
      severity: "minor",
      components: ["registry:verisign-sim"],
      body: "Renewals for .com take longer than usual.",
    };

    expect(codeOf(await saveIncidentDraftAsRegistrar.run(auditor.ctx, content))).toBe("READ_ONLY");
    const { id } = dataOf(await saveIncidentDraftAsRegistrar.run(admin.ctx, content));
    expect(
      codeOf(await saveIncidentDraftAsRegistrar.run(admin.ctx, { ...content, draftId: id, components: ["nope"] })),
    ).toBe("INVALID_INPUT");
    dataOf(
      await saveIncidentDraftAsRegistrar.run(admin.ctx, {
        ...content,
        draftId: id,
        severity: "major",
        title: "Renewals for .com are delayed",
      }),
    );
    expect(await listIncidentDrafts(auditor.ctx)).toMatchObject([
      { id, title: "Renewals for .com are delayed", severity: "major", createdById: admin.user.id },
    ]);
    // A draft is nowhere a reseller or the public looks, and nobody is mailed.
    expect(await db.incident.count()).toBe(0);
    expect((await getStatusOverview()).open).toEqual([]);
    expect(await openIncidentsForBanner()).toEqual([]);
    expect(await incidentMails()).toBe(0);

    expect(codeOf(await publishIncidentDraftAsRegistrar.run(auditor.ctx, { draftId: id }))).toBe("READ_ONLY");
    const published = dataOf(await publishIncidentDraftAsRegistrar.run(admin.ctx, { draftId: id }));
    const incident = await db.incident.findUniqueOrThrow({ where: { id: published.id } });
    expect(incident).toMatchObject({ title: "Renewals for .com are delayed", severity: "major", resolvedAt: null });
    expect((await getStatusOverview()).open.map((i) => i.title)).toEqual(["Renewals for .com are delayed"]);
    expect(await openIncidentsForBanner()).toMatchObject([{ id: published.id }]);
    expect(
      await db.outboxMail.findMany({ where: { kind: "incident_published" }, select: { toAddress: true } }),
    ).toEqual([{ toAddress: "owner@acme.test" }]);
    expect(await listIncidentDrafts(auditor.ctx)).toEqual([]);
    // Published once: a second publication or an edit of the published draft changes nothing.
    expect(codeOf(await publishIncidentDraftAsRegistrar.run(admin.ctx, { draftId: id }))).toBe("CONFLICT");
    expect(codeOf(await saveIncidentDraftAsRegistrar.run(admin.ctx, { ...content, draftId: id }))).toBe("CONFLICT");
    expect(await db.incident.count()).toBe(1);

    const other = dataOf(await saveIncidentDraftAsRegistrar.run(admin.ctx, content));
    expect(codeOf(await discardIncidentDraftAsRegistrar.run(auditor.ctx, { draftId: other.id }))).toBe("READ_ONLY");
    dataOf(await discardIncidentDraftAsRegistrar.run(admin.ctx, { draftId: other.id }));
    expect(codeOf(await publishIncidentDraftAsRegistrar.run(admin.ctx, { draftId: other.id }))).toBe("CONFLICT");
    expect(await db.incident.count()).toBe(1);

    const audited = await db.auditEntry.findMany({
      where: { action: { startsWith: "incident" } },
      select: { action: true },
    });
    expect(audited.map((a) => a.action).sort()).toEqual(
      [
        "incident.open",
        "incident_draft.create",
        "incident_draft.create",
        "incident_draft.discard",
        "incident_draft.edit",
        "incident_draft.publish",
      ].sort(),
    );
  });

  it("drafts an incident once when a component's check turns to an outage, and none while an open incident names it", async () => {
    const admin = await createRegistrarStaff("registrar_admin");
    const t0 = new Date();
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    await runHealthChecks(at(0));
    expect(await db.incidentDraft.count()).toBe(0);

    setTestPaymentsFault("unavailable");
    await runHealthChecks(at(5));
    // Still down five minutes later, and a second worker repeating the same run: still one draft.
    await runHealthChecks(at(10));
    await runHealthChecks(at(10));
    const drafts = await listIncidentDrafts(admin.ctx);
    expect(drafts).toMatchObject([
      {
        title: "Payments: outage detected",
        severity: "critical",
        components: ["payments"],
        body: "Card payments cannot be taken at the moment.",
        autoComponent: "payments",
        createdById: null,
      },
    ]);
    // The status page shows the check's own sample, not the draft; nobody is mailed or bannered.
    const overview = await getStatusOverview(at(10));
    expect(overview.open).toEqual([]);
    expect(overview.components.find((c) => c.key === "payments")?.state).toBe("down");
    expect(await openIncidentsForBanner()).toEqual([]);
    expect(await incidentMails()).toBe(0);

    // Staff review it: they make it less alarming and publish it.
    const draftId = drafts[0].id;
    dataOf(
      await saveIncidentDraftAsRegistrar.run(admin.ctx, {
        draftId,
        title: "Card payments unavailable",
        severity: "major",
        components: ["payments"],
        body: "Card payments cannot be taken at the moment; balance orders are not affected.",
      }),
    );
    const incident = dataOf(await publishIncidentDraftAsRegistrar.run(admin.ctx, { draftId }));

    // Recovered, then down again while the published incident is still open: no second draft.
    setTestPaymentsFault(null);
    await runHealthChecks(at(15));
    setTestPaymentsFault("unavailable");
    await runHealthChecks(at(20));
    expect(await listIncidentDrafts(admin.ctx)).toEqual([]);

    // Resolved, back up, and down again: a new outage gets a new draft.
    dataOf(await resolveIncidentAsRegistrar.run(admin.ctx, { incidentId: incident.id, body: "Payments work again." }));
    setTestPaymentsFault(null);
    await runHealthChecks(at(25));
    setTestPaymentsFault("unavailable");
    await runHealthChecks(at(30));
    expect((await listIncidentDrafts(admin.ctx)).map((d) => d.autoComponent)).toEqual(["payments"]);
    expect(await db.incidentDraft.count()).toBe(2);
  });
});
