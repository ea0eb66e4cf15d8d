/**
 * The one function that writes to the ledger. An entry is a set of lines summing to zero per
 * currency (also enforced in the database: by `ledger_post` for its lines, by a deferred constraint
 * trigger for lines written any other way), written once per idempotency key.
 *
 * A posting is ONE call to the database function `ledger_post` (docs/decisions/075-ledger-posting-function.md):
 * it creates accounts on first use, locks the running balances it touches in id order (only
 * `reseller_available` keeps one), checks that no reseller's available balance would fall below minus
 * its credit limit, inserts the entry and its lines and moves the balances. Because the rows are
 * locked before the check, the floor holds under any concurrency; because it is one call, it is
 * atomic even outside a transaction, costs one round trip, and its plans are prepared once per
 * connection. A refused posting writes nothing.
 *
 * `hold` makes the posting place an order item's hold, or settle it: a settlement goes ahead only if
 * the same call moves the hold out of `held`, so a hold and its entry can never disagree.
 */
import { randomUUID } from "node:crypto";
import { poolOf, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AccountRef } from "./accounts";
import { noteAvailableBalance } from "./note-available-balance";

export type EntryLine = { account: AccountRef; amount: number };

export type EntryInput = {
  key: string;
  kind: string;
  memo?: string;
  resellerId?: string | null;
  orderId?: string | null;
  actorId?: string | null;
  lines: EntryLine[];
};

export type HoldStep =
  | { op: "place"; orderItemId: string; amount: number; currency: string; at: Date }
  | { op: "capture" | "release"; orderItemId: string };

export type PostOptions = { hold?: HoldStep };

/** `gated: false` and `holdStatus`: a settlement found the hold not `held` (null when there is none); nothing was written. */
export type PostedEntry = { entryId: string; created: boolean; gated?: boolean; holdStatus?: string | null };

type Alert = { resellerId: string; after: number; threshold: number; warnedAt: string | null };
type Outcome =
  | { outcome: "posted"; entryId: string; alerts: Alert[] | null }
  | { outcome: "exists"; entryId: string }
  | { outcome: "insufficient" }
  | { outcome: "unsettled"; holdStatus: string | null };

export function assertBalanced(lines: EntryLine[]): void {
  if (lines.length === 0) throw new AppError("INTERNAL", undefined, { cause: "journal entry without lines" });
  const sums = new Map<string, number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount))
      throw new AppError("INTERNAL", undefined, { cause: `amount ${l.amount} is not an integer` });
    sums.set(l.account.currency, (sums.get(l.account.currency) ?? 0) + l.amount);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0)
      throw new AppError("INTERNAL", undefined, {
        cause: `journal entry does not balance in ${currency} (off by ${sum})`,
      });
  }
}

function posting(input: EntryInput, hold: HoldStep | undefined): string {
  return JSON.stringify({
    id: randomUUID(),
    key: input.key,
    kind: input.kind,
    memo: input.memo ?? "",
    resellerId: input.resellerId ?? null,
    orderId: input.orderId ?? null,
    actorId: input.actorId ?? null,
    lines: input.lines.map((l) => ({
      account: l.account.id,
      kind: l.account.kind,
      owner: l.account.resellerId,
      currency: l.account.currency,
      amount: l.amount,
    })),
    hold: hold && {
      op: hold.op,
      item: hold.orderItemId,
      ...(hold.op === "place" ? { amount: hold.amount, currency: hold.currency, at: hold.at.toISOString() } : {}),
    },
  });
}

/**
 * Several postings in one statement, in the order given, for a caller that settles many items in one
 * transaction (the engine's group commit, decision 129). True only if every one was posted with no
 * balance alert; otherwise the caller must roll back and post them one by one through `postEntry`,
 * which knows what to do with every other outcome.
 */
export async function postEntriesOrRefuse(
  tx: Tx,
  postings: { input: EntryInput; hold?: HoldStep }[],
): Promise<boolean> {
  if (!postings.length) return true;
  for (const p of postings) assertBalanced(p.input.lines);
  const docs = postings.map((p) => posting(p.input, p.hold));
  const rows = await tx.$queryRawUnsafe<{ r: string }[]>(
    `select r::text as r from unnest($1::text[]) with ordinality as d(doc, n)
     cross join lateral ledger_post(d.doc::jsonb) r order by d.n`,
    docs,
  );
  return rows.every((row) => {
    const r = JSON.parse(row.r) as Outcome;
    return r.outcome === "posted" && !r.alerts?.length;
  });
}

export async function postEntry(tx: Tx, input: EntryInput, opts: PostOptions = {}): Promise<PostedEntry> {
  assertBalanced(input.lines);
  // One parameter in, one text out: every bound value and typed column costs the client more than the
  // database spends on the JSON.
  // Outside a transaction the call goes straight to the pool (decision 102): it is atomic on its own.
  const doc = posting(input, opts.hold);
  const pool = poolOf(tx);
  const [row] = pool
    ? (
        await pool.query<{ r: string }>({
          name: "ledger_post",
          text: "select ledger_post($1::jsonb)::text as r",
          values: [doc],
        })
      ).rows
    : await tx.$queryRaw<{ r: string }[]>`select ledger_post(${doc}::jsonb)::text as r`;
  const r = JSON.parse(row.r) as Outcome;
  switch (r.outcome) {
    case "posted":
      for (const a of r.alerts ?? []) {
        await noteAvailableBalance(
          tx,
          { resellerId: a.resellerId, threshold: a.threshold, warnedAt: a.warnedAt ? new Date(a.warnedAt) : null },
          Number(a.after),
        );
      }
      return { entryId: r.entryId, created: true };
    case "exists":
      return { entryId: r.entryId, created: false };
    case "unsettled":
      return { entryId: "", created: false, gated: false, holdStatus: r.holdStatus };
    case "insufficient":
      throw new AppError(
        "INSUFFICIENT_BALANCE",
        "Insufficient balance: top up your account or ask for a higher credit limit.",
      );
  }
}
