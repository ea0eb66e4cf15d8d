/**
 * What registrar staff do with an abuse report: acknowledge it (reviewed by someone able to act),
 * tell the reseller and the registrant, suspend (clientHold), lock, or delete the name, and close it
 * with the outcome the reporter is mailed. Every step is an AbuseAction row and an audit entry.
 */
import { db, type Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { requireRegistrarAdmin } from "@/server/tenancy/guards";
import { mailResellerManagers } from "@/server/tenancy/mail-reseller-managers";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { deleteDomain } from "@/server/domains/manage/delete-domain";
import type { AbuseReport, Domain } from "@/generated/prisma/client";
import type { AbuseActionKind } from "./abuse-inputs";
import { queueRegistrantNotice, queueReporterUpdate, queueResellerNotice } from "./abuse-mail";
import { clearDeleteLock, liftAbuseHold, lockForAbuse, placeAbuseHold } from "./abuse-holds";

const MITIGATIONS = new Set<AbuseActionKind>(["client_hold", "lock", "delete"]);

async function reportOrThrow(id: string): Promise<AbuseReport> {
  const r = await db.abuseReport.findUnique({ where: { id } });
  if (!r) throw new AppError("NOT_FOUND", "We could not find that report.");
  return r;
}

async function domainOf(r: AbuseReport): Promise<Domain> {
  const d = r.domainId ? await db.domain.findUnique({ where: { id: r.domainId } }) : null;
  if (!d) throw new AppError("CONFLICT", "This report names no domain we sponsor, so there is nothing to act on.");
  return d;
}

async function brandOf(resellerId: string): Promise<string> {
  return (await db.reseller.findUnique({ where: { id: resellerId } }))?.displayName ?? "Your registrar";
}

/** Runs one action; returns a sentence for the page. */
export async function actOnAbuseReport(
  ctx: ActorContext,
  input: { reportId: string; action: AbuseActionKind; note: string },
): Promise<{ message: string }> {
  requireRegistrarAdmin(ctx);
  const report = await reportOrThrow(input.reportId);
  if (report.status === "closed") throw new AppError("CONFLICT", "This report is closed.");
  let registryCode: number | null = null;
  let message: string;
  const evidence = await db.abuseEvidence.findMany({ where: { reportId: report.id }, orderBy: { createdAt: "asc" } });

  const record = async (extra: (tx: Tx) => Promise<unknown>) =>
    db.$transaction(async (tx) => {
      const now = platformNow();
      await tx.abuseAction.create({
        data: {
          reportId: report.id,
          kind: input.action,
          note: input.note,
          actorId: ctx.actorId,
          registryCode,
          at: now,
        },
      });
      const acknowledged = report.acknowledgedAt ?? now;
      const actioned = MITIGATIONS.has(input.action) ? (report.actionedAt ?? now) : report.actionedAt;
      await tx.abuseReport.update({
        where: { id: report.id },
        data: {
          acknowledgedAt: acknowledged,
          actionedAt: actioned,
          status: actioned ? "actioned" : "acknowledged",
        },
      });
      await recordAudit(tx, ctx, {
        action: `abuse.report.${input.action}`,
        entity: "abuse_report",
        entityId: report.id,
        resellerId: null,
        after: { reference: report.reference, domainName: report.domainName, registryCode, note: input.note },
      });
      await extra(tx);
    });

  switch (input.action) {
    case "acknowledge": {
      if (report.acknowledgedAt) throw new AppError("CONFLICT", "This report is acknowledged already.");
      await record((tx) =>
        queueReporterUpdate(
          tx,
          report,
          `Your report ${report.reference} about ${report.domainName} has been reviewed and is being investigated. We will tell you the outcome.`,
          "abuse_acknowledged",
        ),
      );
      message = "Acknowledged: the reporter is told the report is being investigated.";
      break;
    }
    case "notify_reseller": {
      const d = await domainOf(report);
      let sent = 0;
      await record((tx) =>
        mailResellerManagers(tx, d.resellerId, async (to) => {
          sent++;
          await queueResellerNotice(tx, { ...report, resellerId: d.resellerId }, to, evidence);
        }),
      );
      message = sent
        ? `The reseller's owners and admins are told (${sent} mail${sent === 1 ? "" : "s"}).`
        : "The reseller has no owner or admin to mail.";
      break;
    }
    case "notify_registrant": {
      const d = await domainOf(report);
      const contact = d.registrantContactId
        ? await db.contact.findUnique({ where: { id: d.registrantContactId }, select: { email: true } })
        : null;
      const registrant =
        !contact && d.registrantId ? await db.registrant.findUnique({ where: { id: d.registrantId } }) : null;
      const to = contact?.email ?? registrant?.email;
      if (!to) throw new AppError("CONFLICT", "The domain has no registrant address to mail.");
      const brand = await brandOf(d.resellerId);
      await record((tx) => queueRegistrantNotice(tx, { ...report, resellerId: d.resellerId }, to, brand));
      message = "The registrant is told.";
      break;
    }
    case "client_hold": {
      const d = await domainOf(report);
      registryCode = await placeAbuseHold(ctx, d, report.id);
      await record(async () => undefined);
      message = `${d.name} is on clientHold: it no longer resolves.`;
      break;
    }
    case "lift_hold": {
      const d = await domainOf(report);
      registryCode = await liftAbuseHold(ctx, d);
      await record(async () => undefined);
      message = `The abuse hold on ${d.name} is lifted.`;
      break;
    }
    case "lock": {
      const d = await domainOf(report);
      registryCode = await lockForAbuse(ctx, d);
      await record(async () => undefined);
      message = `${d.name} is locked against transfer and deletion.`;
      break;
    }
    case "delete": {
      const d = await clearDeleteLock(ctx, await domainOf(report));
      const r = await deleteDomain(ctx, { domainId: d.id, confirmName: d.name });
      registryCode = r.code;
      await record(async () => undefined);
      message = r.message;
      break;
    }
  }
  return { message };
}

/** Closes a report and mails the reporter the outcome. */
export async function closeAbuseReport(
  ctx: ActorContext,
  input: { reportId: string; outcome: string },
): Promise<{ message: string }> {
  requireRegistrarAdmin(ctx);
  const report = await reportOrThrow(input.reportId);
  const now = platformNow();
  const closed = await db.$transaction(async (tx) => {
    const claimed = await tx.abuseReport.updateMany({
      where: { id: report.id, status: { not: "closed" } },
      data: { status: "closed", closedAt: now, outcome: input.outcome, acknowledgedAt: report.acknowledgedAt ?? now },
    });
    if (claimed.count === 0) return false;
    await tx.abuseAction.create({
      data: { reportId: report.id, kind: "close", note: input.outcome, actorId: ctx.actorId, at: now },
    });
    await recordAudit(tx, ctx, {
      action: "abuse.report.closed",
      entity: "abuse_report",
      entityId: report.id,
      resellerId: null,
      after: { reference: report.reference, outcome: input.outcome },
    });
    await queueReporterUpdate(
      tx,
      report,
      [
        `We have finished handling your report ${report.reference} about ${report.domainName}.`,
        "",
        `Outcome: ${input.outcome}`,
        "",
        "Thank you for reporting it.",
      ].join("\n"),
      "abuse_outcome",
    );
    return true;
  });
  if (!closed) throw new AppError("CONFLICT", "This report is closed already.");
  return { message: "Closed: the reporter is told the outcome." };
}
