/**
 * Certificates a registrant has paid for whose subscription the order engine has yet to make: the
 * provisioner creates it on the item's first attempt, a moment after payment. Without these rows
 * "Your certificates" would say "no certificates yet" right after the receipt.
 */
import { z } from "zod";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";

export type CertificateBeingSetUp = { itemId: string; orderId: string; names: string[] };

const namesSchema = z.object({ names: z.array(z.string()).min(1) });

/** The states between payment and the provisioner's first step (a parked item still waits on us). */
const BEFORE_SUBSCRIPTION = ["paid", "queued", "provisioning", "parked"] as const;

export async function listCertificatesBeingSetUp(ctx: ActorContext, limit = 20): Promise<CertificateBeingSetUp[]> {
  if (ctx.kind !== "registrant" || !ctx.resellerId) return [];
  const items = await db.orderItem.findMany({
    where: {
      resellerId: ctx.resellerId,
      kind: "ssl_issue",
      state: { in: [...BEFORE_SUBSCRIPTION] },
      order: { registrantId: ctx.actorId },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, orderId: true, subject: true, details: true },
  });
  if (items.length === 0) return [];
  const made = await db.certificateSubscription.findMany({
    where: { orderItemId: { in: items.map((i) => i.id) } },
    select: { orderItemId: true },
  });
  const done = new Set(made.map((s) => s.orderItemId));
  return items
    .filter((i) => !done.has(i.id))
    .map((i) => {
      const d = namesSchema.safeParse(i.details);
      return { itemId: i.id, orderId: i.orderId, names: d.success ? d.data.names : [i.subject] };
    });
}
