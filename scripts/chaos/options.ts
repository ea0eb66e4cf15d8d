/**
 * The chaos run's settings: environment variables, each overridable by a `--name=value` flag
 * (`--orders=100` for CHAOS_ORDERS). Parsed once with zod so a bad value stops the run at once.
 */
import { z } from "zod";

const schema = z.object({
  orders: z.coerce.number().int().min(1).max(100_000).default(1_000),
  resellers: z.coerce.number().int().min(1).max(200).default(20),
  /** Share of registry commands that meet a fault, spread evenly over every fault kind. */
  faultRate: z.coerce.number().min(0).max(0.9).default(0.2),
  seed: z.coerce.number().int().min(0).default(1),
  /** Worker processes (`npm run worker`), each running every job with the engine's own concurrency. */
  workers: z.coerce.number().int().min(1).max(8).default(3),
  workerKills: z.coerce.number().int().min(0).max(20).default(3),
  registryRestarts: z.coerce.number().int().min(0).max(5).default(1),
  /** Orders being placed at once (customers and staff at their screens). */
  concurrency: z.coerce.number().int().min(1).max(32).default(6),
  /** Mock registry EPP port; its admin HTTP console listens on the next port. */
  registryPort: z.coerce.number().int().min(1).max(65_534).default(5710),
  /** Embedded PostgreSQL port, used only when DATABASE_URL is unset. */
  pgPort: z.coerce.number().int().min(1).max(65_535).default(5719),
  commandTimeoutMs: z.coerce.number().int().min(200).max(60_000).default(1_500),
  /** The rival registrar answers a transfer request this long after it first sees it pending. */
  transferAnswerSeconds: z.coerce.number().min(0).max(600).default(5),
  /** How long to wait for the system to settle after the last order before judging it. */
  settleSeconds: z.coerce.number().int().min(10).max(3_600).default(480),
  keepDatabase: z
    .enum(["0", "1", "true", "false", ""])
    .default("")
    .transform((v) => v === "1" || v === "true"),
});

export type ChaosOptions = z.infer<typeof schema>;

const ENV: Record<keyof ChaosOptions, string> = {
  orders: "CHAOS_ORDERS",
  resellers: "CHAOS_RESELLERS",
  faultRate: "CHAOS_FAULT_RATE",
  seed: "CHAOS_SEED",
  workers: "CHAOS_WORKERS",
  workerKills: "CHAOS_WORKER_KILLS",
  registryRestarts: "CHAOS_REGISTRY_RESTARTS",
  concurrency: "CHAOS_CONCURRENCY",
  registryPort: "CHAOS_REGISTRY_PORT",
  pgPort: "CHAOS_PG_PORT",
  commandTimeoutMs: "CHAOS_COMMAND_TIMEOUT_MS",
  transferAnswerSeconds: "CHAOS_TRANSFER_ANSWER_SECONDS",
  settleSeconds: "CHAOS_SETTLE_SECONDS",
  keepDatabase: "CHAOS_KEEP_DATABASE",
};

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function parseChaosOptions(argv: string[], env: Record<string, string | undefined>): ChaosOptions {
  const raw: Record<string, string | undefined> = {};
  for (const [key, name] of Object.entries(ENV)) raw[key] = env[name] === "" ? undefined : env[name];
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const key = m && Object.keys(ENV).find((k) => kebab(k) === m[1]);
    if (!m || !key) throw new Error(`Unknown option ${arg} (flags: ${Object.keys(ENV).map(kebab).join(", ")})`);
    raw[key] = m[2] ?? "1";
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${ENV[i.path[0] as keyof ChaosOptions]}: ${i.message}`);
    throw new Error(`Invalid chaos options:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
