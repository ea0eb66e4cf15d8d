/**
 * Development convenience: with the local DNS stand-in, a reseller manager can "publish" a TXT answer
 * for one of its own hosts from the host-names page. It replaces earlier answers at that name, so a
 * wrong value can be corrected. With real DNS this is refused.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { usesLocalDns } from "@/server/dns/dns-resolver";
import { verificationRecordName } from "@/lib/host-names";
import { getHostNameOrThrow } from "./get-host-name-or-throw";
import { assertResellerWritable, requireResellerManager } from "./guards";
import { parseInput } from "@/server/parse-input";

export const publishLocalVerificationInput = z.object({
  hostNameId: z.uuid(),
  value: z.string().trim().min(1, "Enter the TXT value to publish.").max(255),
});

export async function publishLocalVerification(
  ctx: ActorContext,
  input: z.input<typeof publishLocalVerificationInput>,
) {
  const { hostNameId, value } = parseInput(publishLocalVerificationInput, input);
  if (!usesLocalDns())
    throw new AppError("CONFLICT", "This deployment uses real DNS; publish the record with your DNS provider.");
  return db.$transaction(async (tx) => {
    const host = await getHostNameOrThrow(tx, ctx, hostNameId);
    requireResellerManager(ctx, host.resellerId);
    await assertResellerWritable(tx, host.resellerId);
    const name = verificationRecordName(host.host);
    await tx.localDnsRecord.deleteMany({ where: { name } });
    const row = await tx.localDnsRecord.create({ data: { name, value } });
    await recordAudit(tx, ctx, {
      action: "dns.local.set",
      entity: "localDnsRecord",
      entityId: row.id,
      resellerId: host.resellerId,
      after: { name, value },
    });
    return { name, value };
  });
}
