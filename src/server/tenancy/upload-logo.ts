/** Stores a storefront logo after checking its bytes (PNG, JPEG or WebP; at most 256 KB; never SVG). */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { detectImageType, logoProblem } from "@/lib/image-type";
import { assertResellerWritable, requireResellerManager } from "./guards";
import { parseInput } from "@/server/parse-input";

const input = z.object({ resellerId: z.uuid(), bytes: z.instanceof(Uint8Array) });

export async function uploadLogo(ctx: ActorContext, raw: { resellerId: string; bytes: Uint8Array }) {
  const { resellerId, bytes } = parseInput(input, raw);
  requireResellerManager(ctx, resellerId);
  const problem = logoProblem(bytes);
  const mime = detectImageType(bytes);
  if (problem || !mime)
    throw new AppError("INVALID_INPUT", problem ?? undefined, { fields: { logo: problem ?? "Unsupported image." } });
  return db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    const before = await tx.resellerBranding.findUniqueOrThrow({
      where: { resellerId },
      select: { logoMime: true, logoUpdatedAt: true },
    });
    const updated = await tx.resellerBranding.update({
      where: { resellerId },
      data: { logo: Buffer.from(bytes), logoMime: mime, logoUpdatedAt: new Date() },
      select: { logoMime: true, logoUpdatedAt: true },
    });
    await recordAudit(tx, ctx, {
      action: "branding.logo.upload",
      entity: "resellerBranding",
      entityId: resellerId,
      resellerId,
      before,
      after: { ...updated, bytes: bytes.length },
    });
    return updated;
  });
}
