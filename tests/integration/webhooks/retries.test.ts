/**
 * A failing endpoint over real HTTP: each failure is logged and retried on the schedule (5 s, 5 min,
 * 30 min … with jitter), with the same webhook-id and a fresh signature; a replay by hand is one more
 * attempt with that id; the schedule ends after three days; an endpoint failing for three days or
 * fifty times in a row is disabled and its reseller's owners are mailed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/server/db";
import { emitWebhookEvent } from "@/server/webhooks/outbox/emit-webhook-event";
import { DISABLE_AFTER_FAILURES, RETRY_DELAYS_SECONDS } from "@/server/webhooks/outbox/retry-schedule";
import { RESPONSE_BODY_LIMIT } from "@/server/webhooks/outbox/send-webhook";
import { replayWebhookDeliveryAction } from "@/app/(console)/console/webhooks/actions";
import { createReseller, createStaff } from "../../support/factories";
import {
  addEndpoint,
  clearWebhookQueue,
  drainWebhooks,
  hurryRetries,
  startReceiver,
  waitingRetries,
  type Receiver,
} from "./helpers";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver(5792);
});
afterAll(() => receiver.close());
beforeEach(async () => {
  receiver.received.length = 0;
  receiver.status = 500;
  receiver.answer = "x".repeat(5_000);
  await clearWebhookQueue();
});

async function world() {
  const reseller = await createReseller();
  const owner = await createStaff(reseller.id, "owner");
  const endpoint = await addEndpoint(owner.ctx, receiver.url, ["balance.low", "domain.renewed"]);
  return { reseller, owner, endpoint };
}

const emit = (resellerId: string, n = 1) =>
  db.$transaction((tx) =>
    emitWebhookEvent(tx, { resellerId, type: "balance.low", data: { available: n, threshold: 100, currency: "USD" } }),
  );

/** Seconds from now until each waiting retry is due. */
const dueIn = async () => (await waitingRetries()).map((d) => (d.getTime() - Date.now()) / 1_000);

describe("webhook retries", () => {
  it("retries a failing endpoint with backoff, logs each attempt, succeeds later, and replays by hand", async () => {
    const { reseller, owner, endpoint } = await world();
    const eventId = await emit(reseller.id);
    expect(eventId).toMatch(/^msg_/);

    expect(await drainWebhooks()).toBe(1);
    let [wait] = await dueIn();
    expect(wait).toBeGreaterThan(5 * 0.9 - 1);
    expect(wait).toBeLessThan(5 * 1.1 + 1);
    // Not due yet: nothing runs.
    expect(await drainWebhooks()).toBe(0);

    expect(await hurryRetries()).toBe(1);
    expect(await drainWebhooks()).toBe(1);
    [wait] = await dueIn();
    expect(wait).toBeGreaterThan(300 * 0.9 - 1);
    expect(wait).toBeLessThan(300 * 1.1 + 1);

    await hurryRetries();
    await drainWebhooks();
    [wait] = await dueIn();
    expect(wait).toBeGreaterThan(1_800 * 0.9 - 1);
    expect(wait).toBeLessThan(1_800 * 1.1 + 1);

    receiver.status = 204;
    receiver.answer = "";
    await hurryRetries();
    await drainWebhooks();
    expect(await waitingRetries()).toEqual([]);

    // Every attempt carried the same webhook-id and a signature that verifies.
    expect(receiver.received).toHaveLength(4);
    for (const r of receiver.received) {
      expect(r.headers["webhook-id"]).toBe(eventId);
      expect(new Webhook(endpoint.secret).verify(r.body, r.headers)).toMatchObject({ type: "balance.low" });
    }
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ state: "succeeded", attempts: 4, lastStatus: 204, nextAttemptAt: null });
    const log = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { id: "asc" } });
    expect(log.map((a) => [a.number, a.trigger, a.responseStatus])).toEqual([
      [1, "scheduled", 500],
      [2, "scheduled", 500],
      [3, "scheduled", 500],
      [4, "scheduled", 204],
    ]);
    expect(log[0].responseBody).toHaveLength(RESPONSE_BODY_LIMIT);
    expect(log.every((a) => a.durationMs >= 0 && a.requestBody === receiver.received[0].body)).toBe(true);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      consecutiveFailures: 0,
      failingSince: null,
    });

    const replay = await replayWebhookDeliveryAction.run(owner.ctx, { deliveryId: delivery.id });
    expect(replay).toMatchObject({ ok: true });
    expect(await drainWebhooks()).toBe(1);
    expect(receiver.received).toHaveLength(5);
    expect(receiver.received[4].headers["webhook-id"]).toBe(eventId);
    expect(
      (await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { id: "asc" } })).at(-1),
    ).toMatchObject({ number: 5, trigger: "replay", responseStatus: 204 });
    const audit = await db.auditEntry.findMany({ where: { entityId: delivery.id } });
    expect(audit.map((a) => a.action)).toEqual(["webhook_delivery.replay"]);
  });

  it("gives up a delivery once the three-day schedule is used up, and a failed replay schedules nothing", async () => {
    const { reseller, owner, endpoint } = await world();
    await emit(reseller.id);
    await drainWebhooks();
    for (let i = 0; i < RETRY_DELAYS_SECONDS.length; i++) {
      expect(await hurryRetries()).toBe(1);
      expect(await drainWebhooks()).toBe(1);
    }
    expect(await waitingRetries()).toEqual([]);
    expect(await hurryRetries()).toBe(0);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ state: "failed", attempts: RETRY_DELAYS_SECONDS.length + 1, nextAttemptAt: null });

    expect(await replayWebhookDeliveryAction.run(owner.ctx, { deliveryId: delivery.id })).toMatchObject({ ok: true });
    await drainWebhooks();
    expect(await waitingRetries()).toEqual([]);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      state: "failed",
      attempts: RETRY_DELAYS_SECONDS.length + 2,
    });
  });

  it("disables an endpoint whose every attempt failed for three days, mails the owners, and sends it nothing more", async () => {
    const { reseller, owner, endpoint } = await world();
    const admin = await createStaff(reseller.id, "admin");
    await emit(reseller.id, 1);
    await drainWebhooks();
    // Its failures began three days ago (as if the schedule had run that long).
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - 3 * 86_400_000 - 60_000) },
    });
    await emit(reseller.id, 2);
    await drainWebhooks();

    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/Every delivery failed since/) });
    const mail = await db.outboxMail.findMany({ where: { kind: "webhook.endpoint-disabled" } });
    expect(mail.map((m) => m.toAddress)).toEqual([owner.user.email]);
    expect(mail[0].textBody).toContain(receiver.url);
    expect(mail.map((m) => m.toAddress)).not.toContain(admin.user.email);
    // The pending retry of the first event is abandoned; new events are not sent there.
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, state: "pending" } })).toBe(0);
    await hurryRetries();
    const before = receiver.received.length;
    await emit(reseller.id, 3);
    await drainWebhooks();
    expect(receiver.received).toHaveLength(before);
    const audit = await db.auditEntry.findMany({ where: { entityId: endpoint.id }, orderBy: { chainSeq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["webhook_endpoint.create", "webhook_endpoint.auto_disable"]);
  });

  it(`disables an endpoint after ${DISABLE_AFTER_FAILURES} failures in a row`, async () => {
    const { reseller, endpoint } = await world();
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { consecutiveFailures: DISABLE_AFTER_FAILURES - 2, failingSince: new Date() },
    });
    await emit(reseller.id, 1);
    await drainWebhooks();
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled).toBe(true);
    await emit(reseller.id, 2);
    await drainWebhooks();
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      enabled: false,
      consecutiveFailures: DISABLE_AFTER_FAILURES,
    });
    expect(await db.outboxMail.count({ where: { kind: "webhook.endpoint-disabled" } })).toBe(1);
  });
});
