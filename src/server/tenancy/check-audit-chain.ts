/** Registrar staff (auditors included) prove the audit log unbroken on demand. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";
import { requireRegistrarReader } from "./guards";

export async function checkAuditChain(ctx: ActorContext) {
  requireRegistrarReader(ctx);
  const report = await verifyAuditChain(db);
  return report.ok ? report : { ...report, brokenAt: report.brokenAt.toString() };
}
