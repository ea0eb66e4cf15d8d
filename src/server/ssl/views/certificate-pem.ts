/**
 * A certificate as a file to download: the leaf, the chain (intermediates), or both in the order
 * servers want them (leaf first). Only the subscriber's own certificates, like every lookup.
 */
import { z } from "zod";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { parseInput } from "@/server/parse-input";
import { getCertificateOrThrow } from "@/server/ssl/lifecycle/certificate-access";

export const certificatePemSchema = z.object({
  certificateId: z.uuid(),
  part: z.enum(["certificate", "chain", "fullchain"]).default("fullchain"),
});

const withNewline = (pem: string) => (pem.endsWith("\n") ? pem : `${pem}\n`);

export async function certificatePem(
  ctx: ActorContext,
  // Straight from a URL: the schema, not the caller's type, decides what a part may be.
  raw: { certificateId: string; part?: string },
): Promise<{ filename: string; pem: string }> {
  const input = parseInput(certificatePemSchema, raw);
  const { cert } = await getCertificateOrThrow(db, ctx, input.certificateId);
  const leaf = withNewline(cert.certificatePem.trim());
  const chain = cert.chainPem.trim() ? withNewline(cert.chainPem.trim()) : "";
  const pem = input.part === "certificate" ? leaf : input.part === "chain" ? chain : leaf + chain;
  const base = (cert.names[0] ?? "certificate").replace(/^\*\./, "wildcard.").replace(/[^a-z0-9.-]/gi, "_");
  const suffix = input.part === "certificate" ? "" : `-${input.part}`;
  return { filename: `${base}-${cert.serialNumber.slice(0, 8)}${suffix}.pem`, pem };
}
