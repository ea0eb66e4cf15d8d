/** Registrar staff (auditors included) prove every tenant's audit chain unbroken on demand. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { requireRegistrarReader } from "./guards";

export async function checkAuditChain(ctx: ActorContext) {
  requireRegistrarReader(ctx);
  const report = await verifyAuditChains(db);
  // Server-action results cross to the browser as plain data: bigints become strings.
  return {
    ...report,
    broken: report.broken.map((b) => ({ ...b, seq: b.seq.toString(), chainSeq: b.chainSeq.toString() })),
  };
}
