/**
 * Checks a custom host's TXT record through the DNS port. The host is verified when any TXT string at
 * `_registrar-verify.<host>` equals its token exactly; the outcome of every check is kept for the page.
 * Several resellers may claim one host: the first to verify owns it, and a claim older than a week
 * must be added again (host-claims.ts).
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { HostName } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { dnsResolver } from "@/server/dns/dns-resolver";
import type { DnsResolver } from "@/server/dns/port";
import { verificationRecordName } from "@/lib/host-names";
import { getHostNameOrThrow } from "./get-host-name-or-throw";
import { claimExpired, verifiedElsewhere } from "./host-claims";
import { assertResellerWritable, requireResellerManager } from "./guards";
import { parseInput } from "@/server/parse-input";

export const verifyHostNameInput = z.object({ hostNameId: z.uuid() });

export type VerifyOutcome = { verified: true } | { verified: false; reason: string };

const EXPIRED =
  "This claim is more than a week old and has lapsed. Remove the host name and add it again for a fresh token.";
const TAKEN = "Another storefront proved control of this host name first.";

/** Why this claim does not verify now, or null when it does. */
async function problemWith(host: HostName, resolver: DnsResolver): Promise<string | null> {
  if (claimExpired(host)) return EXPIRED;
  if (await verifiedElsewhere(db, host.host, host.resellerId)) return TAKEN;
  const recordName = verificationRecordName(host.host);
  try {
    const answers = await resolver.lookupTxt(recordName);
    if (answers.length === 0) return `No TXT record was found at ${recordName}.`;
    if (!answers.includes(host.verificationToken))
      return `The TXT record at ${recordName} does not match the token (found: ${answers.slice(0, 3).join(", ")}).`;
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : "The DNS lookup failed.";
  }
}

export async function verifyHostName(
  ctx: ActorContext,
  input: z.input<typeof verifyHostNameInput>,
  resolver: DnsResolver = dnsResolver(),
): Promise<VerifyOutcome> {
  const { hostNameId } = parseInput(verifyHostNameInput, input);
  const host = await getHostNameOrThrow(db, ctx, hostNameId);
  requireResellerManager(ctx, host.resellerId);
  if (host.verifiedAt) return { verified: true };
  await assertResellerWritable(db, host.resellerId);
  const reason = await problemWith(host, resolver);
  try {
    return await record(ctx, host, reason);
  } catch (e) {
    // Another reseller verified the same host between our check and our write: they won.
    if (!reason && e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      return record(ctx, host, TAKEN);
    throw e;
  }
}

async function record(ctx: ActorContext, host: HostName, reason: string | null): Promise<VerifyOutcome> {
  return db.$transaction(async (tx) => {
    await assertResellerWritable(tx, host.resellerId);
    const now = new Date();
    await tx.hostName.update({
      where: { id: host.id },
      data: { lastCheckedAt: now, lastCheckError: reason, ...(reason ? {} : { verifiedAt: now }) },
    });
    if (!reason) {
      await recordAudit(tx, ctx, {
        action: "host_name.verify",
        entity: "hostName",
        entityId: host.id,
        resellerId: host.resellerId,
        before: { verifiedAt: null },
        after: { host: host.host, verifiedAt: now },
      });
      return { verified: true as const };
    }
    return { verified: false as const, reason };
  });
}
