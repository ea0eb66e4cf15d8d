/**
 * A `tmch_mark` submission item that fails before the TMCH has the mark (its payment canceled, the
 * reseller's hold refused, the engine giving up): the mark row, created "ordered" with the order and
 * linked to its item only at provisioning, is cancelled with the reason, so the registrant does not
 * see it waiting for ever. A mark the TMCH already has is left alone.
 */
import type { Tx } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { markItemDetailsSchema } from "./item-details";

export async function releaseOrderedMark(tx: Tx, item: { details: Prisma.JsonValue | null }, reason: string) {
  const d = markItemDetailsSchema.safeParse(item.details);
  if (!d.success || d.data.action !== "submit") return;
  await tx.tmchMark.updateMany({
    where: { id: d.data.markId, state: "ordered" },
    data: { state: "cancelled", reasons: [reason || "The order was not completed."] },
  });
}
