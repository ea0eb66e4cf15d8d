/**
 * Nightly reconciliation: every name we sponsor is compared with the registry's `info` (expiry,
 * statuses, RGP state, sponsor), drift is stored as findings of a run and repaired on our side, and
 * each repair is audited. Domains are read in keyset batches; infos run a few at a time per batch.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { EppError, type DomainInfo, type RegistryPort } from "@/server/registry";
import {
  answered,
  failed,
  getRegistry,
  inSandbox,
  isSandboxReseller,
  recordOperation,
  registryClientId,
  type Outcome,
} from "@/server/registry/access";
import type { Domain } from "@/generated/prisma/client";
import { compareDomain, type Drift } from "./compare-domain";

const LIVE = ["active", "expired", "pending_transfer_out", "redemption", "pending_delete"] as const;
const BATCH = 200;
const PARALLEL = 8;

export type ReconciliationSummary = {
  runId: string;
  checked: number;
  drifted: number;
  repaired: number;
  errors: number;
};

export async function runReconciliation(
  opts: { repair?: boolean; resellerId?: string } = {},
): Promise<ReconciliationSummary> {
  const repair = opts.repair ?? true;
  const run = await db.reconciliationRun.create({ data: {} });
  const totals = { checked: 0, drifted: 0, repaired: 0, errors: 0 };
  const registries = registriesByMode();
  let after: string | undefined;
  try {
    for (;;) {
      const batch = await db.domain.findMany({
        where: {
          state: { in: [...LIVE] },
          ...(opts.resellerId ? { resellerId: opts.resellerId } : {}),
          ...(after ? { id: { gt: after } } : {}),
        },
        orderBy: { id: "asc" },
        take: BATCH,
      });
      if (!batch.length) break;
      after = batch[batch.length - 1].id;
      for (let i = 0; i < batch.length; i += PARALLEL) {
        await Promise.all(
          batch.slice(i, i + PARALLEL).map(async (d) => {
            const { router, ourId } = await registries(d.resellerId);
            await checkOne(run.id, d, router.forDomain(d.name), ourId, repair, totals);
          }),
        );
      }
    }
    await db.reconciliationRun.update({
      where: { id: run.id },
      data: { status: "completed", finishedAt: new Date(), ...totals },
    });
  } catch (e) {
    await db.reconciliationRun.update({
      where: { id: run.id },
      data: { status: "failed", finishedAt: new Date(), ...totals },
    });
    throw e;
  }
  return { runId: run.id, ...totals };
}

type Registry = { router: Awaited<ReturnType<typeof getRegistry>>; ourId: string };

/**
 * A sandbox's names are compared with the sandbox registry, never the live one, which does not hold
 * them and would have them all marked deleted (decision 126). Each registry is reached once per run.
 */
function registriesByMode(): (resellerId: string) => Promise<Registry> {
  let live: Promise<Registry> | null = null;
  let sandbox: Promise<Registry> | null = null;
  const open = async (): Promise<Registry> => ({ router: await getRegistry(), ourId: await registryClientId() });
  return async (resellerId) => {
    if (await isSandboxReseller(resellerId)) return (sandbox ??= inSandbox(open));
    return (live ??= open());
  };
}

async function checkOne(
  runId: string,
  d: Domain,
  port: RegistryPort,
  ourId: string,
  repair: boolean,
  totals: Record<string, number>,
): Promise<void> {
  totals.checked++;
  // Sent unrecorded: only a name that drifted gets the info in its history, not every name every night.
  let info: DomainInfo | null;
  let outcome: Outcome;
  try {
    const r = await port.infoDomain({ name: d.name });
    info = r.data;
    outcome = answered(r);
  } catch (e) {
    if (e instanceof EppError && e.code === 2303) {
      info = null;
      outcome = failed(e) ?? { code: e.code, message: e.eppMessage };
    } else {
      totals.errors++;
      await db.driftFinding.create({
        data: {
          runId,
          resellerId: d.resellerId,
          domainId: d.id,
          domainName: d.name,
          field: "error",
          ours: d.state,
          theirs: (e as Error).message.slice(0, 500),
        },
      });
      return;
    }
  }
  const drifts = compareDomain(d, info, ourId);
  if (!drifts.length) {
    await db.domain.update({ where: { id: d.id }, data: { lastSyncedAt: new Date() } });
    return;
  }
  totals.drifted++;
  if (repair) totals.repaired++;
  await db.$transaction(async (tx) => {
    await tx.driftFinding.createMany({
      data: drifts.map((x) => ({
        runId,
        resellerId: d.resellerId,
        domainId: d.id,
        domainName: d.name,
        field: x.field,
        ours: x.ours,
        theirs: x.theirs,
        repaired: repair,
      })),
    });
    if (!repair) return;
    await tx.domain.update({
      where: { id: d.id },
      data: Object.assign({ lastSyncedAt: new Date() }, ...drifts.map((x) => x.repair)),
    });
    await recordAudit(tx, systemContext(d.resellerId), {
      action: "domain.reconcile",
      entity: "domain",
      entityId: d.id,
      resellerId: d.resellerId,
      before: summary(drifts, "ours"),
      after: summary(drifts, "theirs"),
    });
  });
  await recordOperation({
    resellerId: d.resellerId,
    domainName: d.name,
    domainId: d.id,
    operation: "infoDomain",
    actor: systemContext(d.resellerId),
    ...outcome,
    detail: {
      name: d.name,
      reconciliation: {
        runId,
        repaired: repair,
        drift: drifts.map((x) => ({ field: x.field, ours: x.ours, theirs: x.theirs })),
      },
    },
  });
}

function summary(drifts: Drift[], side: "ours" | "theirs"): Record<string, string> {
  return Object.fromEntries(drifts.map((x) => [x.field, x[side]]));
}
