/**
 * Ends a hold: capture (the registry confirmed; the wholesale amount becomes registrar revenue and the
 * registry's cost a payable) or release (the item failed; the amount returns to available). Each is
 * idempotent: settling a hold the same way twice changes nothing; the other way is refused.
 */
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { registryAccount, resellerAccount } from "./accounts";
import { postEntry, type EntryLine } from "./post-entry";

type HoldRow = { id: string; resellerId: string; amount: number; currency: string };

export type RegistryCharge = { amount: number; currency: string; operator: string };

async function settle(tx: Tx, orderItemId: string, to: "captured" | "released"): Promise<HoldRow | null> {
  const rows = await tx.$queryRaw<HoldRow[]>`
    update "Hold" set status = ${to}::"HoldStatus", "settledAt" = now()
    where "orderItemId" = ${orderItemId} and status = 'held'
    returning id, "resellerId", amount, currency`;
  if (rows[0]) return rows[0];
  const hold = await tx.hold.findUnique({ where: { orderItemId }, select: { status: true } });
  if (!hold) throw new AppError("NOT_FOUND", "There is no hold for this order item.");
  if (hold.status === to) return null;
  throw new AppError("CONFLICT", `This hold was already ${hold.status}.`);
}

export async function captureHold(tx: Tx, orderItemId: string, orderId: string, registry?: RegistryCharge): Promise<{ captured: boolean }> {
  const hold = await settle(tx, orderItemId, "captured");
  if (!hold) return { captured: false };
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
  if (lines.length) {
    await postEntry(tx, { key: `capture:${orderItemId}`, kind: "capture", memo: "Order fulfilled", resellerId: hold.resellerId, orderId, lines });
  }
  return { captured: true };
}

export async function releaseHold(tx: Tx, orderItemId: string, orderId: string): Promise<{ released: boolean }> {
  const hold = await settle(tx, orderItemId, "released");
  if (!hold) return { released: false };
  if (hold.amount > 0) {
    await postEntry(tx, {
      key: `release:${orderItemId}`,
      kind: "release",
      memo: "Order failed; hold released",
      resellerId: hold.resellerId,
      orderId,
      lines: [
        { account: resellerAccount("reseller_held", hold.resellerId, hold.currency), amount: -hold.amount },
        { account: resellerAccount("reseller_available", hold.resellerId, hold.currency), amount: hold.amount },
      ],
    });
  }
  return { released: true };
}
