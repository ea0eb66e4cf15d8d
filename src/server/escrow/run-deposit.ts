/**
 * One day's deposit, end to end: decide full or incremental, claim the day's log row, read, build,
 * upload, record. The log row is unique per day and type, and one statement claims it (a new day, a
 * failed attempt, or a runner whose lease ran out), so reruns and a second worker never deposit twice;
 * a failure is recorded and thrown, for the job's retries to take it up again.
 */
import { randomUUID } from "node:crypto";
import type { EscrowDeposit } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { buildDeposit, sha256Hex } from "./build-deposit";
import { collectDepositRows } from "./collect-deposit-rows";
import { loadDepositKeys, type DepositKeys } from "./deposit-keys";
import { isoDay, type DepositType } from "./deposit-names";
import { escrowConfig, type EscrowConfig } from "./escrow-config";
import { uploadPortFor, type EscrowUploadPort } from "./upload-port";

const LEASE_MS = 30 * 60_000;
// Rows whose transaction committed just after the previous cutoff carry an earlier updatedAt: each
// incremental reaches this far behind the cutoff, so a row may be deposited twice but never missed.
export const INCREMENTAL_OVERLAP_MS = 10 * 60_000;

export type DepositOutcome =
  { status: "uploaded"; deposit: EscrowDeposit } | { status: "skipped"; reason: string; deposit: EscrowDeposit | null };

export type RunDepositOptions = {
  now?: Date;
  /** Forces the type (an operator's manual run); otherwise the weekday and the log decide. */
  type?: DepositType;
  config?: EscrowConfig;
  keys?: DepositKeys;
  port?: EscrowUploadPort;
};

async function lastUploaded(type?: DepositType) {
  return db.escrowDeposit.findFirst({
    where: { status: "uploaded", ...(type ? { type } : {}) },
    orderBy: { cutoff: "desc" },
  });
}

async function chooseType(now: Date, config: EscrowConfig): Promise<DepositType> {
  if (now.getUTCDay() === config.fullWeekday) return "full";
  // Incrementals build on a full deposit: without one at the agent, the first deposit is full.
  return (await lastUploaded("full")) ? "incremental" : "full";
}

/** Takes the day's row for this runner, or null when it is uploaded or another runner holds it. */
async function claim(day: Date, type: DepositType, now: Date): Promise<string | null> {
  const leasedUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await db.$queryRaw<{ id: string }[]>`
    insert into "EscrowDeposit" (id, type, "depositDate", status, attempts, "leasedUntil", "updatedAt")
    values (${randomUUID()}, ${type}::"EscrowDepositType", ${day}::date, 'running', 1, ${leasedUntil}, now())
    on conflict ("depositDate", type) do update
      set status = 'running', attempts = "EscrowDeposit".attempts + 1, "leasedUntil" = excluded."leasedUntil",
          "updatedAt" = now()
      where "EscrowDeposit".status = 'failed'
         or ("EscrowDeposit".status = 'running' and "EscrowDeposit"."leasedUntil" < now())
    returning id`;
  return rows[0]?.id ?? null;
}

export async function runEscrowDeposit(opts: RunDepositOptions = {}): Promise<DepositOutcome> {
  const now = opts.now ?? new Date();
  const config = opts.config ?? escrowConfig();
  const dayText = isoDay(now);
  const day = new Date(`${dayText}T00:00:00.000Z`);

  // A day holds one deposit: a rerun resumes the day's type instead of starting the other one.
  const existing = await db.escrowDeposit.findFirst({ where: { depositDate: day }, orderBy: { createdAt: "asc" } });
  if (existing?.status === "uploaded") return { status: "skipped", reason: "already uploaded", deposit: existing };
  let type = existing?.type ?? opts.type ?? (await chooseType(now, config));
  const previous = await lastUploaded();
  if (!previous?.cutoff) type = "full";
  const since = type === "incremental" ? new Date(previous!.cutoff!.getTime() - INCREMENTAL_OVERLAP_MS) : null;

  const id = await claim(day, type, now);
  if (!id) {
    const held = await db.escrowDeposit.findUnique({ where: { depositDate_type: { depositDate: day, type } } });
    return { status: "skipped", reason: "another runner holds it or it is uploaded", deposit: held };
  }

  try {
    const registrar = await db.registrar.findUnique({ where: { id: "registrar" }, select: { ianaId: true } });
    if (!registrar) throw new Error("The registrar has not been configured: no IANA ID to deposit under.");
    const keys = opts.keys ?? (await loadDepositKeys(config));
    const port = opts.port ?? uploadPortFor(config);
    const cutoff = new Date();
    const rows = await collectDepositRows(db, since);
    const built = await buildDeposit({ rows, keys, ianaId: registrar.ianaId, type, day: dayText, since, cutoff });
    const uploadResult = await port.upload([...built.files, built.manifest]);
    const deposit = await db.escrowDeposit.update({
      where: { id },
      data: {
        status: "uploaded",
        since,
        cutoff,
        domainRows: rows.domains.length,
        handleRows: rows.handles.length,
        files: built.summary.files,
        manifestName: built.manifest.name,
        manifestSha256: sha256Hex(built.manifest.content),
        uploadResult: `${port.name}: ${uploadResult}`,
        lastError: null,
        leasedUntil: null,
        uploadedAt: new Date(),
      },
    });
    return { status: "uploaded", deposit };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.escrowDeposit.update({
      where: { id },
      data: { status: "failed", lastError: message.slice(0, 2000), leasedUntil: null },
    });
    throw err;
  }
}
