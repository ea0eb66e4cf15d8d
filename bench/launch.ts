/**
 * Pre-orders at a phase start (decisions 124, 133): N binding pre-orders for .nova names wait in
 * `pending_registry`, each with a registrant contact and two nameservers made at the registry when it
 * was queued; the registry's clock passes .nova's general availability and the platform's submission
 * sends them all. The figure is the time from the phase's start to the last create answered.
 *
 * Its measure is a floor measured in the same run, against the same registry, with the same added
 * latency per command and the same number of sessions: a bare client (the mock's sessions, no
 * platform, no database) sending the same N creates, each session one command at a time as RFC 5734
 * asks. The ratio platform / floor is the goal (< 3): "the registry's added latency" made concrete,
 * since no client can beat N / sessions commands' latency. Both are also printed as multiples of the
 * latency itself.
 */
import { randomUUID } from "node:crypto";
import { applyMigrations } from "../scripts/db/migrations";
import { openBenchDatabase } from "./_bench-database";

const PREORDERS = Number(process.env.BENCH_LAUNCH_PREORDERS ?? 1_000);
const LATENCY_MS = Number(process.env.BENCH_LAUNCH_LATENCY_MS ?? 200);
/** The mock registry's session limit per registrar. */
const SESSIONS = Number(process.env.BENCH_LAUNCH_SESSIONS ?? 10);
const NAMESERVERS = ["ns1.bench-dns.example", "ns2.bench-dns.example"];
const DAY = 86_400_000;

type Registry = import("../src/mock-registry").MockRegistry;

/**
 * The floor: `sessions` bare sessions of another registrar, logged in and with their contact made
 * before the start, each sending its share of the creates one after another. Seconds to the last answer.
 */
async function bareFloor(registry: Registry, setLatency: () => void): Promise<{ seconds: number; created: number }> {
  const { EXT_URIS, OBJ_URIS } = await import("../src/mock-registry");
  const { toCommand } = await import("../src/server/registry/inprocess/to-command");
  const sessions = Array.from({ length: SESSIONS }, () => {
    const s = registry.openSession();
    const { response } = s.login({
      clID: "rival",
      pw: "rival-dev-pass",
      version: "1.0",
      lang: "en",
      objURIs: OBJ_URIS,
      extURIs: EXT_URIS,
    });
    if (response.code !== 1000) throw new Error(`floor login: ${response.code} ${response.message}`);
    return s;
  });
  const contact = toCommand("createContact", {
    id: "floor-contact",
    postal: [{ type: "int", name: "Floor", street: ["1 Floor Street"], city: "London", pc: "SW1A 1AA", cc: "GB" }],
    voice: "+44.2071234567",
    email: "floor@example.org",
    authInfo: "Floor-Auth-12",
  });
  await sessions[0].execute(contact);
  setLatency();
  let created = 0;
  const started = performance.now();
  await Promise.all(
    sessions.map(async (s, k) => {
      for (let i = k; i < PREORDERS; i += SESSIONS) {
        const cmd = toCommand("createDomain", {
          name: `floor-${i}.nova`,
          years: 1,
          registrant: "floor-contact",
          contacts: [
            { type: "admin", id: "floor-contact" },
            { type: "tech", id: "floor-contact" },
          ],
          nameservers: NAMESERVERS,
          authInfo: `Floor-Auth-${i}x`,
        });
        const { response } = await s.execute(cmd);
        if (response.code === 1000) created += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const s of sessions) s.close();
  return { seconds, created };
}

export default async function launchBench(): Promise<Record<string, unknown>> {
  const database = await openBenchDatabase("launch");
  const url = database.url;
  process.env.DATABASE_URL = url;
  const { db, sqlPool } = await import("../src/server/db");
  const { MockRegistry, RegistryAdmin } = await import("../src/mock-registry");
  const { buildRegistryRouter, setRegistryForTests } = await import("../src/server/registry/access");
  const { submitOpenPreorders } = await import("../src/server/launch/preorder-submit/submit-preorders");
  const { provisioner: queuePreorder } = await import("../src/server/launch/preorder/provision-preorder");
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
    const contact = await db.contact.create({
      data: {
        resellerId: reseller.id,
        registrantId: registrant.id,
        name: "Bench Registrant",
        email: "bench@example.test",
        phone: "+44.2071234567",
        street1: "1 High Street",
        city: "London",
        postalCode: "SW1A 1AA",
        countryCode: "GB",
      },
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
        details: {
          unicodeName: `bench-${i}.nova`,
          nameservers: NAMESERVERS,
          contactId: contact.id,
          placedInPhase: "claims",
        },
      })),
    });
    // Queued as the engine queues a paid pre-order: contact and hosts made at the registry now. They
    // are the same for every pre-order here, so the first one's are copied to the rest.
    const first = await db.orderItem.findFirstOrThrow({
      where: { orderId: order.id },
      orderBy: { createdAt: "asc" },
      include: { order: true, product: true },
    });
    const queued = await queuePreorder({
      item: first,
      attempt: 1,
      uncertain: false,
      startedAt: new Date(),
      registry: platform.router,
    });
    if (queued.status !== "pending_registry" || !queued.commit) throw new Error("the pre-order was not prepared");
    await db.$transaction((tx) => queued.commit!(tx));
    const { details } = await db.orderItem.findUniqueOrThrow({ where: { id: first.id } });
    await sqlPool().query(
      `update "OrderItem" set details = details || jsonb_build_object('prepared', $1::jsonb) where "orderId" = $2`,
      [JSON.stringify((details as { prepared: unknown }).prepared), order.id],
    );
    // Sessions logged in before the phase starts, as a registrar's pool is.
    const port = platform.router.forTld("nova");
    await Promise.all(Array.from({ length: SESSIONS }, (_, i) => port.checkDomains({ names: [`warm-${i}.nova`] })));

    console.log(
      `launch bench: ${PREORDERS} pre-orders, ${SESSIONS} registry sessions, ${LATENCY_MS} ms added per command`,
    );
    admin.advanceClock({ ms: 120_000 });
    const floor = await bareFloor(registry, () => admin.setFaults("*", { latencyMs: LATENCY_MS }));
    console.log(
      `  floor (bare client, ${SESSIONS} sessions, one command each at a time): last create answered after ` +
        `${floor.seconds.toFixed(1)} s (${((floor.seconds * 1000) / LATENCY_MS).toFixed(1)}x the added latency); ${floor.created} created`,
    );
    const started = performance.now();
    const summary = await submitOpenPreorders({ concurrency: SESSIONS * 2 });
    const settledSeconds = (performance.now() - started) / 1000;
    const seconds = ((summary.lastAnsweredAt ?? performance.now()) - started) / 1000;
    const registered = summary.answers.filter((a) => a.result === "registered").length;
    const ratio = seconds / floor.seconds;
    console.log(
      `  platform: last create answered after ${seconds.toFixed(1)} s ` +
        `(${((seconds * 1000) / LATENCY_MS).toFixed(1)}x the added latency); all settled after ` +
        `${settledSeconds.toFixed(1)} s; ${registered} registered`,
    );
    console.log(`  platform / floor: ${ratio.toFixed(2)}x (goal < 3)`);
    await platform.close();
    setRegistryForTests(null);
    return {
      preorders: PREORDERS,
      sessions: SESSIONS,
      latencyMs: LATENCY_MS,
      floorSeconds: Number(floor.seconds.toFixed(2)),
      seconds: Number(seconds.toFixed(2)),
      settledSeconds: Number(settledSeconds.toFixed(2)),
      ratioToFloor: Number(ratio.toFixed(2)),
      floorRatioToLatency: Number(((floor.seconds * 1000) / LATENCY_MS).toFixed(1)),
      ratioToLatency: Number(((seconds * 1000) / LATENCY_MS).toFixed(1)),
      registered,
      floorCreated: floor.created,
    };
  } finally {
    await db.$disconnect();
    await database.close();
  }
}
