/** Removes a custom host name; the platform host name stays for the life of the reseller. */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { getHostNameOrThrow } from "./get-host-name-or-throw";
import { assertResellerWritable, requireResellerManager } from "./guards";
import { parseInput } from "@/server/parse-input";

export const removeHostNameInput = z.object({ hostNameId: z.uuid() });

export async function removeHostName(ctx: ActorContext, input: z.input<typeof removeHostNameInput>) {
  const { hostNameId } = parseInput(removeHostNameInput, input);
  await db.$transaction(async (tx) => {
    const host = await getHostNameOrThrow(tx, ctx, hostNameId);
    requireResellerManager(ctx, host.resellerId);
    await assertResellerWritable(tx, host.resellerId);
    if (host.kind === "platform") throw new AppError("CONFLICT", "The platform host name cannot be removed.");
    await tx.hostName.delete({ where: { id: host.id } });
    await recordAudit(tx, ctx, {
      action: "host_name.remove",
      entity: "hostName",
      entityId: host.id,
      resellerId: host.resellerId,
      before: { host: host.host, verifiedAt: host.verifiedAt },
    });
  });
}
