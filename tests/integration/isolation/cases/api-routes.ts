// The reseller API: for every route whose path names an object (a domain, an order, a customer, a
// bulk job, a webhook endpoint), reseller A's key on reseller B's object answers 404, and B's own key reaches it. Each such
// route needs a sample below; a route added without one fails here.
import { expect } from "vitest";
import { RegistryRouter } from "@/server/registry";
import { setRegistryForTests } from "@/server/registry/access";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { handleApiRequest } from "@/server/api/handle-api-request";
import { API_ROUTES } from "@/server/api/routes";
import { createBulkJob } from "@/server/domains/bulk/create-bulk-job";
import { placeOrder } from "@/server/orders/place-order";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import type { ApiRoute } from "@/server/api/define-route";
import { inProcessEnv, type ContractEnv } from "../../../support/epp-test-registry";
import { createManagedDomain, createTier, createTldProduct, fundReseller } from "../../../support/factories";
import { isolationCase, type Tenant, type TwoTenants } from "../harness";

let registry: ContractEnv | undefined;

type World = { domain: string; order: string; customer: string; bulkJob: string; webhookEndpoint: string };

const CONTACT = {
  name: "Bea Bravo",
  email: "bea@bravo.test",
  phone: "+44.2071234567",
  street1: "1 High Street",
  city: "London",
  postalCode: "N1 1AA",
  countryCode: "GB",
};

/** What each object-naming route is called with: its path parameters and body. */
const SAMPLES: Record<string, (w: World) => { params: Record<string, string>; body?: unknown }> = {
  getDomain: (w) => ({ params: { name: w.domain } }),
  deleteDomain: (w) => ({ params: { name: w.domain } }),
  renewDomain: (w) => ({ params: { name: w.domain }, body: { years: 1 } }),
  restoreDomain: (w) => ({ params: { name: w.domain } }),
  setNameservers: (w) => ({
    params: { name: w.domain },
    body: {
      nameservers: [
        { host: `ns1.${w.domain}`, addresses: ["192.0.2.1"] },
        { host: `ns2.${w.domain}`, addresses: ["192.0.2.2"] },
      ],
    },
  }),
  setDsRecords: (w) => ({ params: { name: w.domain }, body: { records: [] } }),
  setTransferLock: (w) => ({ params: { name: w.domain }, body: { locked: false } }),
  setAutoRenew: (w) => ({ params: { name: w.domain }, body: { enabled: true } }),
  getAuthCode: (w) => ({ params: { name: w.domain } }),
  resetAuthCode: (w) => ({ params: { name: w.domain } }),
  answerTransferOut: (w) => ({ params: { name: w.domain }, body: { decision: "approve" } }),
  getDomainContacts: (w) => ({ params: { name: w.domain } }),
  setDomainContact: (w) => ({ params: { name: w.domain, role: "tech" }, body: { contact: CONTACT } }),
  getOrder: (w) => ({ params: { id: w.order } }),
  getCustomer: (w) => ({ params: { id: w.customer } }),
  getBulkJob: (w) => ({ params: { id: w.bulkJob } }),
  deleteWebhookEndpoint: (w) => ({ params: { id: w.webhookEndpoint } }),
};

const namesAnObject = (r: ApiRoute) => r.path.includes("{");

async function keyOf(t: Tenant): Promise<string> {
  const { key } = await createApiKey(t.owner.ctx, t.reseller.id, {
    name: "isolation",
    mode: "live",
    scopes: ["read", "domains", "billing"],
  });
  return key;
}

async function bWorld({ b }: TwoTenants): Promise<World> {
  registry ??= await inProcessEnv();
  setRegistryForTests(new RegistryRouter({ byTld: {}, fallback: registry.platform }), "platform");
  const product = await createTldProduct("com", 1_000);
  const tier = await createTier(`tier-${b.reseller.slug}`, { com: 1_500 });
  await fundReseller(b.reseller.id, tier.id, 100_000);
  const domain = await createManagedDomain(registry, {
    resellerId: b.reseller.id,
    registrantId: b.customer.registrant.id,
  });
  const { order } = await placeOrder(b.owner.ctx, {
    resellerId: b.reseller.id,
    idempotencyKey: "bravo-api-order",
    channel: "console",
    payment: "balance",
    items: [{ kind: "domain_register", productCode: product.code, subject: "bravo-api.com", period: 1 }],
  });
  const bulk = await createBulkJob(b.owner.ctx, { action: "lock", names: [domain.name] });
  const endpoint = await createWebhookEndpoint(b.owner.ctx, b.reseller.id, {
    url: "http://127.0.0.1:5795/hooks",
    eventTypes: ["order.completed"],
  });
  return {
    domain: domain.name,
    order: order.id,
    customer: b.customer.registrant.id,
    bulkJob: bulk.id,
    webhookEndpoint: endpoint.id,
  };
}

async function send(route: ApiRoute, key: string, w: World): Promise<Response> {
  const sample = SAMPLES[route.operationId];
  if (!sample) throw new Error(`${route.operationId} names an object: add a sample to cases/api-routes.ts`);
  const { params, body } = sample(w);
  const path = route.path.replace(/\{(\w+)\}/g, (_m, p: string) => encodeURIComponent(params[p]));
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (route.method === "POST") headers["idempotency-key"] = `iso-${route.operationId}-${key.slice(-6)}`;
  return handleApiRequest(
    new Request(`http://localhost:3000/api/v1${path}`, {
      method: route.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    "203.0.113.1",
  );
}

async function outcomeOf(res: Response): Promise<{ ok: boolean; code?: string }> {
  if (res.ok) return { ok: true };
  return { ok: false, code: ((await res.json()) as { code: string }).code };
}

export const cases = API_ROUTES.filter(namesAnObject).map((route) =>
  isolationCase({
    name: `A's API key cannot ${route.operationId} on B's object`,
    setup: async (t: TwoTenants) => ({ w: await bWorld(t), a: await keyOf(t.a), b: await keyOf(t.b) }),
    attack: async (_t, s) => outcomeOf(await send(route, s.a, s.w)),
    refusedWith: ["NOT_FOUND"],
    // B's key reaches the object: whatever the answer (a state conflict, say), it is not "not found".
    control: async (_t, s) => {
      const res = await send(route, s.b, s.w);
      const text = await res.clone().text();
      expect(res.status, `${route.method} ${route.path} as B: ${text}`).not.toBe(404);
      expect(res.status, `${route.method} ${route.path} as B: ${text}`).toBeLessThan(500);
      return { ok: true };
    },
  }),
);
