import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { testRequest } from "@/server/action-client";
import { reportAbuseOnStorefront } from "@/app/(storefront)/[host]/abuse/actions";
import { reportAbuseToRegistrar } from "@/app/(console)/abuse/actions";
import { submitPublicAbuseReport } from "@/server/abuse/submit-public-report";
import { receiveAbuseMail } from "@/server/abuse/mail-intake/intake-abuse-mail";
import { actOnAbuseReport, closeAbuseReport } from "@/server/abuse/act-on-report";
import { abuseRates } from "@/server/abuse/abuse-rates";
import { getAbuseReport, listAbuseReports } from "@/server/abuse/list-reports";
import {
  createLifecycleWorld,
  createManagedDomain,
  createRegistrant,
  createRegistrarStaff,
  createStaff,
  ensureRegistrar,
  type LifecycleWorld,
} from "../../support/factories";

let world: LifecycleWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const REPORTER = "analyst@bank-security.example";
const statusesAtRegistry = (name: string) => world?.registry.store.domains.get(name)?.statuses ?? [];

async function setUp() {
  await ensureRegistrar();
  world = await createLifecycleWorld();
  const owner = await createStaff(world.reseller.id, "owner");
  const { registrant } = await createRegistrant(world.reseller.id);
  const domain = await createManagedDomain(world, { resellerId: world.reseller.id, registrantId: registrant.id });
  const admin = await createRegistrarStaff("registrar_admin");
  return { owner, registrant, domain, admin };
}

describe("abuse reports", () => {
  it("takes a storefront report through review to clientHold at the registry and tells the reporter the outcome", async () => {
    const { owner, registrant, domain, admin } = await setUp();
    const { reference } = await submitPublicAbuseReport(
      { clientAddress: "198.51.100.7", viaResellerId: world!.reseller.id },
      {
        domain: `https://login.${domain.name}/verify-account`,
        category: "phishing",
        description: "A copy of our bank's sign-in page collecting passwords.",
        evidenceUrls: `https://login.${domain.name}/verify-account\nhttps://login.${domain.name}/collect.php`,
        reporterName: "Bank Security",
        reporterEmail: REPORTER,
        fromAuthority: false,
      },
    );
    const report = await db.abuseReport.findUniqueOrThrow({ where: { reference } });
    // Matched to the registered name behind the reported host.
    expect(report).toMatchObject({ domainId: domain.id, resellerId: world!.reseller.id, status: "received" });
    expect(report.acknowledgeBy.getTime() - report.receivedAt.getTime()).toBe(24 * 3_600_000);
    expect(await db.abuseEvidence.count({ where: { reportId: report.id, kind: "url" } })).toBe(3);
    const receipt = await db.outboxMail.findFirstOrThrow({ where: { toAddress: REPORTER, kind: "abuse_receipt" } });
    expect(receipt.textBody).toContain(reference);
    expect(receipt.resellerId).toBeNull();

    const queue = await listAbuseReports(admin.ctx);
    expect(queue.items.map((r) => r.reference)).toEqual([reference]);

    await actOnAbuseReport(admin.ctx, { reportId: report.id, action: "acknowledge", note: "" });
    await actOnAbuseReport(admin.ctx, { reportId: report.id, action: "notify_reseller", note: "" });
    await actOnAbuseReport(admin.ctx, { reportId: report.id, action: "notify_registrant", note: "" });
    const resellerMail = await db.outboxMail.findFirstOrThrow({ where: { kind: "abuse_reseller_notice" } });
    expect(resellerMail.toAddress).toBe(owner.user.email);
    expect(resellerMail.textBody).toContain(domain.name);
    // The reporter is personal data the reseller never sees.
    const resellerSees = await db.outboxMail.findMany({ where: { resellerId: world!.reseller.id } });
    expect(resellerSees.length).toBeGreaterThan(0);
    expect(JSON.stringify(resellerSees)).not.toContain(REPORTER);
    expect(JSON.stringify(resellerSees)).not.toContain("Bank Security");
    const registrantMail = await db.outboxMail.findFirstOrThrow({ where: { kind: "abuse_registrant_notice" } });
    expect(registrantMail.toAddress).toBe(registrant.email);

    expect(statusesAtRegistry(domain.name)).not.toContain("clientHold");
    await actOnAbuseReport(admin.ctx, { reportId: report.id, action: "client_hold", note: "confirmed phishing kit" });
    expect(statusesAtRegistry(domain.name)).toContain("clientHold");
    const held = await db.domain.findUniqueOrThrow({ where: { id: domain.id } });
    expect(held.registryStatuses).toContain("clientHold");
    expect(await db.domainOperation.count({ where: { domainId: domain.id, operation: "updateDomain" } })).toBe(1);
    const after = await db.abuseReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(after.status).toBe("actioned");
    expect(after.actionedAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: "domain.abuse.hold_placed", entityId: domain.id } })).toBe(1);
    // The reseller's chain records the hold but not who reported it.
    const resellerAudit = await db.auditEntry.findMany({
      where: { resellerId: world!.reseller.id },
      select: { action: true, before: true, after: true },
    });
    expect(JSON.stringify(resellerAudit)).not.toContain(REPORTER);

    await closeAbuseReport(admin.ctx, { reportId: report.id, outcome: "The name is suspended (clientHold)." });
    const outcome = await db.outboxMail.findFirstOrThrow({ where: { toAddress: REPORTER, kind: "abuse_outcome" } });
    expect(outcome.textBody).toContain("The name is suspended (clientHold).");
    expect(outcome.textBody).toContain(reference);
    expect((await getAbuseReport(admin.ctx, report.id)).report.status).toBe("closed");
    await expect(actOnAbuseReport(admin.ctx, { reportId: report.id, action: "lock", note: "" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("keeps the hold while a WAPS hold is open, locks and deletes, and refuses auditors and reseller staff", async () => {
    const { owner, domain, admin } = await setUp();
    const { reference } = await submitPublicAbuseReport(
      { clientAddress: "198.51.100.8", viaResellerId: null },
      {
        domain: domain.name,
        category: "malware",
        description: "Serves a trojan to visitors.",
        evidenceUrls: "",
        reporterName: "",
        reporterEmail: REPORTER,
        fromAuthority: true,
      },
    );
    const report = await db.abuseReport.findUniqueOrThrow({ where: { reference } });
    expect(report.source).toBe("console_form");
    const auditor = await createRegistrarStaff("registrar_auditor");
    await expect(
      actOnAbuseReport(auditor.ctx, { reportId: report.id, action: "client_hold", note: "" }),
    ).rejects.toMatchObject({
      code: "READ_ONLY",
    });
    await expect(
      actOnAbuseReport(owner.ctx, { reportId: report.id, action: "client_hold", note: "" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listAbuseReports(owner.ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await actOnAbuseReport(admin.ctx, { reportId: report.id, action: "client_hold", note: "" });
    await db.wapsHold.create({
      data: {
        domainId: domain.id,
        resellerId: domain.resellerId,
        contactId: "00000000-0000-4000-8000-000000000000",
        placedAt: new Date(),
        registryHadHold: true,
      },
    });
    await actOnAbuseReport(admin.ctx, { reportId: report.id, action: "lift_hold", note: "" });
    expect(statusesAtRegistry(domain.name)).toContain("clientHold");

    await actOnAbuseReport(admin.ctx, { reportId: report.id, action: "lock", note: "" });
    expect(statusesAtRegistry(domain.name)).toEqual(
      expect.arrayContaining(["clientTransferProhibited", "clientDeleteProhibited"]),
    );
    await actOnAbuseReport(admin.ctx, { reportId: report.id, action: "delete", note: "" });
    const gone = await db.domain.findUniqueOrThrow({ where: { id: domain.id } });
    expect(["deleted", "redemption"]).toContain(gone.state);
  });

  it("takes a report by mail, classifies it, and counts reports per 10,000 names", async () => {
    const { domain, admin } = await setUp();
    const raw = [
      'From: "CERT Team" <cert@cert.example>',
      "To: abuse@registrar.example",
      "Subject: Botnet C2 on " + domain.name,
      "Message-ID: <abc123@cert.example>",
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      `The host c2.${domain.name} is a botnet command and control server =`,
      "(see http://c2." + domain.name + "/gate.php).",
      "--b1",
      "Content-Type: text/html",
      "",
      "<p>ignored</p>",
      "--b1--",
      "",
    ].join("\r\n");
    const out = await receiveAbuseMail(raw);
    expect(out.accepted).toBe(true);
    const report = await db.abuseReport.findFirstOrThrow({ where: { source: "mail" }, include: { evidence: true } });
    expect(report).toMatchObject({ category: "botnet", domainId: domain.id, reporterEmail: "cert@cert.example" });
    expect(report.evidence.map((e) => e.kind).sort()).toEqual(["mail_headers", "message_id", "text", "url"]);
    expect(await receiveAbuseMail("From: someone@example.org\r\nSubject: hello\r\n\r\nnothing here")).toEqual({
      accepted: false,
      reason: "no domain name in the message",
    });
    await expect(receiveAbuseMail("x".repeat(300 * 1024))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });

    const rates = await abuseRates(admin.ctx);
    expect(rates).toEqual([
      expect.objectContaining({ resellerId: domain.resellerId, reports: 1, names: 1, per10k: 10_000 }),
    ]);
  });

  it("rate-limits the public form per client address", async () => {
    await ensureRegistrar();
    const send = () =>
      submitPublicAbuseReport(
        { clientAddress: "203.0.113.99", viaResellerId: null },
        {
          domain: "unknown-name.example",
          category: "spam",
          description: "Spam delivering malware links.",
          evidenceUrls: "",
          reporterName: "",
          reporterEmail: `r${Math.random()}@example.org`,
          fromAuthority: false,
        },
      );
    for (let i = 0; i < 5; i++) await send();
    await expect(send()).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.abuseReport.count()).toBe(5);
    // A name we do not sponsor is kept, unmatched, for staff to read.
    expect(await db.abuseReport.count({ where: { domainId: null } })).toBe(5);
  });

  it("takes the form through the storefront's and the console's public actions, each on its own host only", async () => {
    const { domain } = await setUp();
    const host = await db.hostName.findFirstOrThrow({ where: { resellerId: world!.reseller.id } });
    const form = {
      domain: domain.name,
      category: "pharming",
      description: "The name's DNS sends visitors to a fake shop.",
      reporterEmail: "victim@example.org",
      fromAuthority: "on",
    };
    const onShop = await reportAbuseOnStorefront.run(testRequest({ host: host.host }), form);
    expect(onShop.ok).toBe(true);
    const report = await db.abuseReport.findFirstOrThrow({ where: { reporterEmail: "victim@example.org" } });
    expect(report).toMatchObject({ source: "storefront_form", viaResellerId: world!.reseller.id, fromAuthority: true });
    expect((await reportAbuseToRegistrar.run(testRequest({ host: host.host }), form)).ok).toBe(false);
    expect((await reportAbuseToRegistrar.run(testRequest(), form)).ok).toBe(true);
    const bad = await reportAbuseToRegistrar.run(testRequest(), { ...form, category: "other", reporterEmail: "x" });
    expect(bad).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(bad.ok === false && Object.keys(bad.fields ?? {}).sort()).toEqual(["category", "reporterEmail"]);
  });
});
