/**
 * Sunrise and landrush applications waiting at the registry are asked about (`info` with the
 * application id): allocated → the domain row is written and the item completes (the hold captured:
 * charged once; a landrush winner at the auction's clearing price, ../landrush/settle-landrush.ts);
 * rejected or invalid → the item fails and is refunded. A rejected sunrise application whose name is
 * ours anyway (an earlier application of the same item whose answer was lost won it) completes; a
 * landrush one cannot be told apart from another storefront's winning application under the same
 * registrar account, and a repeated landrush create is answered with the first application instead
 * (decision 121). Any other status is written to the item for the storefront. The registry also
 * queues a poll message at allocation; asking directly does not depend on it arriving, as
 * recheck-transfers-in does for transfers.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { isAppError } from "@/server/errors";
import { callRegistry, inRegistryModeOf, registryClientId, RegistryRefusal } from "@/server/registry/access";
import { completeItem, failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { notifyIfOrderFinished } from "@/server/orders/notify-order-finished";
import type { ProvisionItem } from "@/server/orders/provisioner";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { APPLICATION_STATUSES, sunriseDetailsSchema, type ApplicationStatus } from "./application-details";
import { writeAllocatedDomain } from "@/server/launch/shared/write-allocated-domain";
import { clearingPriceOf } from "../landrush/landrush-details";
import { sendPendingExcessRefunds, settleLandrushWin } from "../landrush/settle-landrush";

const BATCH = 200;

/** What following needs of either kind's details; the rest is kept as it is. */
const followedSchema = z.looseObject({
  applicationId: z.string().optional(),
  applicationStatus: z.enum(APPLICATION_STATUSES).optional(),
});

const phaseOf = (item: ProvisionItem) => (item.kind === "landrush_application" ? "landrush" : "sunrise");

export type FollowSummary = { asked: number; allocated: number; rejected: number; waiting: number; errors: string[] };

async function waitingItems(limit: number): Promise<ProvisionItem[]> {
  const rows = await db.orderItem.findMany({
    where: { kind: { in: ["sunrise_application", "landrush_application"] }, state: "pending_registry" },
    include: {
      order: { select: { id: true, resellerId: true, registrantId: true, currency: true, createdAt: true } },
      product: { select: { code: true, name: true, registryOperator: true } },
    },
    orderBy: { updatedAt: "asc" },
    take: limit,
  });
  return rows;
}

const asStatus = (s: string | undefined): ApplicationStatus | undefined =>
  APPLICATION_STATUSES.find((x) => x === s) ?? (s ? "custom" : undefined);

/** The name at the registry, when it is ours: an allocation we did not track under this application id. */
async function oursAtRegistry(item: ProvisionItem) {
  try {
    const { data } = await callRegistry(systemContext(item.resellerId), subject(item), "infoDomain", {
      name: item.subject,
      hosts: "none",
    });
    return data.sponsor === (await registryClientId()) ? data : null;
  } catch (e) {
    if (e instanceof RegistryRefusal && e.eppCode === 2303) return null;
    throw e;
  }
}

const subject = (item: ProvisionItem) => ({ id: null, name: item.subject, resellerId: item.resellerId });

async function allocate(item: ProvisionItem, at: { createdAt?: string; expiresAt?: string; roid?: string }) {
  const d = sunriseDetailsSchema.parse(item.details);
  await db.$transaction(async (tx) => {
    const locked = await tx.orderItem.updateMany({
      where: { id: item.id, state: "pending_registry" },
      data: { details: { ...d, applicationStatus: "allocated" } as Prisma.InputJsonValue },
    });
    // Another follower settled it first.
    if (locked.count === 0) return;
    await completeItem(tx, item.id, { registryCost: d.registryFeeUsd });
    await writeAllocatedDomain(tx, item, d, { authCodeEnc: d.authCodeEnc ?? null, ...at });
  });
  await notifyIfOrderFinished(item.orderId);
}

async function reject(item: ProvisionItem, status: ApplicationStatus) {
  const d = followedSchema.parse(item.details);
  const reason =
    status === "invalid"
      ? `The registry found the ${phaseOf(item)} application invalid.`
      : "The registry allocated the name to another applicant.";
  const settled = await db.$transaction(async (tx) => {
    const locked = await tx.orderItem.updateMany({
      where: { id: item.id, state: "pending_registry" },
      data: { details: { ...d, applicationStatus: status } as Prisma.InputJsonValue },
    });
    if (locked.count === 0) return false;
    await failItem(tx, item.id, reason);
    return true;
  });
  if (!settled) return;
  await refundItem(item.id, reason);
  await notifyIfOrderFinished(item.orderId);
}

async function follow(item: ProvisionItem): Promise<"allocated" | "rejected" | "waiting"> {
  const d = followedSchema.parse(item.details);
  if (!d.applicationId) return "waiting";
  const { data } = await callRegistry(
    systemContext(item.resellerId),
    subject(item),
    "infoDomain",
    { name: item.subject, applicationId: d.applicationId, phase: phaseOf(item), hosts: "none" },
    { orderItemId: item.id },
  );
  const status = asStatus(data.launch?.status);
  if (status === "allocated") {
    const domain = await oursAtRegistry(item);
    const at = { createdAt: domain?.createdAt, expiresAt: domain?.expiresAt, roid: domain?.roid };
    if (item.kind === "landrush_application")
      await settleLandrushWin(item, { ...at, clearingPriceUsd: clearingPriceOf(data.launch?.statusText) });
    else await allocate(item, at);
    return "allocated";
  }
  if (status === "rejected" || status === "invalid") {
    if (item.kind === "landrush_application") {
      await reject(item, status);
      return "rejected";
    }
    const domain = await oursAtRegistry(item);
    if (domain) {
      await allocate(item, { createdAt: domain.createdAt, expiresAt: domain.expiresAt, roid: domain.roid });
      return "allocated";
    }
    await reject(item, status);
    return "rejected";
  }
  if (status && status !== d.applicationStatus) {
    await db.orderItem.updateMany({
      where: { id: item.id, state: "pending_registry" },
      data: { details: { ...d, applicationStatus: status } as Prisma.InputJsonValue },
    });
  }
  return "waiting";
}

export async function followSunriseApplications(opts: { limit?: number } = {}): Promise<FollowSummary> {
  const summary: FollowSummary = { asked: 0, allocated: 0, rejected: 0, waiting: 0, errors: [] };
  await sendPendingExcessRefunds();
  for (const item of await waitingItems(opts.limit ?? BATCH)) {
    summary.asked++;
    try {
      summary[await inRegistryModeOf(item.resellerId, () => follow(item))]++;
    } catch (e) {
      // The registry could not answer: the next run asks again.
      if (!isAppError(e)) throw e;
      summary.errors.push(`${item.subject}: ${e.message}`);
    }
  }
  return summary;
}
