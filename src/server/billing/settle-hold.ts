/**
 * Ends a hold: capture (the registry confirmed; the wholesale amount becomes registrar revenue and the
 * registry's cost a payable) or release (the item failed; the amount returns to available). The hold
 * changes state in the same statement that posts the entry. Idempotent: settling a hold the same way
 * twice changes nothing; the other way is refused.
 */
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { Prisma } from "@/generated/prisma/client";
import { registryAccount, resellerAccount } from "./accounts";
import { postEntry, type EntryLine } from "./post-entry";

export type RegistryCharge = { amount: number; currency: string; operator: string };

type HoldFacts = { resellerId: string; amount: number; currency: string };

function settleSql(orderItemId: string, to: "captured" | "released") {
  return (cond: Prisma.Sql) => Prisma.sql`
    update "Hold" set status = ${to}::"HoldStatus", "settledAt" = now()
    where "orderItemId" = ${orderItemId} and status = 'held' and ${cond}
    returning id`;
}

async function explainUnsettled(tx: Tx, orderItemId: string, to: "captured" | "released"): Promise<false> {
  const hold = await tx.hold.findUnique({ where: { orderItemId }, select: { status: true } });
  if (!hold) throw new AppError("NOT_FOUND", "There is no hold for this order item.");
  if (hold.status === to) return false;
  throw new AppError("CONFLICT", `This hold was already ${hold.status}.`);
}

/** `hold` may be passed by callers that already know it (fulfilment), saving a read. */
async function facts(tx: Tx, orderItemId: string, hold?: HoldFacts): Promise<HoldFacts> {
  if (hold) return hold;
  const row = await tx.hold.findUnique({
    where: { orderItemId },
    select: { resellerId: true, amount: true, currency: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "There is no hold for this order item.");
  return row;
}

export async function captureHold(
  tx: Tx,
  orderItemId: string,
  orderId: string,
  registry?: RegistryCharge,
  known?: HoldFacts,
): Promise<{ captured: boolean }> {
  const hold = await facts(tx, orderItemId, known);
  const lines: EntryLine[] = [];
  if (hold.amount > 0) {
    lines.push(
      { account: resellerAccount("reseller_held", hold.resellerId, hold.currency), amount: -hold.amount },
      { account: resellerAccount("registrar_revenue", hold.resellerId, hold.currency), amount: hold.amount },
    );
  }
  if (registry && registry.amount > 0) {
    lines.push(
      { account: registryAccount("registry_cost", registry.operator, registry.currency), amount: -registry.amount },
      { account: registryAccount("registry_payable", registry.operator, registry.currency), amount: registry.amount },
    );
  }
  if (!lines.length) {
    const rows = await tx.$queryRaw<{ id: string }[]>(settleSql(orderItemId, "captured")(Prisma.sql`true`));
    return { captured: rows.length === 1 || (await explainUnsettled(tx, orderItemId, "captured")) };
  }
  const posted = await postEntry(
    tx,
    {
      key: `capture:${orderItemId}`,
      kind: "capture",
      memo: "Order fulfilled",
      resellerId: hold.resellerId,
      orderId,
      lines,
    },
    { gate: settleSql(orderItemId, "captured") },
  );
  return { captured: posted.created || (await explainUnsettled(tx, orderItemId, "captured")) };
}

export async function releaseHold(
  tx: Tx,
  orderItemId: string,
  orderId: string,
  known?: HoldFacts,
): Promise<{ released: boolean }> {
  const hold = await facts(tx, orderItemId, known);
  if (hold.amount === 0) {
    const rows = await tx.$queryRaw<{ id: string }[]>(settleSql(orderItemId, "released")(Prisma.sql`true`));
    return { released: rows.length === 1 || (await explainUnsettled(tx, orderItemId, "released")) };
  }
  const posted = await postEntry(
    tx,
    {
      key: `release:${orderItemId}`,
      kind: "release",
      memo: "Order failed; hold released",
      resellerId: hold.resellerId,
      orderId,
      lines: [
        { account: resellerAccount("reseller_held", hold.resellerId, hold.currency), amount: -hold.amount },
        { account: resellerAccount("reseller_available", hold.resellerId, hold.currency), amount: hold.amount },
      ],
    },
    { gate: settleSql(orderItemId, "released") },
  );
  return { released: posted.created || (await explainUnsettled(tx, orderItemId, "released")) };
}
