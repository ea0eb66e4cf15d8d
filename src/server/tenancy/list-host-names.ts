/** A reseller's host names: the platform one first, then custom ones by age. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { verificationRecordName } from "@/lib/host-names";
import { requireResellerReader } from "./guards";

export async function listHostNames(ctx: ActorContext, resellerId: string) {
  requireResellerReader(ctx, resellerId);
  const hosts = await db.hostName.findMany({ where: { resellerId }, orderBy: [{ kind: "asc" }, { createdAt: "asc" }] });
  return hosts.map((h) => ({ ...h, recordName: verificationRecordName(h.host) }));
}
