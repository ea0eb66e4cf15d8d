/** Saves a reseller's branding after validating every value (colours with a contrast check). */
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { assertResellerWritable, requireResellerManager } from "./guards";
import { brandingInput, type BrandingInput } from "./branding-input";
import { parseInput } from "@/server/parse-input";

export async function updateBranding(ctx: ActorContext, input: BrandingInput) {
  const { resellerId, displayName, ...branding } = parseInput(brandingInput, input);
  requireResellerManager(ctx, resellerId);
  return db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    const before = await tx.resellerBranding.findUniqueOrThrow({ where: { resellerId }, omit: { logo: true } });
    const reseller = await tx.reseller.findUniqueOrThrow({ where: { id: resellerId }, select: { displayName: true } });
    await tx.reseller.update({ where: { id: resellerId }, data: { displayName } });
    const after = await tx.resellerBranding.update({ where: { resellerId }, data: branding, omit: { logo: true } });
    const changed = (Object.keys(branding) as (keyof typeof branding)[]).filter((k) => before[k] !== after[k]);
    await recordAudit(tx, ctx, {
      action: "branding.update",
      entity: "resellerBranding",
      entityId: resellerId,
      resellerId,
      before: { displayName: reseller.displayName, ...Object.fromEntries(changed.map((k) => [k, before[k]])) },
      after: { displayName, ...Object.fromEntries(changed.map((k) => [k, after[k]])) },
    });
    return { ...after, displayName };
  });
}
