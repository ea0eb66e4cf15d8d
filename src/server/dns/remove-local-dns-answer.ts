/** Forgets one answer of the local DNS stand-in. */
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { assertCanWrite, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";

export async function removeLocalDnsAnswer(ctx: ActorContext, id: string) {
  assertCanWrite(ctx);
  if (ctx.kind !== "registrar" && ctx.kind !== "system") throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const row = await tx.localDnsRecord.findUnique({ where: { id } });
    if (!row) throw new AppError("NOT_FOUND");
    await tx.localDnsRecord.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      action: "dns.local.remove",
      entity: "localDnsRecord",
      entityId: id,
      resellerId: null,
      before: { name: row.name, value: row.value },
    });
  });
}
