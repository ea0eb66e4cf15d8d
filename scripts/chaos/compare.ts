/**
 * The verdict: our rows against the registry's objects and the ledger. Every count names the cases
 * behind it (in `problems`), so an engine failure found here can be read without rerunning.
 *
 * - lost: a paid item that is neither completed, refunded (money back) nor parked;
 * - doubleCharges: an item posted twice on the ledger, an order paid twice, or a name the registry
 *   holds for more years than completed, unfinished and refunded items explain (created or
 *   renewed twice);
 * - orphansAtRegistry: a name the registry says we sponsor that we do not hold, or hold for an item
 *   that was refunded, or a renewal the registry carried out for an item we refunded;
 * - orphansHere: a name we hold as ours that the registry does not have sponsored by us;
 * - missingAtRegistry: a completed item whose effect the registry does not show (fewer years).
 *
 * Names tied to a parked item are left out of the orphan counts: a person decides those.
 */
import { db } from "../../src/server/db";
import { verifyLedger } from "../../src/server/billing/verify-ledger";
import type { RegistryDomain } from "./registry-admin";

const HELD = new Set(["active", "expired", "pending_transfer_out"]);
const DAY = (iso: string | Date) => new Date(iso).toISOString().slice(0, 10);

function addYears(iso: string, years: number): string {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return DAY(d);
}

function yearsBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(toDay) - Date.parse(fromDay)) / (365.25 * 86_400_000));
}

type ItemRow = {
  id: string;
  orderId: string;
  kind: string;
  subject: string;
  state: string;
  period: number;
  failureReason: string | null;
  hold: string | null;
  paidByRegistrant: boolean;
  parkedReason: string | null;
};

export type Verdict = {
  items: number;
  states: Record<string, number>;
  completed: number;
  refunded: number;
  parked: number;
  parkedWithoutReason: number;
  lost: number;
  doubleCharges: number;
  orphansAtRegistry: number;
  orphansHere: number;
  missingAtRegistry: number;
  ledgerClean: boolean;
  ledgerFaults: string[];
  registrySpend: { actual: number; forCompletedItems: number };
  problems: string[];
};

async function loadItems(): Promise<ItemRow[]> {
  return db.$queryRawUnsafe<ItemRow[]>(`
    select i.id, i."orderId", i.kind::text as kind, i.subject, i.state::text as state, i.period,
           i."failureReason", h.status::text as hold,
           exists (select 1 from "Payment" p where p."orderId" = i."orderId" and p.purpose = 'order'
                   and p.status in ('succeeded', 'refunding', 'refunded')) as "paidByRegistrant",
           to_jsonb(r)->>'parkedReason' as "parkedReason"
    from "OrderItem" i
    left join "Hold" h on h."orderItemId" = i.id
    left join "FulfilmentRun" r on r."itemId" = i.id`);
}

/** What the records say about one name and its items, for a problem line: attempts, poll messages. */
async function evidence(name: string, itemIds: string[]): Promise<string> {
  const parts: string[] = [];
  const attempts = await db
    .$queryRawUnsafe<{ row: Record<string, unknown> }[]>(
      `select to_jsonb(a) as row from "FulfilmentAttempt" a where a."itemId" = any($1::text[]) order by a.id`,
      itemIds,
    )
    .catch(() => []);
  if (attempts.length) {
    const words = attempts.map(
      ({ row }) => `${String(row.outcome ?? "unfinished")}${row.error ? ` (${String(row.error).slice(0, 80)})` : ""}`,
    );
    parts.push(`attempts: ${words.join(" → ")}`);
  } else {
    const runs = await db.$queryRawUnsafe<{ row: Record<string, unknown> }[]>(
      `select to_jsonb(r) as row from "FulfilmentRun" r where r."itemId" = any($1::text[])`,
      itemIds,
    );
    for (const { row } of runs)
      parts.push(
        `run: ${Number(row.attempts)} attempt(s), last error ${String(row.lastError ?? "none").slice(0, 120)}`,
      );
  }
  const polls = await db.pollMessageLog.findMany({
    where: { domainName: name },
    orderBy: { processedAt: "asc" },
    select: { message: true, outcome: true },
  });
  if (polls.length) parts.push(`poll: ${polls.map((p) => `"${p.message}" → ${p.outcome}`).join("; ")}`);
  return parts.length ? ` [${parts.join("; ")}]` : "";
}

/** Money went back: refunded, or failed with the hold released and no registrant payment to return. */
function moneyBack(i: ItemRow): boolean {
  if (i.state === "refunded") return true;
  return i.state === "failed" && !i.paidByRegistrant && (i.hold === null || i.hold === "released");
}

export async function judge(opts: {
  registry: RegistryDomain[];
  /** The registry's domains when the chaos began (seeded names, with their expiry then). */
  baseline: RegistryDomain[];
  prices: Record<string, number>;
  registrySpent: number;
  ourClientId: string;
}): Promise<Verdict> {
  const problems: string[] = [];
  const note = (text: string) => problems.push(text);
  const items = await loadItems();
  const states: Record<string, number> = {};
  for (const i of items) states[i.state] = (states[i.state] ?? 0) + 1;
  const paid = items.filter((i) => i.state !== "pending_payment");

  const completed = paid.filter((i) => i.state === "completed");
  const refunded = paid.filter(moneyBack);
  const parked = paid.filter((i) => i.state === "parked");
  const parkedWithoutReason = parked.filter((i) => !i.parkedReason?.trim());
  for (const i of parkedWithoutReason) note(`parked without a reason: ${i.kind} ${i.subject} (${i.id})`);
  const lost = paid.filter((i) => i.state !== "completed" && i.state !== "parked" && !moneyBack(i));
  for (const i of lost)
    note(
      `lost: ${i.kind} ${i.subject} is ${i.state} (hold ${i.hold ?? "none"}${i.failureReason ? `, "${i.failureReason}"` : ""}) (${i.id})${await evidence(i.subject, [i.id])}`,
    );

  // Ledger: each entry key names its item (`capture:<id>`, `refund:<id>` …); one of each kind at most.
  let doubleCharges = 0;
  const keys = await db.$queryRawUnsafe<{ kind: string; item: string; n: bigint }[]>(`
    select split_part(key, ':', 1) as kind, split_part(key, ':', 2) as item, count(*) as n
    from "JournalEntry" where key ~ '^[a-z_]+:[0-9a-f-]{36}$' group by 1, 2 having count(*) > 1`);
  for (const k of keys) {
    doubleCharges += 1;
    note(`double charge: ${Number(k.n)} ${k.kind} entries for item ${k.item}`);
  }
  const twicePaid = await db.$queryRawUnsafe<{ orderId: string; n: bigint }[]>(`
    select "orderId", count(*) as n from "Payment" where purpose = 'order' and status = 'succeeded'
    group by 1 having count(*) > 1`);
  for (const o of twicePaid) {
    doubleCharges += 1;
    note(`double charge: order ${o.orderId} has ${Number(o.n)} succeeded payments`);
  }

  // The registry against our domains.
  const sponsored = new Map(opts.registry.filter((d) => d.sponsor === opts.ourClientId).map((d) => [d.name, d]));
  // What a person resolving each parked item would find at the registry.
  for (const i of parked) {
    const r = opts.registry.find((d) => d.name === i.subject);
    const there = r
      ? `the registry has it sponsored by ${r.sponsor}, expiring ${DAY(r.expiresAt)}`
      : "the registry does not have it";
    note(`parked: ${i.kind} ${i.subject}: ${i.parkedReason ?? "(no reason)"}; ${there} (${i.id})`);
  }
  const baseline = new Map(opts.baseline.map((d) => [d.name, d]));
  const domains = await db.domain.findMany({ select: { name: true, state: true, expiresAt: true } });
  const ours = new Map(domains.map((d) => [d.name, d]));
  const byName = new Map<string, ItemRow[]>();
  for (const i of paid) byName.set(i.subject, [...(byName.get(i.subject) ?? []), i]);

  let orphansAtRegistry = 0;
  for (const [name, r] of sponsored) {
    const held = ours.get(name);
    const acquiring = (byName.get(name) ?? []).filter(
      (i) => i.kind === "domain_register" || i.kind === "domain_transfer",
    );
    if (acquiring.some((i) => i.state === "parked")) continue;
    const unknown = !held || !HELD.has(held.state);
    const refundedOnly =
      acquiring.length > 0 && !acquiring.some((i) => i.state === "completed" || i.state === "parked");
    if (unknown || refundedOnly) {
      orphansAtRegistry += 1;
      const why = unknown ? `we hold it as ${held ? held.state : "unknown"}` : "its order item was refunded";
      const itemsSaid = acquiring.map((i) => `${i.kind}=${i.state}${i.failureReason ? ` "${i.failureReason}"` : ""}`);
      note(
        `orphan at registry: ${name} (roid ${r.roid}, created ${r.createdAt}) sponsored by us, ${why}; items: ${itemsSaid.join(", ") || "none"}${await evidence(
          name,
          acquiring.map((i) => i.id),
        )}`,
      );
    }
  }
  let orphansHere = 0;
  for (const d of domains) {
    if (!HELD.has(d.state) || sponsored.has(d.name)) continue;
    if ((byName.get(d.name) ?? []).some((i) => i.state === "parked")) continue;
    orphansHere += 1;
    const r = opts.registry.find((x) => x.name === d.name);
    note(
      `orphan here: ${d.name} is ${d.state} with us; the registry ${r ? `has it sponsored by ${r.sponsor}${r.transfer ? ` (transfer ${r.transfer.status})` : ""}` : "does not have it"}`,
    );
  }

  // Years at the registry against years paid for. Years beyond them belong to a renewal still in
  // flight or parked (judged above as lost or parked), to a renewal we refunded (an orphan: the
  // registry did it, we gave the money back), or else to a create or renew done twice.
  let missingAtRegistry = 0;
  const renewYears = (its: ItemRow[], pick: (i: ItemRow) => boolean) =>
    its.filter((i) => i.kind === "domain_renew" && pick(i)).reduce((s, i) => s + i.period, 0);
  for (const [name, r] of sponsored) {
    const its = byName.get(name) ?? [];
    const register = its.find((i) => i.kind === "domain_register" && i.state === "completed");
    const transfer = its.find((i) => i.kind === "domain_transfer" && i.state === "completed");
    const paidYears = renewYears(its, (i) => i.state === "completed");
    const before = baseline.get(name);
    let expected: string | null = null;
    if (register) expected = addYears(r.createdAt, register.period + paidYears);
    else if (transfer && before) expected = addYears(before.expiresAt, 1 + paidYears);
    else if (before && before.sponsor === opts.ourClientId) expected = addYears(before.expiresAt, paidYears);
    if (!expected) continue;
    const extra = yearsBetween(expected, DAY(r.expiresAt));
    const unfinished = renewYears(its, (i) => i.state !== "completed" && !moneyBack(i));
    const refundedYears = renewYears(its, moneyBack);
    const states = its.map((i) => `${i.kind}=${i.state}`).join(", ");
    const beyond = `${name} expires ${DAY(r.expiresAt)}, ${extra} year(s) beyond what completed items paid for (${expected}); items: ${states}`;
    if (extra > unfinished + refundedYears) {
      doubleCharges += 1;
      note(`double at registry: ${beyond}`);
    } else if (extra > unfinished) {
      orphansAtRegistry += 1;
      note(`orphan at registry (renewal): ${beyond}, the renewal was refunded`);
    } else if (extra < 0) {
      missingAtRegistry += 1;
      note(
        `missing at registry: ${name} expires ${DAY(r.expiresAt)}, ${-extra} year(s) short of what completed items paid for (${expected})`,
      );
    }
  }
  for (const i of completed) {
    if (
      (i.kind === "domain_register" || i.kind === "domain_transfer" || i.kind === "domain_renew") &&
      !sponsored.has(i.subject)
    ) {
      missingAtRegistry += 1;
      note(
        `missing at registry: completed ${i.kind} ${i.subject} but the registry does not have it sponsored by us (${i.id})`,
      );
    }
  }

  const ledger = await verifyLedger(db);
  const forCompletedItems = completed.reduce((s, i) => {
    const price = opts.prices[i.subject.slice(i.subject.lastIndexOf(".") + 1)] ?? 0;
    if (i.kind === "domain_register" || i.kind === "domain_renew") return s + price * i.period;
    if (i.kind === "domain_transfer") return s + price;
    return s;
  }, 0);

  return {
    items: items.length,
    states,
    completed: completed.length,
    refunded: refunded.length,
    parked: parked.length,
    parkedWithoutReason: parkedWithoutReason.length,
    lost: lost.length,
    doubleCharges,
    orphansAtRegistry,
    orphansHere,
    missingAtRegistry,
    ledgerClean: ledger.ok,
    ledgerFaults: ledger.faults.map((f) => `[${f.check}] ${f.detail}`),
    registrySpend: { actual: opts.registrySpent, forCompletedItems },
    problems,
  };
}
