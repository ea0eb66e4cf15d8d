"use server";
/** API keys from the reseller console: make one (shown once) and revoke one. Owners and admins only. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { API_SCOPES } from "@/server/api-keys/scopes";

const MANAGERS = ["owner", "admin"] as const;

const createInput = z.object({
  name: z.string().max(80),
  mode: z.enum(["live", "test"]),
  scopes: z.union([z.enum(API_SCOPES), z.array(z.enum(API_SCOPES))]).optional(),
  allowedCidrs: z.string().max(4_000).default(""),
  expiresInDays: z
    .string()
    .max(4)
    .default("")
    .transform((v) => (v.trim() ? Number(v) : null)),
});

export const createApiKeyAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: createInput,
  // A key spends the balance without a person present: making one wants a recent sign-in.
  reauth: true,
  handler: async (ctx, i) => {
    // The action client re-renders the page after a write, so the new key's row shows at once.
    return createApiKey(ctx, ctx.resellerId, {
      name: i.name,
      mode: i.mode,
      scopes: i.scopes === undefined ? [] : Array.isArray(i.scopes) ? i.scopes : [i.scopes],
      allowedCidrs: i.allowedCidrs.split(/[\s,]+/).filter(Boolean),
      expiresInDays: i.expiresInDays,
    });
  },
});

export const revokeApiKeyAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ keyId: z.string().uuid() }),
  handler: async (ctx, i) => {
    await revokeApiKey(ctx, ctx.resellerId, i.keyId);
    return { revoked: true };
  },
});
