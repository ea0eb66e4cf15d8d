/**
 * The contacts a registrant saved on this storefront, newest first: checkout offers them again and
 * fills a new one in from the last, so a returning buyer types nothing.
 */
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { CONTACT_FIELDS } from "./contact-fields";

export async function savedContacts(ctx: ActorContext, take = 10) {
  if (ctx.kind !== "registrant") return [];
  return db.contact.findMany({
    where: { resellerId: ctx.resellerId, registrantId: ctx.actorId },
    orderBy: { createdAt: "desc" },
    take,
    select: CONTACT_FIELDS,
  });
}
