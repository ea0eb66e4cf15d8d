/**
 * One chaos run, start to verdict: registry and workers as their own processes, the world built with
 * faults off, then every order placed with faults on while workers are killed and the registry
 * restarted, then a wait for the system to settle and the comparison. Imported only after the
 * entry script has pointed this process's environment at the run's database and registry.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ChaosOptions } from "./options";
import { seededRandom } from "./random";
import { ManagedProcess } from "./processes";
import { RegistryAdminClient, registrySettings, type RegistryDomain } from "./registry-admin";
import { buildWorld, CHAOS_TLDS, inParallel, registrarPort } from "./world";
import { mixOf, planOrders, placeOrder, type Placement } from "./orders";
import { Disruptor, planDisruptions } from "./disruptions";
import { TransferDesk } from "./transfer-desk";
import { FINAL_STATES, itemStates, waitForSettle, type SettleState } from "./settle";
import { judge, type Verdict } from "./compare";

export type ChaosRun = {
  options: ChaosOptions;
  placements: Placement[];
  verdict: Verdict;
  settle: SettleState;
  disruptions: string[];
  crashes: string[];
  seconds: { setup: number; place: number; settle: number; total: number };
  logDir: string;
};

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

export async function runChaos(
  options: ChaosOptions,
  env: { worker: NodeJS.ProcessEnv; registry: NodeJS.ProcessEnv; logDir: string },
  say: (line: string) => void,
): Promise<ChaosRun> {
  const t0 = Date.now();
  const random = seededRandom(options.seed);
  const runTag = `c${options.seed}`;
  const admin = new RegistryAdminClient(options.registryPort + 1);
  const registry = new ManagedProcess("registry", "src/mock-registry/main.ts", env.registry, env.logDir);
  const workers = Array.from(
    { length: options.workers },
    (_, i) => new ManagedProcess(`worker-${i + 1}`, "src/worker.ts", env.worker, env.logDir),
  );
  const calm = registrySettings({ rate: 0, commandTimeoutMs: options.commandTimeoutMs, processes: options.workers });
  const faults = registrySettings({
    rate: options.faultRate,
    commandTimeoutMs: options.commandTimeoutMs,
    processes: options.workers,
  });
  const ports = {
    platform: registrarPort({ port: options.registryPort, clientId: "platform", commandTimeoutMs: 10_000 }),
    rival: registrarPort({ port: options.registryPort, clientId: "rival", commandTimeoutMs: options.commandTimeoutMs }),
  };
  const startRegistry = async (settings: typeof faults) => {
    registry.start();
    await until("the mock registry", () => admin.ready(), 60_000);
    await admin.setFaults(settings);
  };

  try {
    await startRegistry(calm);
    say(`registry up on ${options.registryPort}; building ${options.resellers} resellers and seed names`);
    const plannedMix = mixOf(options.orders);
    const world = await buildWorld({
      resellers: options.resellers,
      renewable: plannedMix.renew,
      transferable: plannedMix.transfer,
      random: random.fork("world"),
      runTag,
      platform: ports.platform,
      rival: ports.rival,
      passTransferLock: async () => void (await admin.advanceClock(61)),
    });
    const orders = planOrders(options.orders, world, random.fork("orders"), runTag);
    const plannedItems = orders.reduce(
      (s, o) => s + (o.kind === "register" ? o.names.length + o.names.filter((x) => x.privacy).length : 1),
      0,
    );
    const baseline: RegistryDomain[] = await admin.domains();
    const balanceBefore = await admin.balance("platform");
    const setupDone = Date.now();

    for (const w of workers) w.start();
    await admin.setFaults(faults);
    say(`placing ${orders.length} orders (${plannedItems} items) with fault rate ${options.faultRate}`);

    const victims = random.fork("victims");
    const disruptor = new Disruptor(
      planDisruptions(random.fork("disruptions"), options.workerKills, options.registryRestarts),
      {
        killWorker: async () => {
          const victim = victims.pick(workers);
          await victim.stop("SIGKILL");
          return { name: victim.name, start: async () => victim.start() };
        },
        stopRegistry: () => registry.stop("SIGTERM"),
        startRegistry: () => startRegistry(faults),
      },
      random.fork("disruption-timing"),
      t0,
    );
    const desk = new TransferDesk(admin, ports.rival, random.fork("transfers"), options.transferAnswerSeconds * 1000);
    let monitoring = true;
    // Progress counts planned items while orders go in, then the items that exist (some orders may
    // not have been placed), so every disruption's point is reached before the run can settle.
    let placing = true;
    const monitor = (async () => {
      let lastDesk = 0;
      while (monitoring) {
        try {
          const states = await itemStates();
          const finished = FINAL_STATES.reduce((s, k) => s + (states[k] ?? 0), 0);
          const paid = Object.entries(states).filter(([state]) => state !== "pending_payment");
          const total = placing ? plannedItems : paid.reduce((sum, [, n]) => sum + n, 0);
          void disruptor
            .step(finished / Math.max(total, 1))
            .catch((e: unknown) => say(`disruption failed: ${String(e)}`));
          for (const w of workers) if (await w.reviveIfCrashed()) say(`${w.name} had exited on its own; started again`);
          if (await registry.reviveIfCrashed()) {
            await until("the mock registry", () => admin.ready(), 60_000);
            await admin.setFaults(faults);
          }
          if (Date.now() - lastDesk > 2_000) {
            lastDesk = Date.now();
            await desk.tick().catch(() => {});
          }
        } catch {
          // The database or the registry is mid-restart: look again shortly.
        }
        await sleep(500);
      }
    })();

    const placements: Placement[] = [];
    let placed = 0;
    const placeRandom = random.fork("actors");
    await inParallel(orders, options.concurrency, async (order) => {
      placements.push(await placeOrder(order, placeRandom));
      placed += 1;
      if (placed % 100 === 0) say(`  ${placed} orders placed (${((Date.now() - setupDone) / 1000).toFixed(0)} s)`);
    });
    const placeDone = Date.now();
    placing = false;
    say(`all orders placed; waiting for the system to settle (up to ${options.settleSeconds} s)`);

    let lastSaid = 0;
    const settle = await waitForSettle({
      deadline: Date.now() + options.settleSeconds * 1000,
      ready: () => disruptor.done,
      onTick: (s) => {
        if (Date.now() - lastSaid < 15_000) return;
        lastSaid = Date.now();
        say(`  moving ${s.moving}, live item jobs ${s.liveJobs}: ${JSON.stringify(s.states)}`);
      },
    });
    monitoring = false;
    await monitor;
    if (desk.pollErrors) say(`poll reading failed ${desk.pollErrors} time(s), last: ${desk.lastPollError}`);
    const settleDone = Date.now();

    await Promise.all(workers.map((w) => w.stop("SIGTERM")));
    await admin.setFaults(calm);
    const verdict = await judge({
      registry: await admin.domains(),
      baseline,
      prices: Object.fromEntries(Object.entries(CHAOS_TLDS).map(([tld, [, price]]) => [tld, price])),
      registrySpent: balanceBefore - (await admin.balance("platform")),
      ourClientId: "platform",
    });
    return {
      options,
      placements: placements.sort((a, b) => a.n - b.n),
      verdict,
      settle,
      disruptions: disruptor.log,
      crashes: [...workers.flatMap((w) => w.crashes), ...registry.crashes],
      seconds: {
        setup: (setupDone - t0) / 1000,
        place: (placeDone - setupDone) / 1000,
        settle: (settleDone - placeDone) / 1000,
        total: (Date.now() - t0) / 1000,
      },
      logDir: env.logDir,
    };
  } finally {
    await ports.platform.close().catch(() => {});
    await ports.rival.close().catch(() => {});
    await Promise.all(workers.map((w) => w.close()));
    await registry.close();
  }
}
