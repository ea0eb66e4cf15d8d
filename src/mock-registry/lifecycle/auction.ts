/**
 * The sealed-bid auction a contended landrush name goes to when landrush ends (decision 121): the
 * highest bid wins, ties go to the earliest application, and the winner pays the second-highest bid
 * (Vickrey), never more than its own bid and never less than the phase price it paid to apply. An
 * uncontested name clears at the phase price.
 */
import type { ApplicationRecord } from "../model/records";

export interface AuctionResult {
  winner: ApplicationRecord;
  clearingPrice: number;
}

const bidOf = (a: ApplicationRecord) => Math.max(a.bid ?? a.amount, a.amount);

const earliestFirst = (a: ApplicationRecord, b: ApplicationRecord) => a.crDate - b.crDate || a.id.localeCompare(b.id);

export function runAuction(apps: ApplicationRecord[]): AuctionResult {
  if (apps.length === 0) throw new Error("An auction needs at least one application.");
  const ranked = [...apps].sort((a, b) => bidOf(b) - bidOf(a) || earliestFirst(a, b));
  const winner = ranked[0];
  const second = ranked[1] ? bidOf(ranked[1]) : winner.amount;
  return { winner, clearingPrice: Math.min(bidOf(winner), Math.max(second, winner.amount)) };
}

/** How the clearing price reads in the application's status text and poll message (USD, two decimals). */
export function clearingPriceText(amount: number): string {
  return `clearing price ${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, "0")} USD`;
}
