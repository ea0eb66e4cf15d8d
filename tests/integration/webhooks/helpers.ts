/**
 * Webhook tests' tools: a real HTTP receiver on a local port that records what it got and answers
 * with the status a test sets, and a drain that runs the delivery jobs from pg-boss as the worker
 * would, optionally making retries the schedule put in the future due now.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { ensureQueue } from "@/server/jobs/ensure-queue";
import type { JobDefinition } from "@/server/jobs/define-job";
import type { ActorContext } from "@/server/context";
import { deliverWebhookJob } from "@/server/webhooks/outbox/deliver-webhook-job";
import { createWebhookEndpointAction } from "@/app/(console)/console/webhooks/actions";
import type { WebhookEventType } from "@/server/webhooks/outbox/event-types";
import { freshSessionRequest } from "../../support/factories";

const JOB = deliverWebhookJob.name;

export type Received = { headers: Record<string, string>; body: string };

export type Receiver = {
  url: string;
  received: Received[];
  status: number;
  answer: string;
  close(): Promise<void>;
};

function flat(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
}

export async function startReceiver(port: number): Promise<Receiver> {
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hooks`,
    received: [],
    status: 200,
    answer: "ok",
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      receiver.received.push({ headers: flat(req.headers), body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(receiver.status, { "content-type": "text/plain" }).end(receiver.answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return receiver;
}

export async function clearWebhookQueue(): Promise<void> {
  const boss = await queue();
  await ensureQueue(boss, deliverWebhookJob as JobDefinition<never>);
  await db.$executeRawUnsafe(`delete from pgboss.job where name = '${JOB}'`);
}

/** Delivery jobs waiting for a later time, with when each is due. */
export async function waitingRetries(): Promise<Date[]> {
  const rows = await db.$queryRawUnsafe<{ start_after: Date }[]>(
    `select start_after from pgboss.job where name = '${JOB}' and state = 'created' and start_after > now() order by start_after`,
  );
  return rows.map((r) => r.start_after);
}

/** Makes every waiting delivery job due now, as if its wait had passed. */
export async function hurryRetries(): Promise<number> {
  return db.$executeRawUnsafe(
    `update pgboss.job set start_after = now() where name = '${JOB}' and state in ('created', 'retry') and start_after > now()`,
  );
}

/** Runs every delivery job that is due (not the retries it schedules); returns how many ran. */
export async function drainWebhooks(): Promise<number> {
  const boss = await queue();
  let ran = 0;
  for (;;) {
    const jobs = await boss.fetch<{ deliveryId: string; trigger: "scheduled" | "replay" }>(JOB, { batchSize: 20 });
    if (!jobs.length) return ran;
    for (const job of jobs) {
      await deliverWebhookJob.handler(job.data);
      await boss.complete(JOB, job.id);
      ran++;
    }
  }
}

/** Registers an endpoint from the console as the given owner; returns its id and the secret shown once. */
export async function addEndpoint(
  ctx: Extract<ActorContext, { kind: "user" }>,
  url: string,
  eventTypes: WebhookEventType[],
): Promise<{ id: string; secret: string }> {
  const made = await createWebhookEndpointAction.run(ctx, { url, eventTypes }, await freshSessionRequest(ctx));
  if (!made.ok) throw new Error(made.message);
  return made.data;
}
