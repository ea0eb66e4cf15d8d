/**
 * Ends a hold: capture (the registry confirmed; the wholesale amount becomes registrar revenue and the
 * registry's cost a payable) or release (the item failed; the amount returns to available). The hold
 * changes state in the same call that posts the entry. Idempotent: settling a hold the same way
 * twice changes nothing; the other way is refused.
 */
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { registryAccount, resellerAccount } from "./accounts";
import { postEntry, type EntryInput, type EntryLine, type PostedEntry } from "./post-entry";

export type RegistryCharge = { amount: number; currency: string; operator: string };

export type HoldFacts = { resellerId: string; amount: number; currency: string };
type Settled = "captured" | "released";

/** Settles a hold that moves no money (a free item). */
async function settleFree(tx: Tx, orderItemId: string, to: Settled): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    update "Hold" set status = ${to}::"HoldStatus", "settledAt" = now()
    where "orderItemId" = ${orderItemId} and status = 'held'
    returning id`;
  if (rows.length === 1) return true;
  const hold = await tx.hold.findUnique({ where: { orderItemId }, select: { status: true } });
  return explainUnsettled(hold?.status ?? null, to);
}

/** Why a hold was not settled: already settled this way (false), missing or settled the other way (errors). */
function explainUnsettled(status: string | null | undefined, to: Settled): false {
  if (!status) throw new AppError("NOT_FOUND", "There is no hold for this order item.");
  if (status === to) return false;
  throw new AppError("CONFLICT", `This hold was already ${status}.`);
}

function outcome(posted: PostedEntry, to: Settled): boolean {
  return posted.created || explainUnsettled(posted.gated === false ? posted.holdStatus : to, to);
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

/** A capture's lines: the wholesale amount out of held into revenue, the registry's cost into a payable. */
export function captureLines(hold: HoldFacts, registry?: RegistryCharge): EntryLine[] {
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
  return lines;
}

/** The posting that captures an item's hold (its key makes it happen once). */
export function captureEntry(orderItemId: string, orderId: string, hold: HoldFacts, lines: EntryLine[]): EntryInput {
  return {
    key: `capture:${orderItemId}`,
    kind: "capture",
    memo: "Order fulfilled",
    resellerId: hold.resellerId,
    orderId,
    lines,
  };
}

export async function captureHold(
  tx: Tx,
  orderItemId: string,
  orderId: string,
  registry?: RegistryCharge,
  known?: HoldFacts,
): Promise<{ captured: boolean }> {
  const hold = await facts(tx, orderItemId, known);
  const lines = captureLines(hold, registry);
  if (!lines.length) return { captured: await settleFree(tx, orderItemId, "captured") };
  const posted = await postEntry(tx, captureEntry(orderItemId, orderId, hold, lines), {
    hold: { op: "capture", orderItemId },
  });
  return { captured: outcome(posted, "captured") };
}

export async function releaseHold(
  tx: Tx,
  orderItemId: string,
  orderId: string,
  known?: HoldFacts,
): Promise<{ released: boolean }> {
  const hold = await facts(tx, orderItemId, known);
  if (hold.amount === 0) return { released: await settleFree(tx, orderItemId, "released") };
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
    { hold: { op: "release", orderItemId } },
  );
  return { released: outcome(posted, "released") };
}
