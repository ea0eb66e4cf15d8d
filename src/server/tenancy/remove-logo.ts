/** Removes a storefront logo; the storefront then shows its name only. */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { assertResellerWritable, requireResellerManager } from "./guards";
import { parseInput } from "@/server/parse-input";

export async function removeLogo(ctx: ActorContext, raw: { resellerId: string }) {
  const { resellerId } = parseInput(z.object({ resellerId: z.uuid() }), raw);
  requireResellerManager(ctx, resellerId);
  await db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    const before = await tx.resellerBranding.findUniqueOrThrow({
      where: { resellerId },
      select: { logoMime: true, logoUpdatedAt: true },
    });
    await tx.resellerBranding.update({
      where: { resellerId },
      data: { logo: null, logoMime: null, logoUpdatedAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      action: "branding.logo.remove",
      entity: "resellerBranding",
      entityId: resellerId,
      resellerId,
      before,
      after: { logoMime: null },
    });
  });
}
