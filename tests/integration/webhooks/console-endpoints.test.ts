/**
 * Webhook endpoints from the console: who may add them, the secret shown once and kept sealed,
 * rotation (the next delivery verifies with the new secret only), turning an endpoint off and on,
 * each audited; and the production URL check that keeps webhooks off private networks (SSRF).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/server/db";
import { emitWebhookEvent } from "@/server/webhooks/outbox/emit-webhook-event";
import { listWebhookEndpoints } from "@/server/webhooks/list-webhooks";
import { checkWebhookTarget } from "@/server/webhooks/check-webhook-target";
import { sendWebhook } from "@/server/webhooks/outbox/send-webhook";
import {
  createWebhookEndpointAction,
  rotateWebhookSecretAction,
  setWebhookEndpointEnabledAction,
} from "@/app/(console)/console/webhooks/actions";
import { createReseller, createStaff, freshSessionRequest } from "../../support/factories";
import { addEndpoint, clearWebhookQueue, drainWebhooks, startReceiver, type Receiver } from "./helpers";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver(5794);
});
afterAll(() => receiver.close());
beforeEach(async () => {
  receiver.received.length = 0;
  await clearWebhookQueue();
});

const emit = (resellerId: string) =>
  db.$transaction((tx) => emitWebhookEvent(tx, { resellerId, type: "balance.low", data: { n: 1 } }));

describe("webhook endpoints in the console", () => {
  it("shows the secret once, keeps it sealed, rotates it, turns the endpoint off and on, each audited", async () => {
    const reseller = await createReseller();
    const { ctx } = await createStaff(reseller.id, "admin");
    const made = await addEndpoint(ctx, receiver.url, ["balance.low"]);
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.secretEnc).not.toContain(made.secret.slice(6));
    expect(row.secretPrefix).toBe(made.secret.slice(0, 14));
    const listed = await listWebhookEndpoints(ctx, reseller.id);
    expect(JSON.stringify(listed)).not.toContain(made.secret.slice(14));
    expect(JSON.stringify(listed)).not.toContain(row.secretEnc);

    const rotated = await rotateWebhookSecretAction.run(ctx, { endpointId: made.id }, await freshSessionRequest(ctx));
    if (!rotated.ok) throw new Error(rotated.message);
    expect(rotated.data.secret).not.toBe(made.secret);
    await emit(reseller.id);
    await drainWebhooks();
    const [got] = receiver.received;
    expect(new Webhook(rotated.data.secret).verify(got.body, got.headers)).toMatchObject({ type: "balance.low" });
    expect(() => new Webhook(made.secret).verify(got.body, got.headers)).toThrow();

    const off = await setWebhookEndpointEnabledAction.run(ctx, { endpointId: made.id, enabled: "false" });
    expect(off).toMatchObject({ ok: true, data: { enabled: false } });
    expect(await emit(reseller.id)).toBeNull();
    expect(await setWebhookEndpointEnabledAction.run(ctx, { endpointId: made.id, enabled: "true" })).toMatchObject({
      ok: true,
    });
    expect(await emit(reseller.id)).toMatch(/^msg_/);

    const audit = await db.auditEntry.findMany({ where: { entityId: made.id }, orderBy: { chainSeq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "webhook_endpoint.create",
      "webhook_endpoint.rotate_secret",
      "webhook_endpoint.disable",
      "webhook_endpoint.enable",
    ]);
    const logged = JSON.stringify(audit.map((a) => [a.before, a.after]));
    expect(logged).not.toContain(made.secret.slice(14));
    expect(logged).not.toContain(rotated.data.secret.slice(14));
  });

  it("refuses support and billing staff, a stale sign-in, no events and a URL that is not http(s)", async () => {
    const reseller = await createReseller();
    const form = { url: receiver.url, eventTypes: ["order.completed"] };
    for (const role of ["support", "billing"] as const) {
      const { ctx } = await createStaff(reseller.id, role);
      expect(await createWebhookEndpointAction.run(ctx, form, await freshSessionRequest(ctx))).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    const { ctx } = await createStaff(reseller.id, "owner");
    const stale = await freshSessionRequest(ctx, { signedInMinutesAgo: 30 });
    expect(await createWebhookEndpointAction.run(ctx, form, stale)).toMatchObject({ code: "REAUTH_REQUIRED" });
    expect(
      await createWebhookEndpointAction.run(ctx, { url: receiver.url }, await freshSessionRequest(ctx)),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(
      await createWebhookEndpointAction.run(
        ctx,
        { ...form, url: "file:///etc/passwd" },
        await freshSessionRequest(ctx),
      ),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT", fields: { url: expect.any(String) } });
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("in production refuses private, loopback and link-local targets, at registration and at sending", async () => {
    for (const url of [
      "https://10.0.0.5/hooks",
      "https://127.0.0.1/hooks",
      "https://169.254.169.254/latest/meta-data/",
      "https://[::1]/hooks",
      "https://localhost/hooks",
      "http://shop.example.com/hooks",
    ])
      await expect(checkWebhookTarget(url, true), url).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(checkWebhookTarget("https://8.8.8.8/hooks", true)).resolves.toBe("https://8.8.8.8/hooks");

    const sent = await sendWebhook({
      url: receiver.url,
      secret: `whsec_${Buffer.alloc(32, 1).toString("base64")}`,
      messageId: "msg_1",
      body: "{}",
      production: true,
    });
    expect(sent).toMatchObject({ status: null, error: expect.stringMatching(/https/) });
    expect(receiver.received).toEqual([]);
  });
});
