/** The domains list as a CSV stream: one keyset batch at a time, cells quoted against formula injection. */
import type { ActorContext } from "@/server/context";
import { csvRow } from "@/lib/csv";
import { listDomains, type DomainListFilter } from "./list-domains";

const HEADER = ["domain", "unicode", "state", "expires", "customer_email", "auto_renew", "transfer_lock", "reseller"];

export function streamDomainsCsv(ctx: ActorContext, filter: DomainListFilter): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(csvRow(HEADER)));
      }
      const { rows, next } = await listDomains(ctx, { ...filter, cursor, limit: 1_000 });
      const lines = rows.map((d) =>
        csvRow([
          d.name,
          d.unicodeName,
          d.state,
          d.expiresAt?.toISOString().slice(0, 10) ?? "",
          d.registrantEmail ?? "",
          String(d.autoRenew),
          String(d.transferLock),
          d.resellerName,
        ]),
      );
      if (lines.length) controller.enqueue(enc.encode(lines.join("")));
      if (!next) controller.close();
      cursor = next;
    },
  });
}
