/**
 * Owners and admins make API keys in the console. The key is returned once, here, and never again:
 * only its hash is stored. The allowlist is parsed and bounded; the making is audited.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { recordAudit } from "@/server/audit/record-audit";
import { assertResellerWritable, requireResellerManager } from "@/server/tenancy/guards";
import { API_SCOPES } from "./scopes";
import { parseCidrList } from "./cidr";
import { newKeySecret } from "./key-format";

export const MAX_KEY_DAYS = 730;

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name.").max(80),
  mode: z.enum(["live", "test"]),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope."),
  allowedCidrs: z.array(z.string().max(64)).max(64).default([]),
  /** Days until the key stops working; null: until revoked. */
  expiresInDays: z.number().int().min(1).max(MAX_KEY_DAYS).nullable().default(null),
});

export type CreatedApiKey = { id: string; key: string; displayPrefix: string };

export async function createApiKey(
  ctx: ActorContext,
  resellerId: string,
  raw: z.input<typeof createApiKeyInput>,
  now = new Date(),
): Promise<CreatedApiKey> {
  requireResellerManager(ctx, resellerId);
  if (ctx.kind !== "user") throw new AppError("FORBIDDEN");
  const input = parseInput(createApiKeyInput, raw);
  const cidrs = parseCidrList(input.allowedCidrs);
  if (!cidrs.ok) throw new AppError("INVALID_INPUT", "Some allowed addresses are not valid.", { fields: cidrs.errors });
  const secret = newKeySecret(input.mode);
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const row = await db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    const created = await tx.apiKey.create({
      data: {
        resellerId,
        name: input.name,
        mode: input.mode,
        displayPrefix: secret.displayPrefix,
        secretHash: secret.secretHash,
        scopes: [...new Set(input.scopes)],
        allowedCidrs: cidrs.cidrs,
        createdById: ctx.actorId,
        expiresAt,
      },
    });
    await recordAudit(tx, ctx, {
      action: "api_key.create",
      entity: "api_key",
      entityId: created.id,
      resellerId,
      after: {
        name: created.name,
        mode: created.mode,
        displayPrefix: created.displayPrefix,
        scopes: created.scopes,
        allowedCidrs: created.allowedCidrs,
        expiresAt: created.expiresAt,
      },
    });
    return created;
  });
  return { id: row.id, key: secret.key, displayPrefix: row.displayPrefix };
}
