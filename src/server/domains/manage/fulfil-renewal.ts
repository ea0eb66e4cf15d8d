/**
 * Runs the renew or restore provisioner for a balance-paid item right away, so the console shows the
 * registry's answer on the same page (and a bulk job gets a per-name result). It plays the fulfilment
 * dispatcher's part for this one item: start, complete with the provisioner's commit (capturing the
 * hold), or fail (releasing it). When the registry could not be reached the item stays provisioning
 * and a retry job runs it again with `uncertain`, so the provisioner asks the registry first.
 */
import { db } from "@/server/db";
import { systemContext, type ActorContext } from "@/server/context";
import { EppError, RegistryTransportError } from "@/server/registry";
import { getRegistry, recordingRouter } from "@/server/domains/registry-access";
import { completeItem, failItem, startProvisioning } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { registrantPayment } from "@/server/orders/registrant-paid";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import type { Provisioner } from "@/server/fulfilment/provisioner";
import { provisioner as renewProvisioner } from "@/server/fulfilment/provisioners/domain-renew";
import { provisioner as restoreProvisioner } from "@/server/fulfilment/provisioners/domain-restore";
import { describeRegistryResult } from "./registry-words";
import { RENEWAL_RETRY_JOB } from "../lifecycle/job-names";

export type Fulfilment = { ok: boolean; code: number | null; message: string };

export { RENEWAL_RETRY_JOB };

export function fulfilDomainRenewal(
  itemId: string,
  ctx: ActorContext = systemContext(),
  uncertain = false,
): Promise<Fulfilment> {
  return runNow(itemId, renewProvisioner, ctx, uncertain);
}

export function fulfilDomainRestore(
  itemId: string,
  ctx: ActorContext = systemContext(),
  uncertain = false,
): Promise<Fulfilment> {
  return runNow(itemId, restoreProvisioner, ctx, uncertain);
}

async function runNow(
  itemId: string,
  provision: Provisioner,
  ctx: ActorContext,
  uncertain: boolean,
): Promise<Fulfilment> {
  const item = await db.orderItem.findUniqueOrThrow({ where: { id: itemId }, include: { order: true, product: true } });
  if (item.state === "paid") await db.$transaction((tx) => startProvisioning(tx, itemId));
  else if (item.state !== "provisioning")
    return {
      ok: item.state === "completed",
      code: null,
      message: `This item is already ${item.state.replaceAll("_", " ")}.`,
    };
  const registry = recordingRouter(await getRegistry(), {
    resellerId: item.resellerId,
    actor: ctx,
    orderItemId: itemId,
    domainName: item.subject,
  });
  try {
    const result = await provision({ item, attempt: 1, uncertain, startedAt: new Date(), registry });
    if (result.status === "failed") return fail(itemId, null, result.reason);
    await db.$transaction(async (tx) => {
      if (result.status === "completed") await completeItem(tx, itemId, { registryCost: result.registryCost });
      await result.commit?.(tx);
    });
    return { ok: true, code: 1000, message: result.message };
  } catch (e) {
    if (e instanceof EppError && !e.retryable)
      return fail(itemId, e.code, describeRegistryResult(e.code, e.eppMessage));
    if (e instanceof EppError || e instanceof RegistryTransportError) {
      await db.$transaction((tx) =>
        enqueueJob(tx, RENEWAL_RETRY_JOB, { itemId, kind: item.kind }, { startAfter: 60, singletonKey: itemId }),
      );
      return {
        ok: false,
        code: e instanceof EppError ? e.code : null,
        message: "The registry could not be reached; we will retry automatically and show the result here.",
      };
    }
    throw e;
  }
}

async function fail(itemId: string, code: number | null, reason: string): Promise<Fulfilment> {
  await db.$transaction((tx) => failItem(tx, itemId, reason));
  const item = await db.orderItem.findUniqueOrThrow({ where: { id: itemId } });
  if (await registrantPayment(db, item.orderId)) await refundItem(itemId, "the registry refused the request");
  return { ok: false, code, message: reason };
}

/** The retry job's handler. */
export async function retryRenewalItem(data: { itemId: string; kind?: string }): Promise<void> {
  const run = data.kind === "domain_restore" ? fulfilDomainRestore : fulfilDomainRenewal;
  await run(data.itemId, systemContext(), true);
}
