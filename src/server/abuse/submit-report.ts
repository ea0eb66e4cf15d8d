/**
 * Intake of an abuse report from any channel (the public forms, mail): the reported name matched to a
 * domain we sponsor (the name or a parent of it), the evidence kept with its hash, the 24-hour
 * review and action timers set, and a receipt mailed to the reporter (the 2024 DNS-abuse amendment).
 */
import { createHash } from "node:crypto";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { platformNow } from "@/server/domains/lifecycle/clock";
import type { AbuseCategory, AbuseSource } from "@/generated/prisma/enums";
import { candidateNames, reportedName } from "./classify";
import { newReference } from "./reference";
import { queueReceipt } from "./abuse-mail";

export const REVIEW_WITHIN_MS = 24 * 3_600_000;
export const ACTION_WITHIN_MS = 24 * 3_600_000;

export type NewAbuseReport = {
  source: AbuseSource;
  category: AbuseCategory;
  domain: string;
  description: string;
  reporterName: string;
  reporterEmail: string;
  fromAuthority: boolean;
  viaResellerId: string | null;
  evidence: { kind: string; content: string }[];
};

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function matchDomain(name: string | null) {
  if (!name) return null;
  const candidates = candidateNames(name);
  const found = await db.domain.findMany({
    where: { name: { in: candidates }, state: { notIn: ["deleted", "transferred_away"] } },
    select: { id: true, name: true, resellerId: true },
  });
  // The longest match is the registered name (a parent of a reported host).
  return found.sort((a, b) => b.name.length - a.name.length)[0] ?? null;
}

export async function submitAbuseReport(r: NewAbuseReport): Promise<{ reference: string; matched: boolean }> {
  const name = reportedName(r.domain);
  const domain = await matchDomain(name);
  const now = platformNow();
  const registrar = await db.registrar.findFirst({ select: { legalName: true } });
  const reference = newReference("AB");
  await db.$transaction(async (tx) => {
    const report = await tx.abuseReport.create({
      data: {
        reference,
        source: r.source,
        category: r.category,
        domainName: domain?.name ?? name ?? r.domain.slice(0, 253),
        domainId: domain?.id ?? null,
        resellerId: domain?.resellerId ?? null,
        viaResellerId: r.viaResellerId,
        reporterName: r.reporterName,
        reporterEmail: r.reporterEmail.toLowerCase(),
        fromAuthority: r.fromAuthority,
        description: r.description,
        receivedAt: now,
        acknowledgeBy: new Date(now.getTime() + REVIEW_WITHIN_MS),
        actionBy: new Date(now.getTime() + ACTION_WITHIN_MS),
        evidence: { create: r.evidence.map((e) => ({ kind: e.kind, content: e.content, sha256: sha256(e.content) })) },
        actions: { create: { kind: "received", note: `via ${r.source.replace("_", " ")}`, at: now } },
      },
    });
    // The registrar's own chain: the entry names no reporter, and resellers never read this chain.
    await recordAudit(tx, systemContext(null), {
      action: "abuse.report.received",
      entity: "abuse_report",
      entityId: report.id,
      resellerId: null,
      after: { reference, category: r.category, domainName: report.domainName, source: r.source },
    });
    await queueReceipt(tx, report, registrar?.legalName ?? "The registrar");
  });
  return { reference, matched: domain !== null };
}
