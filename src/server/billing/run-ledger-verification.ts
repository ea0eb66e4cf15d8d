/** The registrar console's ledger check: registrar staff only. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { requireRegistrarReader } from "./guards";
import { verifyLedger } from "./verify-ledger";

export async function runLedgerVerification(ctx: ActorContext) {
  requireRegistrarReader(ctx);
  return verifyLedger(db);
}
