/**
 * "Reset sandbox" in the console (decision 118): empties a reseller's sandbox at once, and tops its
 * test money back up to the opening balance, so a developer starts again from a clean slate. Owners
 * and admins only; recorded in the live reseller's audit log, where its people look. The sandbox's
 * test webhook endpoints are settings, not data, and stay; so do orders still in flight (the engine
 * owns them until they end) and the append-only ledger and audit lines.
 */
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { resellerAccount } from "@/server/billing/accounts";
import { postEntry } from "@/server/billing/post-entry";
import { readBalance } from "@/server/billing/get-balance";
import { assertResellerWritable, requireResellerManager } from "@/server/tenancy/guards";
import { deleteSandboxRows, type SandboxRowsDeleted } from "./delete-sandbox-rows";
import { existingSandboxOf, SANDBOX_OPENING_BALANCE } from "./sandbox-tenant";

export type SandboxReset = SandboxRowsDeleted & { keptInFlight: number; balance: number | null };

export async function resetSandbox(ctx: ActorContext, resellerId: string, now = new Date()): Promise<SandboxReset> {
  requireResellerManager(ctx, resellerId);
  await assertResellerWritable(db, resellerId);
  const sandbox = await existingSandboxOf(resellerId);
  const deleted = sandbox
    ? await deleteSandboxRows({ liveResellerId: resellerId }, now, { keepPendingDeliveries: false })
    : {
        orders: 0,
        domains: 0,
        namesReleased: 0,
        namesPending: 0,
        namesKept: 0,
        contacts: 0,
        bulkJobs: 0,
        webhookEvents: 0,
        operations: 0,
      };
  const keptInFlight = sandbox ? await db.order.count({ where: { resellerId: sandbox } }) : 0;
  const balance = sandbox ? await topUp(sandbox, ctx.actorId, now) : null;
  await db.$transaction((tx) =>
    recordAudit(tx, ctx, {
      action: "sandbox.reset",
      entity: "reseller",
      entityId: resellerId,
      resellerId,
      after: { ...deleted, keptInFlight, balance },
    }),
  );
  return { ...deleted, keptInFlight, balance };
}

/** Brings the sandbox's available test money back to the opening balance with one ledger entry. */
async function topUp(sandbox: string, actorId: string | null, now: Date): Promise<number> {
  const { available, currency } = await readBalance(db, sandbox);
  const difference = SANDBOX_OPENING_BALANCE - available;
  if (difference !== 0)
    await postEntry(db, {
      key: `sandbox-reset:${sandbox}:${now.getTime()}`,
      kind: "manual_credit",
      memo: "Sandbox reset: test money back to the opening balance",
      resellerId: sandbox,
      actorId,
      lines: [
        { account: resellerAccount("reseller_available", sandbox, currency), amount: difference },
        { account: resellerAccount("manual_adjustments", sandbox, currency), amount: -difference },
      ],
    });
  return SANDBOX_OPENING_BALANCE;
}
