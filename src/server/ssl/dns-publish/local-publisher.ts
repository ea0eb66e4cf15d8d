/**
 * Publishes DCV TXT records into the platform's local DNS stand-in (the LocalDnsRecord table that
 * DNS_ADAPTER=local answers from), through the same services as the registrar console's Local DNS
 * page, so each record is audited and refused where the deployment uses real DNS.
 */
import { db } from "@/server/db";
import { systemContext, type ActorContext } from "@/server/context";
import { removeLocalDnsAnswer } from "@/server/dns/remove-local-dns-answer";
import { setLocalDnsAnswer } from "@/server/dns/set-local-dns-answer";
import { AppError } from "@/server/errors";
import type { DnsPublisher } from "@/server/ssl/ca/port";

const normalise = (name: string) => name.toLowerCase().replace(/\.$/, "");

export function localDnsPublisher(ctx: ActorContext = systemContext()): DnsPublisher {
  return {
    async setTxt(name, value) {
      await setLocalDnsAnswer(ctx, { name: normalise(name), value });
    },
    async clearTxt(name, value) {
      const row = await db.localDnsRecord.findUnique({
        where: { name_value: { name: normalise(name), value: value.trim() } },
      });
      if (!row) return;
      try {
        await removeLocalDnsAnswer(ctx, row.id);
      } catch (error) {
        // Cleared by someone else in between: the record is gone, which is what was asked.
        if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
      }
    },
  };
}
