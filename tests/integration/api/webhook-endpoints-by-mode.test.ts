/**
 * Webhook endpoints per mode over real HTTP (decision 118): a test key registers, lists and deletes the
 * sandbox's endpoints and a live key the live ones, each blind to the other's; the console manages
 * both. A registration made with the test key reaches only the test endpoint (marked "mode": "test"),
 * one made with the live key only the live endpoint, and the test delivery can be replayed from the
 * console's test mode but not from its live mode.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { idempotent } from "@/api-client";
import { db } from "@/server/db";
import { sandboxResellerOf } from "@/server/sandbox/sandbox-tenant";
import { createWebhookEndpointAction, replayWebhookDeliveryAction } from "@/app/(console)/console/webhooks/actions";
import {
  createDomainCatalog,
  createDomainReseller,
  createStaff,
  freshSessionRequest,
  startInProcessRegistry,
} from "../../support/factories";
import type { TestRegistry } from "../../support/factories";
import { CONTACT, clearFulfilmentQueue, drainFulfilment } from "../domains/fulfilment/helpers";
import { clearWebhookQueue, drainWebhooks, startReceiver, type Receiver } from "../webhooks/helpers";
import { clientFor, makeKey, startApiServer, startSandboxRegistry, type ApiServer } from "./api-server";

let server: ApiServer;
let liveHooks: Receiver;
let testHooks: Receiver;
let live: TestRegistry | undefined;
let sandbox: ReturnType<typeof startSandboxRegistry> | undefined;
beforeAll(async () => {
  server = await startApiServer(6253);
  liveHooks = await startReceiver(6254);
  testHooks = await startReceiver(6255);
});
afterAll(async () => {
  await server.close();
  await liveHooks.close();
  await testHooks.close();
});
beforeEach(async () => {
  await clearFulfilmentQueue();
  await clearWebhookQueue();
});
afterEach(async () => {
  await live?.close();
  await sandbox?.close();
  live = sandbox = undefined;
});

const EVENTS = ["order.completed" as const];

describe("webhook endpoints by mode", () => {
  it("keeps test and live endpoints apart through the API and the console, and delivers each mode's events only to its own", async () => {
    await createDomainCatalog();
    const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const owner = await createStaff(reseller.id, "owner");
    live = startInProcessRegistry();
    sandbox = startSandboxRegistry();
    const liveApi = clientFor(server, await makeKey(owner.ctx, reseller.id, { mode: "live", name: "live" }));
    const testApi = clientFor(server, await makeKey(owner.ctx, reseller.id, { mode: "test", name: "test" }));

    const madeTest = await testApi.POST("/webhook-endpoints", {
      params: idempotent("hook-test"),
      body: { url: testHooks.url, eventTypes: EVENTS, description: "staging shop" },
    });
    expect(madeTest.response.status, JSON.stringify(madeTest.error)).toBe(201);
    expect(madeTest.data).toMatchObject({ url: testHooks.url, enabled: true, description: "staging shop" });
    expect(madeTest.data?.secret).toMatch(/^whsec_/);
    const madeLive = await liveApi.POST("/webhook-endpoints", {
      params: idempotent("hook-live"),
      body: { url: liveHooks.url, eventTypes: EVENTS },
    });
    expect(madeLive.response.status).toBe(201);
    // A retry of the same request gets the same answer, secret included, though the copy kept for it is sealed.
    const retried = await testApi.POST("/webhook-endpoints", {
      params: idempotent("hook-test"),
      body: { url: testHooks.url, eventTypes: EVENTS, description: "staging shop" },
    });
    expect(retried.response.headers.get("idempotent-replayed")).toBe("true");
    expect(retried.data).toEqual(madeTest.data);
    expect(await db.apiIdempotency.count({ where: { body: { contains: "whsec_" } } })).toBe(0);
    const testId = madeTest.data?.id ?? "";
    const liveId = madeLive.data?.id ?? "";

    // The console's test mode adds to the same sandbox list the test key sees.
    const fromConsole = await createWebhookEndpointAction.run(
      owner.ctx,
      { url: `${testHooks.url}/second`, eventTypes: ["domain.renewed"], mode: "test" },
      await freshSessionRequest(owner.ctx),
    );
    expect(fromConsole.ok).toBe(true);

    const testList = await testApi.GET("/webhook-endpoints");
    expect(testList.data?.data.map((e) => e.url).sort()).toEqual([testHooks.url, `${testHooks.url}/second`]);
    expect(testList.data?.data.some((e) => "secret" in e)).toBe(false);
    const liveList = await liveApi.GET("/webhook-endpoints");
    expect(liveList.data?.data.map((e) => e.id)).toEqual([liveId]);

    // Neither key can reach the other mode's endpoint.
    const crossDelete = await testApi.DELETE("/webhook-endpoints/{id}", { params: { path: { id: liveId } } });
    expect(crossDelete.response.status).toBe(404);
    expect(
      (await liveApi.DELETE("/webhook-endpoints/{id}", { params: { path: { id: testId } } })).response.status,
    ).toBe(404);

    for (const [api, name] of [
      [testApi, "sandbox-hooked.com"],
      [liveApi, "live-hooked.com"],
    ] as const) {
      const placed = await api.POST("/domains", {
        params: idempotent(`register-${name}`),
        body: { name, years: 1, contact: CONTACT },
      });
      expect(placed.response.status, JSON.stringify(placed.error)).toBe(201);
    }
    expect(await drainFulfilment()).toEqual([]);
    expect(await drainWebhooks()).toBe(2);

    expect(testHooks.received).toHaveLength(1);
    expect(liveHooks.received).toHaveLength(1);
    const testBody = JSON.parse(testHooks.received[0].body) as { type: string; mode?: string; data: unknown };
    const liveBody = JSON.parse(liveHooks.received[0].body) as { type: string; mode?: string; data: unknown };
    expect(testBody).toMatchObject({ type: "order.completed", mode: "test" });
    expect(JSON.stringify(testBody.data)).toContain("sandbox-hooked.com");
    expect(liveBody.mode).toBeUndefined();
    expect(JSON.stringify(liveBody.data)).toContain("live-hooked.com");
    // Each is signed with its own endpoint's secret.
    const { headers, body } = testHooks.received[0];
    expect(() => new Webhook(madeTest.data?.secret ?? "").verify(body, headers)).not.toThrow();
    expect(() => new Webhook(madeLive.data?.secret ?? "").verify(body, headers)).toThrow();

    // The test delivery's log and replay live in the console's test mode only.
    const shadow = await sandboxResellerOf(reseller.id);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: testId } });
    expect(delivery.resellerId).toBe(shadow);
    expect(await replayWebhookDeliveryAction.run(owner.ctx, { deliveryId: delivery.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await replayWebhookDeliveryAction.run(owner.ctx, { deliveryId: delivery.id, mode: "test" })).toMatchObject({
      ok: true,
    });
    expect(await drainWebhooks()).toBe(1);
    expect(testHooks.received).toHaveLength(2);
    expect(liveHooks.received).toHaveLength(1);

    const deleted = await testApi.DELETE("/webhook-endpoints/{id}", { params: { path: { id: testId } } });
    expect(deleted.response.status).toBe(200);
    expect((await testApi.GET("/webhook-endpoints")).data?.data.map((e) => e.url)).toEqual([`${testHooks.url}/second`]);
    expect(await db.webhookDelivery.count({ where: { endpointId: testId } })).toBe(0);
    expect((await liveApi.GET("/webhook-endpoints")).data?.data.map((e) => e.id)).toEqual([liveId]);
  });
});
