/**
 * Group commit of completed items (decision 129). A runner whose provisioner completed hands the
 * settle to its process's collector and waits; the collector settles whatever has gathered in one
 * transaction: the runs, attempts and items in one statement (fenced by each item's lease token),
 * every capture in one statement, each provisioner's records, then the audit entries of all of them
 * in one append (each chain locked once, chains in sorted order). While a group is being written
 * the next one gathers, so groups grow with the load and a lone item goes at once.
 *
 * Anything unusual in a group (a lost lease, an item that cannot complete, a posting that is not a
 * plain posting, a provisioner's commit that throws, a deadlock) rolls the whole group back, and each
 * of its items is then settled on its own by `settleOne`, which answers exactly as before. Nothing
 * of a rolled-back group is kept, so an item is never settled twice.
 */
import { db, type Tx } from "@/server/db";
import { appendCollectedAudit, collectAuditIn } from "@/server/audit/record-audit";
import { postEntriesOrRefuse } from "@/server/billing/post-entry";
import { completedMoneyPostings, settleCompletedMoney } from "@/server/orders/complete-item";
import type { ProvisionItem, ProvisionResult } from "../orders/provisioner";
import type { Moved } from "./finish-and-move";
import { finishManyCompleted } from "./finish-many";
import { addStep, timeStep } from "./step-times";

type Completed = Extract<ProvisionResult, { status: "completed" }>;

type Waiting = {
  item: ProvisionItem;
  result: Completed;
  token: string;
  /** When the runner handed it over (`performance.now()`), for the step times. */
  at: number;
  resolve: () => void;
  reject: (e: unknown) => void;
};

export type SettleOne = (item: ProvisionItem, result: Completed, token: string) => Promise<void>;

export type GroupLimits = { maxItems: number; maxInFlight: number };

class RolledBack extends Error {}

export function groupSettler(limits: GroupLimits, settleOne: SettleOne) {
  const waiting: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  async function settleGroup(group: Waiting[]): Promise<void> {
    try {
      const t = performance.now();
      for (const w of group) addStep("settle.gather", t - w.at);
      await timeStep("settle.groupTx", () => db.$transaction(async (tx) => writeGroup(tx, group), { timeout: 30_000 }));
    } catch {
      // Rolled back as a whole: each item alone says what happened to it.
      await Promise.all(group.map((w) => settleOne(w.item, w.result, w.token).then(w.resolve, w.reject)));
      return;
    }
    for (const w of group) w.resolve();
  }

  function drain(): void {
    scheduled = false;
    while (waiting.length && inFlight < limits.maxInFlight) {
      const group = waiting.splice(0, limits.maxItems);
      inFlight++;
      void settleGroup(group).finally(() => {
        inFlight--;
        if (waiting.length && !scheduled) drain();
      });
    }
  }

  return (item: ProvisionItem, result: Completed, token: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, result, token, resolve, reject, at: performance.now() });
      // Runners that finish in the same turn of the event loop go in one group.
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    });
}

async function writeGroup(tx: Tx, group: Waiting[]): Promise<void> {
  const moved = await finishManyCompleted(
    tx,
    group.map((w) => ({ id: w.item.id, orderId: w.item.orderId, token: w.token })),
  );
  if (!moved) throw new RolledBack("an item of the group cannot settle with it");
  const postings = [];
  for (const w of group) {
    const known = { ...(moved.get(w.item.id) as Moved), registryCost: w.result.registryCost };
    const p = completedMoneyPostings(w.item.id, w.item, known);
    // A hold that moves no money is settled without a posting, the way a single settle does it.
    if (p) postings.push(...p);
    else await settleCompletedMoney(tx, w.item.id, w.item, known);
  }
  // Postings that lock a running balance do so in account order within each call: sorted by reseller
  // across calls, two groups take those locks in the same order.
  postings.sort((a, b) => (a.input.resellerId ?? "").localeCompare(b.input.resellerId ?? ""));
  if (!(await postEntriesOrRefuse(tx, postings))) throw new RolledBack("a posting of the group was not plain");
  collectAuditIn(tx);
  for (const w of group) await w.result.commit?.(tx);
  await appendCollectedAudit(tx);
}
