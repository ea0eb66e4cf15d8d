/**
 * The health checks behind the status page, one result per component. Each check says what a
 * customer would notice, in words fit for a public page: error messages, host names and setting
 * names stay in the logs.
 */
import { db } from "@/server/db";
import { getRegistry } from "@/server/registry/access";
import { paymentProvider } from "@/server/payments/get-payment-provider";
import { paymentOutcomes } from "@/server/payments/failed-payment-rate";
import { MAIL_MAX_ATTEMPTS } from "@/server/mail/drop-expired-mail-secrets";
import type { ComponentState } from "@/generated/prisma/enums";
import { registryConnections } from "./components";

export type CheckResult = { component: string; state: ComponentState; detail: string; latencyMs: number | null };

/** A registry slower than this to answer a check is reported as slow. */
export const REGISTRY_SLOW_MS = 5_000;
/** A check with no answer by then counts as no answer at all. */
export const CHECK_TIMEOUT_MS = 15_000;
export const DATABASE_SLOW_MS = 2_000;
/** Oldest mail still waiting to be sent: past these, mail is delayed, then not going out. */
export const MAIL_DELAYED_MS = 15 * 60_000;
export const MAIL_STALLED_MS = 60 * 60_000;
/** A payment provider slower than this to answer its check is reported as slow. */
export const PAYMENTS_SLOW_MS = 5_000;
/**
 * Failed payments among those that ended in the last hour: past these shares, payments are degraded,
 * then down. Below the minimum count a share says nothing (one bounce of two is not an outage).
 */
export const PAYMENT_FAILURE_WINDOW_MS = 60 * 60_000;
export const PAYMENT_FAILURE_MIN_ENDED = 10;
export const PAYMENT_FAILURES_DEGRADED = 0.2;
export const PAYMENT_FAILURES_DOWN = 0.5;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("check timed out")), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function timed<T>(work: () => Promise<T>, ms: number): Promise<{ ok: true; ms: number } | { ok: false }> {
  const started = performance.now();
  try {
    await withTimeout(work(), ms);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch {
    return { ok: false };
  }
}

/** Storefronts and consoles are pages over the database: they are as healthy as it is. */
export async function checkDatabase(): Promise<CheckResult[]> {
  // The first round trip may include opening a connection; the second is what a page waits for.
  const reached = await timed(() => db.$queryRaw`select 1`, CHECK_TIMEOUT_MS);
  const r = reached.ok ? await timed(() => db.$queryRaw`select 1`, CHECK_TIMEOUT_MS) : reached;
  const state: ComponentState = !r.ok ? "down" : r.ms > DATABASE_SLOW_MS ? "degraded" : "operational";
  const detail = !r.ok
    ? "Pages are not loading."
    : state === "degraded"
      ? "Pages are loading slowly."
      : "Working normally.";
  const latencyMs = r.ok ? r.ms : null;
  return ["storefronts", "consoles"].map((component) => ({ component, state, detail, latencyMs }));
}

/**
 * One availability check per registry connection, for a name nobody needs: it changes nothing at the
 * registry and proves the session pool can log in and get an answer. Unrecorded, like every check.
 */
export async function checkRegistries(): Promise<CheckResult[]> {
  const connections = await registryConnections();
  const router = await getRegistry();
  return Promise.all(
    connections.map(async (c): Promise<CheckResult> => {
      const tld = c.tlds[0];
      const r = await timed(
        () => router.forTld(tld).checkDomains({ names: [`registrar-status-check.${tld}`] }),
        CHECK_TIMEOUT_MS,
      );
      if (!r.ok)
        return {
          component: c.key,
          state: "down",
          detail: "Not answering: registrations, renewals and transfers for these extensions are delayed.",
          latencyMs: null,
        };
      return r.ms > REGISTRY_SLOW_MS
        ? { component: c.key, state: "degraded", detail: "Answering slowly.", latencyMs: r.ms }
        : { component: c.key, state: "operational", detail: "Answering normally.", latencyMs: r.ms };
    }),
  );
}

/**
 * Two signals: the provider answering a cheap read through the payment port, and the share of the
 * last hour's ended payments that failed. The worse one sets the state; a provider that does not
 * answer is down whatever the payments did.
 */
export async function checkPayments(now: Date): Promise<CheckResult> {
  const provider = paymentProvider();
  const [reached, outcomes] = await Promise.all([
    timed(() => provider.checkReachable(), CHECK_TIMEOUT_MS),
    paymentOutcomes(new Date(now.getTime() - PAYMENT_FAILURE_WINDOW_MS), now),
  ]);
  const base = { component: "payments", latencyMs: reached.ok ? reached.ms : null };
  if (!reached.ok) return { ...base, state: "down", detail: "Card payments cannot be taken at the moment." };
  const share = outcomes.ended >= PAYMENT_FAILURE_MIN_ENDED ? outcomes.failed / outcomes.ended : 0;
  if (share >= PAYMENT_FAILURES_DOWN)
    return { ...base, state: "down", detail: "Most payments are failing at the moment." };
  if (share >= PAYMENT_FAILURES_DEGRADED)
    return { ...base, state: "degraded", detail: "More payments than usual are failing." };
  if (reached.ms > PAYMENTS_SLOW_MS) return { ...base, state: "degraded", detail: "Payments are slow to start." };
  return provider.testMode
    ? { ...base, state: "operational", detail: "Test mode: payments are simulated and no card is charged." }
    : { ...base, state: "operational", detail: "Taking card payments normally." };
}

/** The age of the oldest mail still waiting, and whether any gave up within the last hour. */
export async function checkMail(now: Date): Promise<CheckResult> {
  const [oldest, gaveUp] = await Promise.all([
    db.outboxMail.findFirst({
      where: { sentAt: null, attempts: { lt: MAIL_MAX_ATTEMPTS } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.outboxMail.count({
      where: {
        sentAt: null,
        attempts: { gte: MAIL_MAX_ATTEMPTS },
        createdAt: { gte: new Date(now.getTime() - MAIL_STALLED_MS) },
      },
    }),
  ]);
  const waitedMs = oldest ? Math.max(0, now.getTime() - oldest.createdAt.getTime()) : 0;
  if (waitedMs > MAIL_STALLED_MS)
    return { component: "mail", state: "down", detail: "Emails are not going out.", latencyMs: null };
  if (waitedMs > MAIL_DELAYED_MS || gaveUp > 0)
    return {
      component: "mail",
      state: "degraded",
      detail: `Emails are delayed${waitedMs > MAIL_DELAYED_MS ? ` by about ${Math.round(waitedMs / 60_000)} minutes` : ""}.`,
      latencyMs: null,
    };
  return { component: "mail", state: "operational", detail: "Sending normally.", latencyMs: null };
}

export async function checkComponents(now: Date): Promise<CheckResult[]> {
  const [database, registries, payments, mail] = await Promise.all([
    checkDatabase(),
    // The catalogue read itself can fail with the database; the database check reports that.
    checkRegistries().catch(() => []),
    // Likewise the payment outcomes read: without it there is no sample, and the page says "not checked".
    checkPayments(now).catch(() => null),
    checkMail(now),
  ]);
  return [...database, ...registries, ...(payments ? [payments] : []), mail];
}
