/**
 * Tells the local DNS stand-in to answer a TXT question (registrar staff, any name). Only meaningful
 * with DNS_ADAPTER=local. Resellers publish their own hosts' tokens through publishLocalVerification.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { assertCanWrite, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { usesLocalDns } from "./dns-resolver";

export const localDnsAnswerInput = z.object({
  name: z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(253)
    .regex(/^[a-z0-9_.-]+$/, "Use letters, digits, dots, hyphens and underscores only."),
  value: z.string().trim().min(1, "Enter the TXT value.").max(255),
});

export async function setLocalDnsAnswer(ctx: ActorContext, input: z.input<typeof localDnsAnswerInput>) {
  assertCanWrite(ctx);
  if (ctx.kind !== "registrar" && ctx.kind !== "system") throw new AppError("FORBIDDEN");
  if (!usesLocalDns())
    throw new AppError("CONFLICT", "This deployment uses real DNS; publish the record with your DNS provider.");
  const { name, value } = parseInput(localDnsAnswerInput, input);
  return db.$transaction(async (tx) => {
    const row = await tx.localDnsRecord.upsert({
      where: { name_value: { name, value } },
      create: { name, value },
      update: {},
    });
    await recordAudit(tx, ctx, {
      action: "dns.local.set",
      entity: "localDnsRecord",
      entityId: row.id,
      resellerId: null,
      after: { name, value },
    });
    return row;
  });
}
