/**
 * What a new-key link opens (decision 134): the upload page of the one certificate it names, on its
 * reseller's storefront, while that certificate still waits for a new key, and once. The reissue made
 * through it is the registrant's own reissue (reissue-certificate.ts), acting as the registrant the
 * link names on that subscription only, so the bulk job's item follows it as it follows a signed-in one.
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { reissueCertificate } from "./reissue-certificate";
import { openKeyLink, type KeyLink } from "@/server/ssl/lifecycle/key-link-token";

export const INVALID_KEY_LINK =
  "This link is not valid any more: it works once, for one week, for the certificate it was sent for. Sign in to reissue the certificate from your account.";

const OPEN_STATES = ["new", "pending_dcv", "processing"] as const;

export type KeyLinkTarget = {
  link: KeyLink;
  names: string[];
  /** Still valid (not revoked): the page may offer "the old key was exposed". */
  current: boolean;
};

/**
 * The certificate a token opens on this storefront, or null: a forged, expired or used token, another
 * reseller's, or a certificate no longer waiting for a key (reissued, replaced, term ended, a reissue
 * under way, the registrant gone).
 */
export async function openKeyLinkTarget(storefrontId: string, token: string): Promise<KeyLinkTarget | null> {
  const link = openKeyLink(token);
  if (!link || link.resellerId !== storefrontId) return null;
  const [used, sub, current, open, registrant] = await Promise.all([
    db.certificateKeyLinkUse.findUnique({ where: { nonce: link.nonce }, select: { nonce: true } }),
    db.certificateSubscription.findUnique({ where: { id: link.subscriptionId } }),
    db.issuedCertificate.findFirst({
      where: { subscriptionId: link.subscriptionId, status: "issued", revokedAt: null },
      orderBy: { notBefore: "desc" },
      select: { id: true, replacedById: true },
    }),
    db.certificateRequest.count({ where: { subscriptionId: link.subscriptionId, state: { in: [...OPEN_STATES] } } }),
    db.registrant.findUnique({ where: { id: link.registrantId }, select: { resellerId: true, disabledAt: true } }),
  ]);
  // The certificate a reissue replaces, as reissueCertificate chooses it: the valid one, else the newest
  // revoked for a key compromise.
  const latest =
    current ??
    (await db.issuedCertificate.findFirst({
      where: { subscriptionId: link.subscriptionId, revocationReason: "keyCompromise" },
      orderBy: { notBefore: "desc" },
      select: { id: true, replacedById: true },
    }));
  if (used || !sub || !latest || open > 0 || !registrant || registrant.disabledAt) return null;
  if (sub.resellerId !== link.resellerId || sub.registrantId !== link.registrantId) return null;
  if (latest.id !== link.certificateId || latest.replacedById) return null;
  if (sub.termEndsAt && sub.termEndsAt < new Date()) return null;
  return { link, names: sub.names, current: current !== null };
}

export const keyLinkReissueSchema = z.object({
  token: z.string().min(1).max(2_000),
  idempotencyKey: z.string().min(8).max(100),
  csrPem: z.string().min(1, "Paste the new certificate signing request (CSR)."),
  keyCompromise: z.boolean().default(false),
});

/**
 * The reissue through a link. The link is claimed first (its nonce inserted: of two tabs, one wins)
 * and given back when the reissue is refused, so a mistyped CSR does not spend it.
 */
export async function reissueWithKeyLink(
  storefrontId: string,
  raw: z.input<typeof keyLinkReissueSchema>,
): Promise<{ revokedAtOnce: boolean; names: string[] }> {
  const input = parseInput(keyLinkReissueSchema, raw);
  const target = await openKeyLinkTarget(storefrontId, input.token);
  if (!target) throw new AppError("NOT_FOUND", INVALID_KEY_LINK);
  const { link } = target;
  // As for a signed-in registrant's writes: a suspended reseller's storefront changes nothing.
  const reseller = await db.reseller.findUnique({ where: { id: link.resellerId }, select: { status: true } });
  if (reseller?.status !== "active") throw new AppError("RESELLER_SUSPENDED");
  try {
    await db.certificateKeyLinkUse.create({ data: { nonce: link.nonce, certificateId: link.certificateId } });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new AppError("NOT_FOUND", INVALID_KEY_LINK);
    throw e;
  }
  const ctx: ActorContext = {
    kind: "registrant",
    actorId: link.registrantId,
    resellerId: link.resellerId,
    role: "registrant",
  };
  try {
    const r = await reissueCertificate(ctx, {
      subscriptionId: link.subscriptionId,
      idempotencyKey: input.idempotencyKey,
      csrPem: input.csrPem,
      keyCompromise: input.keyCompromise,
    });
    return { revokedAtOnce: r.revokedAtOnce, names: target.names };
  } catch (e) {
    await db.certificateKeyLinkUse.delete({ where: { nonce: link.nonce } });
    throw e;
  }
}
