/**
 * Pre-orders at a phase start (decision 124): N binding pre-orders for .nova names wait in
 * `pending_registry`; the registry's clock passes .nova's general availability and the platform's
 * submission sends them all. The figure is the time from the phase's start to the last create
 * answered, as a ratio to the registry's added latency per command (a latency fault on
 * every command). The registry serves one command per session at a time and a registrar a limited
 * number of sessions, so the floor is N / sessions commands' latency: that ratio is printed beside.
 * The pre-orders carry no contact and no nameservers, so each is one create at the registry.
 */
import { randomUUID } from "node:crypto";
import { applyMigrations } from "../scripts/db/migrations";
import { dropDatabase, ensureDatabase, splitDatabaseUrl, startEmbeddedCluster } from "../scripts/db/embedded";

const PREORDERS = Number(process.env.BENCH_LAUNCH_PREORDERS ?? 1_000);
const LATENCY_MS = Number(process.env.BENCH_LAUNCH_LATENCY_MS ?? 200);
/** The mock registry's session limit per registrar. */
const SESSIONS = Number(process.env.BENCH_LAUNCH_SESSIONS ?? 10);
const DAY = 86_400_000;

export default async function launchBench(): Promise<Record<string, unknown>> {
  const fromEnv = process.env.DATABASE_URL;
  const cluster = fromEnv
    ? null
    : await startEmbeddedCluster({
        dir: ".data/bench-postgres",
        port: Number(process.env.BENCH_PG_PORT ?? 5491),
        persistent: false,
      });
  const serverUrl = fromEnv ? splitDatabaseUrl(fromEnv).serverUrl : (cluster?.serverUrl as string);
  const given = fromEnv ? splitDatabaseUrl(fromEnv).database : "postgres";
  const name = `${given === "postgres" ? "bench" : given}_launch_${process.pid}`;
  const url = await ensureDatabase(serverUrl, name);
  process.env.DATABASE_URL = url;
  const { db } = await import("../src/server/db");
  const { MockRegistry, RegistryAdmin } = await import("../src/mock-registry");
  const { buildRegistryRouter, setRegistryForTests } = await import("../src/server/registry/access");
  const { submitOpenPreorders } = await import("../src/server/launch/preorder-submit/submit-preorders");
  try {
    await applyMigrations(url);
    // .nova one minute before general availability on the registry's clock.
    const now = Date.now();
    const registry = new MockRegistry({ dataDir: null, frozenAt: now, anchorAt: now - 150 * DAY + 60_000 });
    const admin = new RegistryAdmin(registry);
    const platform = buildRegistryRouter(
      {
        adapter: "inprocess",
        registry,
        clientId: "platform",
        password: "platform-dev-pass",
        commandTimeoutMs: 60_000,
        poolSize: SESSIONS,
      },
      { nova: "newgtld-sim" },
    );
    setRegistryForTests(platform.router, "platform");

    const product = await db.product.create({
      data: { kind: "domain", code: "nova", name: ".nova", registryOperator: "newgtld-sim" },
    });
    const reseller = await db.reseller.create({
      data: { slug: `bench-${randomUUID().slice(0, 8)}`, legalName: "Bench", displayName: "Bench" },
    });
    const registrant = await db.registrant.create({
      data: { resellerId: reseller.id, email: "bench@example.test", name: "Bench", passwordHash: "-" },
    });
    const order = await db.order.create({
      data: {
        resellerId: reseller.id,
        registrantId: registrant.id,
        idempotencyKey: randomUUID(),
        currency: "USD",
        retailTotal: 0,
        wholesaleTotal: 0,
      },
    });
    const at = new Date(now - PREORDERS);
    await db.orderItem.createMany({
      data: Array.from({ length: PREORDERS }, (_, i) => ({
        orderId: order.id,
        resellerId: reseller.id,
        kind: "pre_registration" as const,
        productId: product.id,
        subject: `bench-${i}.nova`,
        retailAmount: 0,
        wholesaleAmount: 0,
        registryCost: 0,
        state: "pending_registry" as const,
        createdAt: new Date(at.getTime() + i),
        details: { unicodeName: `bench-${i}.nova`, nameservers: [], contactId: null, placedInPhase: "claims" },
      })),
    });
    // Sessions logged in before the phase starts, as a registrar's pool is.
    const port = platform.router.forTld("nova");
    await Promise.all(Array.from({ length: SESSIONS }, (_, i) => port.checkDomains({ names: [`warm-${i}.nova`] })));
    admin.setFaults("*", { latencyMs: LATENCY_MS });

    console.log(
      `launch bench: ${PREORDERS} pre-orders, ${SESSIONS} registry sessions, ${LATENCY_MS} ms added per command`,
    );
    admin.advanceClock({ ms: 120_000 });
    const started = performance.now();
    const summary = await submitOpenPreorders({ concurrency: SESSIONS * 2 });
    const settledSeconds = (performance.now() - started) / 1000;
    const seconds = ((summary.lastAnsweredAt ?? performance.now()) - started) / 1000;
    const registered = summary.answers.filter((a) => a.result === "registered").length;
    const ratio = (seconds * 1000) / LATENCY_MS;
    const floor = Math.ceil(PREORDERS / SESSIONS);
    console.log(
      `  last create answered after ${seconds.toFixed(1)} s: ${ratio.toFixed(1)}x the added latency ` +
        `(floor with ${SESSIONS} sessions: ${floor}x; ${(ratio / floor).toFixed(2)}x the floor); ` +
        `all settled after ${settledSeconds.toFixed(1)} s; ${registered} registered`,
    );
    await platform.close();
    setRegistryForTests(null);
    return {
      preorders: PREORDERS,
      sessions: SESSIONS,
      latencyMs: LATENCY_MS,
      seconds: Number(seconds.toFixed(2)),
      settledSeconds: Number(settledSeconds.toFixed(2)),
      ratioToLatency: Number(ratio.toFixed(2)),
      floorRatio: floor,
      ratioToFloor: Number((ratio / floor).toFixed(2)),
      registered,
    };
  } finally {
    await db.$disconnect();
    await dropDatabase(serverUrl, name).catch(() => undefined);
    await cluster?.stop();
  }
}
