/**
 * Fulfilment succeeded (the registry confirmed): the item completes, its hold is captured (wholesale
 * becomes registrar revenue, the registry's cost a payable), and a registrant's payment for it moves
 * from "registrant funds" into the reseller's available balance. Fulfilment jobs call these.
 */
import type { Tx } from "@/server/db";
import { resellerAccount } from "@/server/billing/accounts";
import { postEntry, type EntryInput, type HoldStep } from "@/server/billing/post-entry";
import { captureEntry, captureHold, captureLines, releaseHold, type HoldFacts } from "@/server/billing/settle-hold";
import { transitionItem } from "./transition-item";
import { registrantPayment } from "./registrant-paid";

export async function startProvisioning(tx: Tx, itemId: string): Promise<void> {
  await transitionItem(tx, itemId, "provisioning", "fulfilment started");
}

/** What completing needs to know of the item; the engine passes what it already loaded, saving three reads. */
export type CompletableItem = {
  orderId: string;
  resellerId: string;
  subject: string;
  retailAmount: number;
  registryCost: number;
  registryCurrency: string;
  product: { registryOperator: string | null };
  order: { currency: string };
};

export async function completeItem(
  tx: Tx,
  itemId: string,
  opts: { registryCost?: number; item?: CompletableItem } = {},
): Promise<void> {
  await transitionItem(tx, itemId, "completed", "registry confirmed");
  const item =
    opts.item ??
    (await tx.orderItem.findUniqueOrThrow({
      where: { id: itemId },
      include: { product: { select: { registryOperator: true } }, order: { select: { currency: true } } },
    }));
  const hold = await tx.hold.findUnique({
    where: { orderItemId: itemId },
    select: { resellerId: true, amount: true, currency: true },
  });
  const paid = item.retailAmount > 0 && (await registrantPayment(tx, item.orderId)) !== null;
  await settleCompletedMoney(tx, itemId, item, { hold, paidByRegistrant: paid, registryCost: opts.registryCost });
}

/**
 * The money of a completed item, once its state has moved: the hold captured, and a registrant's
 * payment earned. The engine calls this with what its settle statement read (decision 102).
 */
export async function settleCompletedMoney(
  tx: Tx,
  itemId: string,
  item: CompletableItem,
  known: {
    hold: { resellerId: string; amount: number; currency: string } | null;
    paidByRegistrant: boolean;
    registryCost?: number;
  },
): Promise<void> {
  if (known.hold) {
    await captureHold(
      tx,
      itemId,
      item.orderId,
      {
        amount: known.registryCost ?? item.registryCost,
        currency: item.registryCurrency,
        operator: item.product.registryOperator ?? "registrar",
      },
      known.hold,
    );
  }
  if (item.retailAmount > 0 && known.paidByRegistrant) await postEntry(tx, earnEntry(itemId, item));
}

/** A registrant's payment for the item moves from the funds the reseller holds into its available balance. */
function earnEntry(itemId: string, item: CompletableItem): EntryInput {
  return {
    key: `earn:${itemId}`,
    kind: "registrant_payment_earned",
    memo: `Sale of ${item.subject}`,
    resellerId: item.resellerId,
    orderId: item.orderId,
    lines: [
      {
        account: resellerAccount("registrant_funds", item.resellerId, item.order.currency),
        amount: -item.retailAmount,
      },
      {
        account: resellerAccount("reseller_available", item.resellerId, item.order.currency),
        amount: item.retailAmount,
      },
    ],
  };
}

/**
 * The same money as `settleCompletedMoney`, as postings for a caller that posts many items' at once
 * (the engine's group commit, decision 129); null when a step is not a plain posting (a free hold).
 */
export function completedMoneyPostings(
  itemId: string,
  item: CompletableItem,
  known: {
    hold: HoldFacts | null;
    paidByRegistrant: boolean;
    registryCost?: number;
  },
): { input: EntryInput; hold?: HoldStep }[] | null {
  const postings: { input: EntryInput; hold?: HoldStep }[] = [];
  if (known.hold) {
    const lines = captureLines(known.hold, {
      amount: known.registryCost ?? item.registryCost,
      currency: item.registryCurrency,
      operator: item.product.registryOperator ?? "registrar",
    });
    if (!lines.length) return null;
    postings.push({
      input: captureEntry(itemId, item.orderId, known.hold, lines),
      hold: { op: "capture", orderItemId: itemId },
    });
  }
  if (item.retailAmount > 0 && known.paidByRegistrant) postings.push({ input: earnEntry(itemId, item) });
  return postings;
}

/** Fulfilment failed for good: the item fails and its hold returns to the reseller's balance. */
export async function failItem(tx: Tx, itemId: string, reason: string): Promise<void> {
  await transitionItem(tx, itemId, "failed", reason);
  const hold = await tx.hold.findUnique({
    where: { orderItemId: itemId },
    select: { status: true, orderItem: { select: { orderId: true } } },
  });
  if (hold?.status === "held") {
    await releaseHold(tx, itemId, hold.orderItem.orderId);
  }
}
