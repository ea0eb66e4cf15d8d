/**
 * Test-mode webhook endpoints are the sandbox's own: a sandbox's events carry its shadow reseller's id
 * (decisions 100 and 108), so they reach only endpoints registered under that id. A console person
 * manages them through the same services as live ones, acting for the call in the sandbox's context
 * with their own id and role, as a test API key acts there. A live endpoint's id asked for in test
 * mode (or the reverse) is then simply not found.
 */
import type { ActorContext } from "@/server/context";
import { existingSandboxOf, sandboxResellerOf } from "@/server/sandbox/sandbox-tenant";

export const WEBHOOK_MODES = ["live", "test"] as const;
export type WebhookMode = (typeof WEBHOOK_MODES)[number];

type PersonContext = Extract<ActorContext, { kind: "user" }>;

/** The context for a change: test mode makes the sandbox if the reseller has none yet. */
export async function webhookContext(ctx: PersonContext, mode: WebhookMode): Promise<PersonContext> {
  if (mode === "live") return ctx;
  return { ...ctx, resellerId: await sandboxResellerOf(ctx.resellerId) };
}

/** The context for a read: null in test mode when there is no sandbox yet (nothing to show). */
export async function existingWebhookContext(ctx: PersonContext, mode: WebhookMode): Promise<PersonContext | null> {
  if (mode === "live") return ctx;
  const sandbox = await existingSandboxOf(ctx.resellerId);
  return sandbox ? { ...ctx, resellerId: sandbox } : null;
}
