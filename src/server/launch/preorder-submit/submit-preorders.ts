/**
 * When a TLD with waiting pre-orders is open to everyone on the registry's clock (its `check` says
 * claims or open), its pre-orders go to the registry in the order they were received (placed, then
 * id), several at once: pre-orders for one name one after another, so the earliest gets it. Each
 * answer settles its item as the engine would: registered → completed, the hold captured and the
 * Domain written; refused (taken, a changed claim, any other refusal) → failed, the hold released and
 * the registrant refunded; no answer → left waiting, marked sent, so the next run asks the registry
 * before creating again. A batch is leased in one statement so two watchers never send one item twice.
 */
import { db, sqlPool } from "@/server/db";
import { systemContext } from "@/server/context";
import { Prisma } from "@/generated/prisma/client";
import { EppError } from "@/server/registry";
import { callRegistry, getRegistry, inRegistryModeOf, recordingRouter } from "@/server/registry/access";
import { describeRegistryResult } from "@/server/domains/manage/registry-words";
import { completeItem, failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { notifyIfOrderFinished } from "@/server/orders/notify-order-finished";
import { ProvisionLater, type ProvisionItem, type ProvisionResult } from "@/server/orders/provisioner";
import { trackingRouter } from "@/server/fulfilment/tracking-router";
import { isOpenPhase, preorderDetailsSchema, type PreorderOutcome } from "@/server/launch/preorder/preorder-details";
import { sendPreorder } from "./send-preorder";

const LEASE_MS = 5 * 60_000;
const DEFAULT_CONCURRENCY = 16;

export type PreorderAnswer = {
  itemId: string;
  name: string;
  result: "registered" | "refused" | "retry";
  message: string;
  code: number | null;
};

export type SubmitSummary = {
  tlds: { tld: string; phase: string }[];
  answers: PreorderAnswer[];
  /** When the registry's last answer came (performance.now()), null when nothing was sent. */
  lastAnsweredAt: number | null;
};

/** Each TLD with waiting pre-orders, one of its names and that name's reseller (to ask the registry). */
async function waitingTlds() {
  const rows = await db.orderItem.findMany({
    where: { kind: "pre_registration", state: "pending_registry" },
    distinct: ["productId"],
    select: { subject: true, resellerId: true, product: { select: { code: true } } },
  });
  return rows.map((r) => ({ tld: r.product.code, name: r.subject, resellerId: r.resellerId }));
}

async function phaseNow(t: { tld: string; name: string; resellerId: string }): Promise<string | null> {
  try {
    const ctx = systemContext(t.resellerId);
    const { data } = await inRegistryModeOf(t.resellerId, () =>
      callRegistry(ctx, { id: null, name: t.name, resellerId: t.resellerId }, "checkDomains", { names: [t.name] }),
    );
    return data[0]?.phase ?? "open";
  } catch {
    // The registry did not answer: the next run asks again.
    return null;
  }
}

/** Leases the TLD's waiting pre-orders in one statement, and loads them in the order received. */
async function leaseBatch(tld: string): Promise<ProvisionItem[]> {
  const until = new Date(Date.now() + LEASE_MS).toISOString();
  const { rows } = await sqlPool().query<{ id: string }>(
    `update "OrderItem" i set details = i.details || jsonb_build_object('leaseUntil', $2::text), "updatedAt" = now()
       from "Product" p
      where p.id = i."productId" and p.code = $1 and i.kind = 'pre_registration' and i.state = 'pending_registry'
        and (i.details->>'leaseUntil' is null or (i.details->>'leaseUntil')::timestamptz < now())
      returning i.id`,
    [tld, until],
  );
  if (!rows.length) return [];
  return db.orderItem.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    include: {
      order: { select: { id: true, resellerId: true, registrantId: true, currency: true, createdAt: true } },
      product: { select: { code: true, name: true, registryOperator: true, dnssec: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

const outcomeOf = (r: PreorderAnswer): PreorderOutcome | null =>
  r.result === "retry" ? null : { result: r.result, message: r.message, code: r.code, at: new Date().toISOString() };

/** Writes the answer into the item's details and moves it, only while it still waits (one settle per item). */
async function settle(item: ProvisionItem, result: ProvisionResult, answer: PreorderAnswer) {
  const d = preorderDetailsSchema.parse(item.details ?? {});
  const outcome = outcomeOf(answer);
  const details = { ...d, sent: false, leaseUntil: undefined, outcome: outcome ?? undefined };
  const settled = await db.$transaction(
    async (tx) => {
      const locked = await tx.orderItem.updateMany({
        where: { id: item.id, state: "pending_registry" },
        data: { details: details as Prisma.InputJsonValue },
      });
      if (locked.count === 0) return false;
      if (result.status === "completed") await completeItem(tx, item.id, { registryCost: result.registryCost });
      else await failItem(tx, item.id, answer.message);
      await result.commit?.(tx);
      return true;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
  if (!settled) return;
  if (result.status !== "completed") await refundItem(item.id, answer.message);
  await notifyIfOrderFinished(item.orderId);
}

/** No answer: wait for the next run; `sent` tells it to look the name up before creating again. */
async function release(item: ProvisionItem, sent: boolean) {
  const d = preorderDetailsSchema.parse(item.details ?? {});
  await db.orderItem.updateMany({
    where: { id: item.id, state: "pending_registry" },
    data: { details: { ...d, sent: d.sent || sent, leaseUntil: undefined } as Prisma.InputJsonValue },
  });
}

/** A sent pre-order: the registry's answer, and its settle, which may still be running. */
type Sent = { answer: PreorderAnswer; answeredAt: number; settled: Promise<void> };

/**
 * Settles, or when the database could not (a busy pool on a loaded machine) leaves the item for the
 * next look marked sent, so that look asks the registry before creating again.
 */
async function settleOrRelease(item: ProvisionItem, result: ProvisionResult, answer: PreorderAnswer) {
  try {
    await settle(item, result, answer);
  } catch {
    await release(item, true).catch(() => undefined);
  }
}

async function submitOne(item: ProvisionItem, phase: string): Promise<Sent> {
  const d = preorderDetailsSchema.parse(item.details ?? {});
  const base = { itemId: item.id, name: item.subject };
  const recorded = recordingRouter(await getRegistry(), {
    resellerId: item.resellerId,
    actor: systemContext(item.resellerId),
    orderItemId: item.id,
    domainName: item.subject,
  });
  const tracked = trackingRouter(recorded);
  let result: ProvisionResult;
  try {
    result = await sendPreorder(
      { item, attempt: 1, uncertain: d.sent, startedAt: item.createdAt, registry: tracked.router },
      phase,
    );
  } catch (e) {
    const answeredAt = performance.now();
    if (e instanceof EppError && !e.retryable) {
      const message = describeRegistryResult(e.code, e.eppMessage);
      const answer = { ...base, result: "refused" as const, message, code: e.code };
      return { answer, answeredAt, settled: settleOrRelease(item, { status: "failed", reason: message }, answer) };
    }
    const sent = tracked.sentChange() || (e instanceof ProvisionLater && e.mayHaveTakenEffect);
    const answer = { ...base, result: "retry" as const, message: (e as Error)?.message ?? String(e), code: null };
    return { answer, answeredAt, settled: release(item, sent).catch(() => undefined) };
  }
  const answeredAt = performance.now();
  const answer: PreorderAnswer =
    result.status === "completed"
      ? { ...base, result: "registered", message: result.message, code: 1000 }
      : {
          ...base,
          result: "refused",
          message: result.status === "failed" ? result.reason : result.message,
          code: null,
        };
  const final: ProvisionResult =
    result.status === "pending_registry" ? { status: "failed", reason: answer.message } : result;
  return { answer, answeredAt, settled: settleOrRelease(item, final, answer) };
}

/**
 * Runs groups (one name's pre-orders, oldest first) through `concurrency` lanes, starting them in
 * order. A lane moves to the next name once the registry has answered; within one name it waits for
 * the settle too, so the next pre-order's create meets a name already recorded as ours (and is refused,
 * never adopted as a lost answer of its own).
 */
async function inLanes(groups: ProvisionItem[][], concurrency: number, phase: string) {
  const sent: Sent[] = [];
  let next = 0;
  const lane = async () => {
    while (next < groups.length) {
      const group = groups[next++];
      for (const [i, item] of group.entries()) {
        const one = await inRegistryModeOf(item.resellerId, () => submitOne(item, phase));
        sent.push(one);
        if (i < group.length - 1) await one.settled;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, lane));
  await Promise.all(sent.map((one) => one.settled));
  return sent;
}

function byName(items: ProvisionItem[]): ProvisionItem[][] {
  const groups = new Map<string, ProvisionItem[]>();
  for (const i of items) groups.set(i.subject, [...(groups.get(i.subject) ?? []), i]);
  return [...groups.values()];
}

export async function submitOpenPreorders(opts: { concurrency?: number } = {}): Promise<SubmitSummary> {
  const summary: SubmitSummary = { tlds: [], answers: [], lastAnsweredAt: null };
  for (const t of await waitingTlds()) {
    const phase = await phaseNow(t);
    if (phase === null) continue;
    summary.tlds.push({ tld: t.tld, phase });
    if (!isOpenPhase(phase)) continue;
    const items = await leaseBatch(t.tld);
    const sent = await inLanes(byName(items), opts.concurrency ?? DEFAULT_CONCURRENCY, phase);
    summary.answers.push(...sent.map((one) => one.answer));
    for (const one of sent) summary.lastAnsweredAt = Math.max(summary.lastAnsweredAt ?? 0, one.answeredAt);
  }
  return summary;
}
