/**
 * Domain list and lifecycle benchmarks (issue 5), callable from bench/domains.ts or alone:
 * `npm run bench -- domains-lists`. Seeds 200,000 domains for one reseller (SQL generate_series) in a
 * throwaway database, then measures:
 * - the console list page's server time (listDomains) over a mix of first pages, deep keyset pages
 *   and filters, p50/p95 against the 50 ms goal;
 * - the nightly lifecycle sweep over all of them: expiries spread over the next 405 days, a catch-up
 *   sweep (the notice backlog a fresh import has), then the steady-state night (the next day that has expiries) with a
 *   day's share of expiries and ERRP notices.
 */
import { randomUUID } from "node:crypto";
import { applyMigrations } from "../scripts/db/migrations";
import { openBenchDatabase } from "./_bench-database";

const DOMAINS = Number(process.env.BENCH_DOMAINS ?? 200_000);
const LIST_RUNS = Number(process.env.BENCH_LIST_RUNS ?? 300);

type Ctx = { kind: "user"; actorId: string; resellerId: string; role: "owner" };

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(2));
}

/** Seeds `count` domains for a new reseller through the global db; returns the acting context. */
export async function seedDomains(count = DOMAINS): Promise<Ctx> {
  const { db } = await import("../src/server/db");
  const resellerId = randomUUID();
  await db.reseller.create({
    data: {
      id: resellerId,
      slug: `bench-${resellerId.slice(0, 8)}`,
      legalName: "Bench Ltd",
      displayName: "Bench",
      branding: { create: { supportEmail: "support@bench.example" } },
    },
  });
  await db.$executeRawUnsafe(`
    insert into "Registrant" (id, "resellerId", email, name, "passwordHash", "createdAt", "updatedAt")
    select gen_random_uuid()::text, '${resellerId}', 'customer' || g || '@bench.example', 'Customer ' || g, 'x', now(), now() from generate_series(1, 2000) g`);
  await db.$executeRawUnsafe(`
    insert into "Domain" (id, "resellerId", "registrantId", name, "unicodeName", tld, state, "expiresAt", "autoRenew", "registeredAt", "createdAt", "updatedAt")
    select gen_random_uuid()::text, '${resellerId}',
      (select id from "Registrant" r where r."resellerId" = '${resellerId}' offset (g % 2000) limit 1),
      'bench-' || g || '.' || (array['com','net','org','io','shop'])[1 + g % 5], 'bench-' || g || '.' || (array['com','net','org','io','shop'])[1 + g % 5],
      (array['com','net','org','io','shop'])[1 + g % 5], 'active'::"DomainState",
      now() + interval '1 day' + (g % 405) * interval '1 day' + (g % 86400) * interval '1 second', false, now() - interval '1 year', now(), now()
    from generate_series(1, ${count}) g`);
  await db.$executeRawUnsafe(`analyze "Domain"`);
  return { kind: "user", actorId: randomUUID(), resellerId, role: "owner" };
}

export async function benchDomainList(ctx: Ctx): Promise<Record<string, number>> {
  const { listDomains } = await import("../src/server/domains/queries/list-domains");
  // Warm up and collect deep cursors by walking 200 pages.
  let cursor: string | null = null;
  const cursors: string[] = [];
  for (let i = 0; i < 200; i++) {
    const r = await listDomains(ctx, { cursor, limit: 50 });
    if (!r.next) break;
    cursor = r.next;
    if (i % 20 === 19) cursors.push(r.next);
  }
  const mixes = [
    () => listDomains(ctx, { limit: 50 }),
    () => listDomains(ctx, { limit: 50, cursor: cursors[Math.floor(Math.random() * cursors.length)] }),
    () => listDomains(ctx, { limit: 50, tld: "io" }),
    () => listDomains(ctx, { limit: 50, expiresWithinDays: 30 }),
    () => listDomains(ctx, { limit: 50, sort: "name" }),
    () => listDomains(ctx, { limit: 50, sort: "expiry_desc" }),
    () => listDomains(ctx, { limit: 50, state: "expired" }),
    () => listDomains(ctx, { limit: 50, q: "bench-1999" }),
  ];
  const times: number[] = [];
  for (let i = 0; i < LIST_RUNS; i++) {
    const t = performance.now();
    await mixes[i % mixes.length]();
    times.push(performance.now() - t);
  }
  const p50 = pct(times, 50);
  const p95 = pct(times, 95);
  console.log(
    `domain list at ${DOMAINS} domains: p50 ${p50} ms, p95 ${p95} ms (goal p95 < 50 ms) over ${LIST_RUNS} requests`,
  );
  return { listDomains: DOMAINS, listP50Ms: p50, listP95Ms: p95, listGoalMet: p95 < 50 ? 1 : 0 };
}

export async function benchLifecycleSweep(): Promise<Record<string, number>> {
  const { runLifecycleSweep } = await import("../src/server/domains/lifecycle-events/run-lifecycle-sweep");
  const now = new Date();
  let t = performance.now();
  let catchUpNotices = 0;
  for (let i = 0; i < 6; i++) {
    const r = await runLifecycleSweep(now);
    catchUpNotices += r.notices;
    if (r.notices === 0) break;
  }
  const catchUpMs = performance.now() - t;
  t = performance.now();
  const night = await runLifecycleSweep(new Date(now.getTime() + 2 * 86_400_000));
  const nightMs = performance.now() - t;
  console.log(
    `lifecycle sweep over ${DOMAINS} domains: catch-up ${catchUpMs.toFixed(0)} ms (${catchUpNotices} notices); nightly run ${nightMs.toFixed(0)} ms (expired ${night.expired}, notices ${night.notices})`,
  );
  return {
    sweepDomains: DOMAINS,
    sweepCatchUpMs: Math.round(catchUpMs),
    sweepCatchUpNotices: catchUpNotices,
    sweepNightlyMs: Math.round(nightMs),
    sweepNightlyExpired: night.expired,
    sweepNightlyNotices: night.notices,
  };
}

export default async function main(): Promise<Record<string, unknown>> {
  const database = await openBenchDatabase("domains_lists", { keepCluster: true });
  const url = database.url;
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  try {
    const t = performance.now();
    const ctx = await seedDomains();
    console.log(`seeded ${DOMAINS} domains in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const list = await benchDomainList(ctx);
    const sweep = await benchLifecycleSweep();
    return { ...list, ...sweep };
  } finally {
    const { db } = await import("../src/server/db");
    await db.$disconnect();
    await database.close();
  }
}
