/**
 * Checks a custom host's TXT record through the DNS port. The host is verified when any TXT string at
 * `_registrar-verify.<host>` equals its token exactly; the outcome of every check is kept for the page.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { dnsResolver } from "@/server/dns/dns-resolver";
import type { DnsResolver } from "@/server/dns/port";
import { verificationRecordName } from "@/lib/host-names";
import { getHostNameOrThrow } from "./get-host-name-or-throw";
import { assertResellerWritable, requireResellerManager } from "./guards";
import { parseInput } from "./parse-input";

export const verifyHostNameInput = z.object({ hostNameId: z.uuid() });

export type VerifyOutcome = { verified: true } | { verified: false; reason: string };

export async function verifyHostName(ctx: ActorContext, input: z.input<typeof verifyHostNameInput>, resolver: DnsResolver = dnsResolver()): Promise<VerifyOutcome> {
  const { hostNameId } = parseInput(verifyHostNameInput, input);
  const host = await getHostNameOrThrow(db, ctx, hostNameId);
  requireResellerManager(ctx, host.resellerId);
  if (host.verifiedAt) return { verified: true };
  await assertResellerWritable(db, host.resellerId);
  const recordName = verificationRecordName(host.host);
  let reason: string | null = null;
  try {
    const answers = await resolver.lookupTxt(recordName);
    if (answers.length === 0) reason = `No TXT record was found at ${recordName}.`;
    else if (!answers.includes(host.verificationToken)) reason = `The TXT record at ${recordName} does not match the token (found: ${answers.slice(0, 3).join(", ")}).`;
  } catch (e) {
    reason = e instanceof Error ? e.message : "The DNS lookup failed.";
  }
  return db.$transaction(async (tx) => {
    await assertResellerWritable(tx, host.resellerId);
    const now = new Date();
    await tx.hostName.update({
      where: { id: host.id },
      data: { lastCheckedAt: now, lastCheckError: reason, ...(reason ? {} : { verifiedAt: now }) },
    });
    if (!reason) {
      await recordAudit(tx, ctx, { action: "host_name.verify", entity: "hostName", entityId: host.id, resellerId: host.resellerId, before: { verifiedAt: null }, after: { host: host.host, verifiedAt: now } });
      return { verified: true as const };
    }
    return { verified: false as const, reason };
  });
}
