/** The run's figures as one JSON object, the judgement on them, and a short account for people. */
import type { ChaosRun } from "./run";

export type Figures = ReturnType<typeof figuresOf>;

const PER_CATEGORY = 8;
/** Worst first: money taken twice, then names astray on either side, then items stuck or parked. */
const SEVERITY = [
  "double",
  "orphan at registry",
  "orphan here",
  "missing at registry",
  "parked without",
  "lost",
  "parked",
];

/** Problem lines grouped by their leading words, worst group first. */
export function problemsByCategory(problems: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const p of problems) {
    const category = SEVERITY.find((c) => p.startsWith(c)) ?? "other";
    groups.set(category, [...(groups.get(category) ?? []), p]);
  }
  const rank = (c: string) => (SEVERITY.includes(c) ? SEVERITY.indexOf(c) : SEVERITY.length);
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** The first cases of each kind of problem, for the JSON line. */
export function sampleProblems(problems: string[]): string[] {
  return problemsByCategory(problems).flatMap(([, cases]) => cases.slice(0, PER_CATEGORY));
}

/** How often placing needed another try, by what the failed try left, and the commonest errors. */
function retriesOf(run: ChaosRun) {
  const retried = run.placements.filter((p) => p.retried.nothingWritten + p.retried.afterWrite > 0);
  const reasons = new Map<string, number>();
  for (const p of run.placements) for (const e of p.errors) reasons.set(e, (reasons.get(e) ?? 0) + 1);
  return {
    orders: retried.length,
    nothingWritten: run.placements.reduce((s, p) => s + p.retried.nothingWritten, 0),
    afterWrite: run.placements.reduce((s, p) => s + p.retried.afterWrite, 0),
    topErrors: Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1]).slice(0, PER_CATEGORY)),
  };
}

export function figuresOf(run: ChaosRun) {
  const v = run.verdict;
  const placed = run.placements.filter((p) => p.orderId);
  const notPlaced = run.placements.filter((p) => !p.orderId);
  return {
    orders: placed.length,
    ordersNotPlaced: notPlaced.length,
    /** The last error of each order that could not be placed (distinct, first few). */
    notPlacedErrors: [...new Set(notPlaced.map((p) => p.error ?? "?"))].slice(0, PER_CATEGORY),
    placementRetries: retriesOf(run),
    items: v.items,
    completed: v.completed,
    refunded: v.refunded,
    parked: v.parked,
    lost: v.lost,
    doubleCharges: v.doubleCharges,
    orphansAtRegistry: v.orphansAtRegistry,
    orphansHere: v.orphansHere,
    missingAtRegistry: v.missingAtRegistry,
    parkedWithoutReason: v.parkedWithoutReason,
    ledgerClean: v.ledgerClean,
    settled: run.settle.settled,
    leftoverJobs: run.settle.leftoverJobs,
    seconds: Math.round(run.seconds.total),
    phases: {
      setup: Math.round(run.seconds.setup),
      place: Math.round(run.seconds.place),
      settle: Math.round(run.seconds.settle),
    },
    states: v.states,
    workerKills: run.disruptions.filter((d) => d.startsWith("kill-worker")).length,
    registryRestarts: run.disruptions.filter((d) => d.startsWith("restart-registry")).length,
    crashes: run.crashes.length,
    registrySpend: v.registrySpend,
    seed: run.options.seed,
    faultRate: run.options.faultRate,
  };
}

/** Why the run fails; empty when it passes. */
export function failuresOf(f: Figures, run: ChaosRun): string[] {
  const out: string[] = [];
  if (f.lost) out.push(`${f.lost} lost item(s)`);
  if (f.doubleCharges) out.push(`${f.doubleCharges} double charge(s)`);
  if (f.orphansAtRegistry) out.push(`${f.orphansAtRegistry} orphan(s) at the registry`);
  if (f.orphansHere) out.push(`${f.orphansHere} orphan(s) here`);
  if (f.missingAtRegistry) out.push(`${f.missingAtRegistry} completed item(s) missing at the registry`);
  if (f.parkedWithoutReason) out.push(`${f.parkedWithoutReason} parked item(s) without a reason`);
  if (!f.ledgerClean) out.push("the ledger is not clean");
  if (!run.settle.settled)
    out.push(`did not settle (${run.settle.moving} items moving, ${run.settle.liveJobs} live jobs)`);
  if (f.ordersNotPlaced) out.push(`${f.ordersNotPlaced} order(s) could not be placed`);
  return out;
}

export function summaryOf(f: Figures, run: ChaosRun, failures: string[]): string[] {
  const lines = [
    "",
    `chaos run: ${f.orders} orders (${f.items} items) over ${run.options.resellers} resellers, fault rate ${f.faultRate}, seed ${f.seed}, ${f.seconds} s`,
    `  setup ${f.phases.setup} s, placing ${f.phases.place} s, settling ${f.phases.settle} s`,
    `  completed ${f.completed}, refunded ${f.refunded}, parked ${f.parked}, lost ${f.lost}`,
    `  double charges ${f.doubleCharges}, orphans at registry ${f.orphansAtRegistry}, orphans here ${f.orphansHere}, missing at registry ${f.missingAtRegistry}`,
    `  ledger ${f.ledgerClean ? "clean" : "NOT clean"}; item states ${JSON.stringify(f.states)}`,
    `  registry charged us ${f.registrySpend.actual} (completed items account for ${f.registrySpend.forCompletedItems})`,
    `  disruptions: ${run.disruptions.join("; ") || "none"}${run.crashes.length ? `; crashes: ${run.crashes.join("; ")}` : ""}`,
  ];
  const groups = new Map<string, number[]>();
  for (const p of run.placements)
    groups.set(`${p.kind}/${p.channel}`, [...(groups.get(`${p.kind}/${p.channel}`) ?? []), p.ms]);
  const timing = [...groups].map(([k, ms]) => `${k} ${Math.round(ms.reduce((a, b) => a + b, 0) / ms.length)} ms`);
  const r = f.placementRetries;
  lines.push(
    `  placing took on average: ${timing.join(", ")}; ${r.orders} order(s) needed more than one try ` +
      `(${r.nothingWritten} retries after a try that wrote nothing, ${r.afterWrite} after one that placed the order)`,
  );
  const notPlaced = run.placements.filter((p) => !p.orderId);
  for (const p of notPlaced.slice(0, 5)) lines.push(`  not placed: order ${p.n} (${p.kind}, ${p.channel}): ${p.error}`);
  for (const [category, cases] of problemsByCategory(run.verdict.problems)) {
    for (const p of cases.slice(0, PER_CATEGORY)) lines.push(`  ${p}`);
    if (cases.length > PER_CATEGORY) lines.push(`  … and ${cases.length - PER_CATEGORY} more (${category})`);
  }
  for (const l of run.verdict.ledgerFaults.slice(0, 10)) lines.push(`  ledger: ${l}`);
  lines.push(failures.length ? `FAILED: ${failures.join(", ")} (logs in ${run.logDir})` : "PASSED");
  return lines;
}
