/** Every answer the local DNS stand-in gives, for the registrar console. */
import { db } from "@/server/db";
import { assertRole, type ActorContext } from "@/server/context";

export async function listLocalDnsAnswers(ctx: ActorContext) {
  assertRole(ctx, ["registrar_admin", "registrar_auditor", "system"]);
  return db.localDnsRecord.findMany({ orderBy: [{ name: "asc" }, { createdAt: "asc" }], take: 500 });
}
