/**
 * When a TLD with waiting pre-orders is open to everyone on the registry's clock (its `check` says
 * claims or open), its pre-orders go to the registry in the order they were received (placed, then
 * id), several at once: pre-orders for one name one after another, so the earliest gets it. Each
 * answer settles its item as the engine would: registered → completed, the hold captured and the
 * Domain written; refused (taken, a changed claim, any other refusal) → failed, the hold released and
 * the registrant refunded; no answer → left waiting, marked sent, so the next run asks the registry
 * before creating again, after the engine's backoff and at most the engine's attempts: then parked
 * for a person (decision 074). A batch is leased in one statement so two watchers never send one item.
 *
 * The phase start is a race for names, so the path from one create's answer to the next create holds
 * no database work: answers go to a settler that writes them a batch per transaction beside the
 * sending (decision 133).
 */
import { db, sqlPool } from "@/server/db";
import { systemContext } from "@/server/context";
import { Prisma } from "@/generated/prisma/client";
import { EppError } from "@/server/registry";
import {
  callRegistry,
  getRegistry,
  inRegistryModeOf,
  isSandboxReseller,
  recordingRouter,
} from "@/server/registry/access";
import { describeRegistryResult } from "@/server/domains/manage/registry-words";
import { ProvisionLater, type ProvisionItem, type ProvisionResult } from "@/server/orders/provisioner";
import { trackingRouter } from "@/server/fulfilment/tracking-router";
import { engineSettings, retryDelaySeconds } from "@/server/fulfilment/settings";
import { isOpenPhase, preorderDetailsSchema } from "@/server/launch/preorder/preorder-details";
import { claimKeysOf, sendPreorder } from "./send-preorder";
import { PreorderSettler, type PreorderAnswer } from "./settle-preorders";
import { parkOrFailPreorder } from "./park-preorder";

export type { PreorderAnswer } from "./settle-preorders";

const LEASE_MS = 5 * 60_000;
const DEFAULT_CONCURRENCY = 16;

export type SubmitSummary = {
  tlds: { tld: string; phase: string }[];
  answers: PreorderAnswer[];
  /** When the registry's last answer came (performance.now()), null when nothing was sent. */
  lastAnsweredAt: number | null;
};

export type SubmitOptions = {
  /** Lanes sending at once; twice the registry sessions keeps each session's next create waiting. */
  concurrency?: number;
  /** Only these TLDs (the watcher's plan); every TLD with waiting pre-orders when absent. */
  tlds?: string[];
  /** The platform's time, for leases and retry backoff (tests move it). */
  now?: Date;
};

/** Each TLD with waiting pre-orders, one of its names and that name's reseller (to ask the registry). */
async function waitingTlds(only?: string[]) {
  const rows = await db.orderItem.findMany({
    where: {
      kind: "pre_registration",
      state: "pending_registry",
      ...(only ? { product: { code: { in: only } } } : {}),
    },
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

/**
 * Leases the TLD's waiting pre-orders in one statement (those not leased, and not waiting out a retry's
 * backoff, which is a lease until the retry is due), and loads them in the order received.
 */
async function leaseBatch(tld: string, now: Date): Promise<ProvisionItem[]> {
  const until = new Date(now.getTime() + LEASE_MS).toISOString();
  const { rows } = await sqlPool().query<{ id: string }>(
    `update "OrderItem" i set details = i.details || jsonb_build_object('leaseUntil', $2::text), "updatedAt" = now()
       from "Product" p
      where p.id = i."productId" and p.code = $1 and i.kind = 'pre_registration' and i.state = 'pending_registry'
        and (i.details->>'leaseUntil' is null or (i.details->>'leaseUntil')::timestamptz < $3::timestamptz)
      returning i.id`,
    [tld, until, now.toISOString()],
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

/** No answer: try again after the engine's backoff, or park (or fail, when nothing was sent) at its cap. */
async function retryLater(item: ProvisionItem, sent: boolean, error: string, now: Date) {
  const d = preorderDetailsSchema.parse(item.details ?? {});
  const tries = d.tries + 1;
  const uncertain = d.sent || sent;
  if (tries >= engineSettings().maxAttempts) {
    await parkOrFailPreorder(item, { tries, uncertain, error });
    return;
  }
  const due = new Date(now.getTime() + retryDelaySeconds(tries) * 1000).toISOString();
  await db.orderItem.updateMany({
    where: { id: item.id, state: "pending_registry" },
    data: { details: { ...d, sent: uncertain, tries, leaseUntil: due } as Prisma.InputJsonValue },
  });
}

type Lane = { phase: string; claimKeys: Map<string, string | null> | null; settler: PreorderSettler; now: Date };

/** Sends one pre-order; resolves at the registry's answer with the promise of its settle. */
async function submitOne(item: ProvisionItem, lane: Lane): Promise<{ answer: PreorderAnswer; settled: Promise<void> }> {
  const d = preorderDetailsSchema.parse(item.details ?? {});
  const base = { itemId: item.id, name: item.subject };
  const bareRouter = await getRegistry();
  const recorded = recordingRouter(bareRouter, {
    resellerId: item.resellerId,
    actor: systemContext(item.resellerId),
    orderItemId: item.id,
    domainName: item.subject,
  });
  const tracked = trackingRouter(recorded);
  let sent;
  try {
    sent = await sendPreorder({
      job: { item, attempt: d.tries + 1, uncertain: d.sent, startedAt: item.createdAt, registry: tracked.router },
      phase: lane.phase,
      claimKey: lane.claimKeys ? (lane.claimKeys.get(item.subject) ?? null) : undefined,
      bare: bareRouter.forDomain(item.subject),
    });
  } catch (e) {
    if (e instanceof EppError && !e.retryable) {
      const message = describeRegistryResult(e.code, e.eppMessage);
      const answer = { ...base, result: "refused" as const, message, code: e.code };
      return { answer, settled: lane.settler.add({ item, result: { status: "failed", reason: message }, answer }) };
    }
    // The bare create counts as sent too: the tracker sees only the recorded ports.
    const mayHaveSent =
      tracked.sentChange() || Boolean(d.prepared && !d.sent) || (e instanceof ProvisionLater && e.mayHaveTakenEffect);
    const message = (e as Error)?.message ?? String(e);
    const answer = { ...base, result: "retry" as const, message, code: null };
    return {
      answer,
      settled: retryLater(item, mayHaveSent, message, lane.now).then(
        () => undefined,
        () => undefined,
      ),
    };
  }
  const { result } = sent;
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
  return { answer, settled: lane.settler.add({ item, result: final, answer, record: sent.record }) };
}

/**
 * Runs groups (one name's pre-orders, oldest first) through `concurrency` lanes, starting them in
 * order. A lane moves to the next name once the registry has answered; within one name it waits for
 * the settle too, so the next pre-order's create meets a name already recorded as ours (and is refused,
 * never adopted as a lost answer of its own).
 */
async function inLanes(groups: ProvisionItem[][], concurrency: number, lane: Lane) {
  const sent: { answer: PreorderAnswer; answeredAt: number; settled: Promise<void> }[] = [];
  let next = 0;
  const run = async () => {
    while (next < groups.length) {
      const group = groups[next++];
      for (const [i, item] of group.entries()) {
        const one = await inRegistryModeOf(item.resellerId, () => submitOne(item, lane));
        sent.push({ ...one, answeredAt: performance.now() });
        if (i < group.length - 1) await one.settled;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, run));
  await Promise.all(sent.map((one) => one.settled));
  return sent;
}

function byName(items: ProvisionItem[]): ProvisionItem[][] {
  const groups = new Map<string, ProvisionItem[]>();
  for (const i of items) groups.set(i.subject, [...(groups.get(i.subject) ?? []), i]);
  return [...groups.values()];
}

/** In claims, the claim on every name of the batch, asked 50 a command per registry (live, sandbox). */
async function claimKeysFor(tld: string, items: ProvisionItem[]): Promise<Map<string, string | null> | null> {
  const byMode = new Map<boolean, { resellerId: string; names: Set<string> }>();
  for (const i of items) {
    const sandbox = await isSandboxReseller(i.resellerId);
    const mode = byMode.get(sandbox) ?? { resellerId: i.resellerId, names: new Set<string>() };
    mode.names.add(i.subject);
    byMode.set(sandbox, mode);
  }
  const keys = new Map<string, string | null>();
  try {
    for (const { resellerId, names } of byMode.values()) {
      const found = await inRegistryModeOf(resellerId, async () =>
        claimKeysOf((await getRegistry()).forTld(tld), [...names]),
      );
      for (const [n, k] of found) keys.set(n, k);
    }
  } catch {
    // The registry did not answer the batch's check: each pre-order asks for its own name.
    return null;
  }
  return keys;
}

export async function submitOpenPreorders(opts: SubmitOptions = {}): Promise<SubmitSummary> {
  const summary: SubmitSummary = { tlds: [], answers: [], lastAnsweredAt: null };
  const now = opts.now ?? new Date();
  for (const t of await waitingTlds(opts.tlds)) {
    const phase = await phaseNow(t);
    if (phase === null) continue;
    summary.tlds.push({ tld: t.tld, phase });
    if (!isOpenPhase(phase)) continue;
    const items = await leaseBatch(t.tld, now);
    if (!items.length) continue;
    const claimKeys = phase === "claims" ? await claimKeysFor(t.tld, items) : null;
    const settler = new PreorderSettler();
    const sent = await inLanes(byName(items), opts.concurrency ?? DEFAULT_CONCURRENCY, {
      phase,
      claimKeys,
      settler,
      now,
    });
    await settler.drain();
    summary.answers.push(...sent.map((one) => one.answer));
    for (const one of sent) summary.lastAnsweredAt = Math.max(summary.lastAnsweredAt ?? 0, one.answeredAt);
  }
  return summary;
}
