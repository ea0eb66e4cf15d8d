import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { hashKey } from "@/server/api-keys/key-format";
import { purgeExpiredRows } from "@/server/retention/purge-expired-rows";
import { createReseller, createStaff } from "../../support/factories";

const DAY = 24 * 60 * 60_000;
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);

async function webhookEvent(resellerId: string, endpointId: string, createdAt: Date, state: "pending" | "succeeded") {
  const id = `evt_${crypto.randomUUID()}`;
  await db.webhookEvent.create({
    data: { id, resellerId, type: "order.completed", dedupeKey: id, body: "{}", createdAt },
  });
  const delivery = await db.webhookDelivery.create({ data: { eventId: id, endpointId, resellerId, state, createdAt } });
  await db.webhookAttempt.create({
    data: {
      deliveryId: delivery.id,
      endpointId,
      resellerId,
      number: 1,
      trigger: "scheduled",
      url: "https://hooks.example/in",
      requestHeaders: {},
      requestBody: "{}",
      responseStatus: state === "pending" ? 503 : 200,
      durationMs: 12,
      startedAt: createdAt,
    },
  });
  return id;
}

describe("purging rows that only answer for a while", () => {
  it("deletes old rate windows, expired idempotency records and ended webhook events, and keeps the rest", async () => {
    const reseller = await createReseller();
    const { ctx, user } = await createStaff(reseller.id, "owner");
    const { key } = await createApiKey(ctx, reseller.id, { name: "purge", mode: "live", scopes: ["read"] });
    const apiKeyId = (await db.apiKey.findUniqueOrThrow({ where: { secretHash: hashKey(key) } })).id;
    const endpoint = await db.webhookEndpoint.create({
      data: {
        resellerId: reseller.id,
        url: "https://hooks.example/in",
        eventTypes: [],
        secretEnc: "sealed",
        secretPrefix: "whsec_test",
        createdById: user.id,
      },
    });
    const tag = crypto.randomUUID();
    await db.rateLimitBucket.createMany({
      data: [
        { key: `old:${tag}`, windowStart: ago(3 * DAY), count: 4 },
        { key: `recent:${tag}`, windowStart: ago(60_000), count: 2 },
      ],
    });
    await db.apiIdempotency.createMany({
      data: [
        { apiKeyId, key: "expired", requestHash: "h1", status: 201, body: "{}", expiresAt: ago(1) },
        { apiKeyId, key: "live", requestHash: "h2", status: 201, body: "{}", expiresAt: new Date(now.getTime() + DAY) },
      ],
    });
    const oldDone = await webhookEvent(reseller.id, endpoint.id, ago(31 * DAY), "succeeded");
    const oldPending = await webhookEvent(reseller.id, endpoint.id, ago(31 * DAY), "pending");
    const recentDone = await webhookEvent(reseller.id, endpoint.id, ago(29 * DAY), "succeeded");

    const purged = await purgeExpiredRows(now);
    expect(purged).toMatchObject({ rateWindows: 1, idempotencyRecords: 1, webhookEvents: 1 });

    const windows = await db.rateLimitBucket.findMany({ where: { key: { endsWith: tag } } });
    expect(windows.map((w) => w.key)).toEqual([`recent:${tag}`]);
    const records = await db.apiIdempotency.findMany({ where: { apiKeyId } });
    expect(records.map((r) => r.key)).toEqual(["live"]);
    const events = await db.webhookEvent.findMany({
      where: { resellerId: reseller.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.id).sort()).toEqual([oldPending, recentDone].sort());
    // The deleted event took its delivery and attempt with it; nothing points at a missing event.
    expect(await db.webhookDelivery.count({ where: { eventId: oldDone } })).toBe(0);
    expect(await db.webhookAttempt.count({ where: { resellerId: reseller.id } })).toBe(2);

    expect(await purgeExpiredRows(now)).toEqual({ rateWindows: 0, idempotencyRecords: 0, webhookEvents: 0 });
  });
});
