// API keys and the reseller API: one reseller's owner cannot revoke another's key, and one reseller's
// key cannot read another reseller's order through the API's handler layer.
import { expect } from "vitest";
import { db } from "@/server/db";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { handleApiRequest } from "@/server/api/handle-api-request";
import { revokeApiKeyAction } from "@/app/(console)/console/api-keys/actions";
import { placeOrder } from "@/server/orders/place-order";
import { createTldProduct, createTier, fundReseller, freshSessionRequest } from "../../../support/factories";
import { isolationCase, type Tenant, type TwoTenants } from "../harness";

const keyOf = (t: Tenant) =>
  createApiKey(t.owner.ctx, t.reseller.id, { name: "integration", mode: "live", scopes: ["read"] });

async function asApi(key: string, path: string): Promise<{ ok: boolean; code?: string }> {
  const res = await handleApiRequest(
    new Request(`http://localhost:3000/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } }),
    "203.0.113.1",
  );
  if (res.ok) return { ok: true };
  return { ok: false, code: ((await res.json()) as { code: string }).code };
}

async function bOrder({ b }: TwoTenants): Promise<string> {
  const product = await createTldProduct("com", 1_000);
  const tier = await createTier(`tier-${b.reseller.slug}`, { com: 1_500 });
  await fundReseller(b.reseller.id, tier.id, 100_000);
  const { order } = await placeOrder(b.owner.ctx, {
    resellerId: b.reseller.id,
    idempotencyKey: "bravo-order-1",
    channel: "console",
    payment: "balance",
    items: [{ kind: "domain_register", productCode: product.code, subject: "bravo-iso.com", period: 1 }],
  });
  return order.id;
}

export const cases = [
  isolationCase({
    name: "A's owner cannot revoke B's API key",
    setup: async ({ b }) => (await keyOf(b)).id,
    attack: async ({ a }, keyId) =>
      revokeApiKeyAction.run(a.owner.ctx, { keyId }, await freshSessionRequest(a.owner.ctx)),
    control: async ({ b }, keyId) =>
      revokeApiKeyAction.run(b.owner.ctx, { keyId }, await freshSessionRequest(b.owner.ctx)),
    unchanged: async (_t, keyId) =>
      expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).revokedAt).toBeNull(),
  }),
  isolationCase({
    name: "A's API key cannot read B's order",
    setup: async (t) => ({ orderId: await bOrder(t), a: (await keyOf(t.a)).key, b: (await keyOf(t.b)).key }),
    attack: (_t, s) => asApi(s.a, `/orders/${s.orderId}`),
    control: (_t, s) => asApi(s.b, `/orders/${s.orderId}`),
  }),
];
