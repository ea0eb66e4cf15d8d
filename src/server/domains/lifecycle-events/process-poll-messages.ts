/**
 * Reads each registry's poll queue until empty: request, apply, record, acknowledge. A message is
 * applied at most once (PollMessageLog is unique per registry and message id), and acknowledged
 * only after it is applied and recorded, so a crash in between re-reads it and applies nothing twice.
 */
import { db } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import type { PollMessage, RegistryPort } from "@/server/registry";
import { getRegistry, registryClientId } from "@/server/registry/access";
import { applyPollEvent } from "./apply-poll-event";

export type PollReport = { read: number; applied: number; duplicates: number; outcomes: string[] };

async function registries(): Promise<{ name: string; port: RegistryPort }[]> {
  const router = await getRegistry();
  const products = await db.product.findMany({
    where: { kind: "domain" },
    select: { code: true, registryOperator: true },
  });
  const byOperator = new Map<string, string>();
  for (const p of products)
    if (!byOperator.has(p.registryOperator ?? p.code)) byOperator.set(p.registryOperator ?? p.code, p.code);
  if (byOperator.size === 0) return [{ name: "default", port: router.forTld("com") }];
  return [...byOperator].map(([operator, tld]) => ({ name: operator, port: router.forTld(tld) }));
}

export async function processPollMessages(opts: { maxPerRegistry?: number } = {}): Promise<PollReport> {
  const report: PollReport = { read: 0, applied: 0, duplicates: 0, outcomes: [] };
  const ourId = await registryClientId();
  for (const { name, port } of await registries()) {
    for (let i = 0; i < (opts.maxPerRegistry ?? 1_000); i++) {
      const r = await port.pollRequest({});
      const msg = r.data;
      if (!msg) break;
      report.read++;
      const seen = await db.pollMessageLog.findUnique({
        where: { registry_messageId: { registry: name, messageId: msg.id } },
      });
      if (seen) report.duplicates++;
      else {
        const outcome = await applyPollEvent(msg, ourId);
        await record(name, msg, outcome);
        report.applied++;
        report.outcomes.push(`${msg.event && "name" in msg.event ? msg.event.name : "-"}: ${outcome}`);
      }
      await port.pollAck({ id: msg.id });
    }
  }
  return report;
}

async function record(registry: string, msg: PollMessage, outcome: string): Promise<void> {
  const name = msg.event && "name" in msg.event ? msg.event.name : null;
  await db.pollMessageLog.createMany({
    data: [
      {
        registry,
        messageId: msg.id,
        queuedAt: new Date(msg.queuedAt),
        message: msg.message,
        domainName: name,
        event: (msg.event ?? undefined) as Prisma.InputJsonValue | undefined,
        outcome,
      },
    ],
    skipDuplicates: true,
  });
}
