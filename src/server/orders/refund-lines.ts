/**
 * The journal lines that undo an item, from the state it was in when the refund began:
 * - completed: the capture is reversed (revenue back to the reseller's balance, the registry payable
 *   back against cost);
 * - a registrant who paid gets the retail amount back: from registrant funds before fulfilment, from
 *   the reseller's available balance after it (which must cover it like any other debit).
 * A failed item's hold was already released, so only the payer's side remains.
 */
import { registryAccount, resellerAccount } from "@/server/billing/accounts";
import type { EntryLine } from "@/server/billing/post-entry";

export type RefundSubject = {
  state: "completed" | "failed";
  resellerId: string;
  retailAmount: number;
  registryCost: number;
  registryCurrency: string;
  order: { currency: string };
  product: { registryOperator: string | null };
  hold: { status: string; amount: number } | null;
};

export function refundLines(item: RefundSubject, payerOwed: boolean): EntryLine[] {
  const currency = item.order.currency;
  const lines: EntryLine[] = [];
  if (item.state === "completed" && item.hold?.status === "captured" && item.hold.amount > 0) {
    lines.push(
      { account: resellerAccount("registrar_revenue", item.resellerId, currency), amount: -item.hold.amount },
      { account: resellerAccount("reseller_available", item.resellerId, currency), amount: item.hold.amount },
    );
    if (item.registryCost > 0) {
      const operator = item.product.registryOperator ?? "registrar";
      lines.push(
        { account: registryAccount("registry_payable", operator, item.registryCurrency), amount: -item.registryCost },
        { account: registryAccount("registry_cost", operator, item.registryCurrency), amount: item.registryCost },
      );
    }
  }
  if (payerOwed) {
    const from = item.state === "completed" ? "reseller_available" : "registrant_funds";
    lines.push(
      { account: resellerAccount(from, item.resellerId, currency), amount: -item.retailAmount },
      { account: resellerAccount("refunds_paid", item.resellerId, currency), amount: item.retailAmount },
    );
  }
  return lines;
}
