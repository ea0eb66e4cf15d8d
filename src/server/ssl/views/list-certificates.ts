/**
 * Certificates as lists show them: one row per subscription (what was bought) with its current
 * certificate and, while one is open, the request waiting for DCV or the CA. A registrant sees their
 * own, reseller staff their reseller's, registrar staff any reseller's. Keyset pagination over
 * (createdAt, id) on the (resellerId, createdAt) index: a deep page costs what the first costs.
 */
import { z } from "zod";
import type { CertificateSubscriptionState, Prisma } from "@/generated/prisma/client";
import { assertTenant, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { sandboxResellerIds } from "@/server/live-tenants";

const STATES = [
  "pending_dcv",
  "active",
  "expired",
  "revoked",
  "failed",
] as const satisfies CertificateSubscriptionState[];

/** "Expiring soon": the current certificate ends within this many days. */
export const EXPIRING_DAYS = 30;
/** "DCV stuck": a request has waited for domain control validation longer than this. */
export const DCV_STUCK_HOURS = 24;

export const listCertificatesSchema = z.object({
  resellerId: z.string().min(1).optional(),
  state: z.enum(STATES).optional(),
  attention: z.enum(["expiring", "dcv_stuck"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type CertificateListRow = {
  id: string;
  resellerId: string;
  resellerName: string;
  registrantEmail: string | null;
  productCode: string;
  level: string;
  names: string[];
  state: CertificateSubscriptionState;
  termYears: number;
  createdAt: Date;
  current: { id: string; serialNumber: string; notAfter: Date; status: string } | null;
  openRequest: { id: string; state: string; purpose: string } | null;
};

type Cursor = { at: string; id: string };

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

function decode(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Partial<Cursor>;
    return typeof c.at === "string" && typeof c.id === "string" && !Number.isNaN(Date.parse(c.at))
      ? { at: c.at, id: c.id }
      : null;
  } catch {
    return null;
  }
}

async function scope(
  ctx: ActorContext,
  resellerId: string | undefined,
): Promise<Prisma.CertificateSubscriptionWhereInput> {
  if (ctx.kind === "registrant") return { resellerId: ctx.resellerId, registrantId: ctx.actorId };
  const tenant = resellerId ?? ctx.resellerId;
  if (tenant) {
    assertTenant(ctx, tenant);
    return { resellerId: tenant };
  }
  // Only registrar staff and the system act without a reseller: they see every live reseller's
  // certificates (API sandboxes' shadow resellers are nobody's customers, decision 108).
  if (ctx.kind !== "registrar" && ctx.kind !== "system") throw new AppError("NOT_FOUND");
  return { resellerId: { notIn: await sandboxResellerIds() } };
}

function attentionWhere(
  attention: "expiring" | "dcv_stuck" | undefined,
  now: Date,
): Prisma.CertificateSubscriptionWhereInput {
  if (attention === "expiring")
    return {
      certificates: {
        some: {
          status: "issued",
          revokeRequestedAt: null,
          notAfter: { gt: now, lte: new Date(now.getTime() + EXPIRING_DAYS * 86_400_000) },
        },
      },
    };
  if (attention === "dcv_stuck")
    return {
      requests: {
        some: {
          state: { in: ["new", "pending_dcv"] },
          createdAt: { lt: new Date(now.getTime() - DCV_STUCK_HOURS * 3_600_000) },
        },
      },
    };
  return {};
}

export async function listCertificates(
  ctx: ActorContext,
  raw: z.input<typeof listCertificatesSchema> = {},
): Promise<{ rows: CertificateListRow[]; next: string | null }> {
  const input = parseInput(listCertificatesSchema, raw);
  const after = decode(input.cursor);
  const where: Prisma.CertificateSubscriptionWhereInput = {
    ...(await scope(ctx, input.resellerId)),
    ...(input.state ? { state: input.state } : {}),
    ...attentionWhere(input.attention, new Date()),
    ...(after
      ? {
          OR: [{ createdAt: { lt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { lt: after.id } }],
        }
      : {}),
  };
  const subs = await db.certificateSubscription.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    include: {
      certificates: { orderBy: { notBefore: "desc" }, take: 1 },
      requests: { where: { state: { in: ["new", "pending_dcv", "processing"] } }, take: 1 },
    },
  });
  const page = subs.slice(0, input.limit);
  const registrantIds = [...new Set(page.flatMap((s) => (s.registrantId ? [s.registrantId] : [])))];
  const [registrants, resellers] = await Promise.all([
    db.registrant.findMany({ where: { id: { in: registrantIds } }, select: { id: true, email: true } }),
    db.reseller.findMany({
      where: { id: { in: [...new Set(page.map((s) => s.resellerId))] } },
      select: { id: true, displayName: true },
    }),
  ]);
  const emails = new Map(registrants.map((r) => [r.id, r.email]));
  const resellerNames = new Map(resellers.map((r) => [r.id, r.displayName]));
  const rows = page.map((s): CertificateListRow => {
    const cert = s.certificates[0];
    const open = s.requests[0];
    return {
      id: s.id,
      resellerId: s.resellerId,
      resellerName: resellerNames.get(s.resellerId) ?? "",
      registrantEmail: s.registrantId ? (emails.get(s.registrantId) ?? null) : null,
      productCode: s.productCode,
      level: s.level,
      names: s.names,
      state: s.state,
      termYears: s.termYears,
      createdAt: s.createdAt,
      current: cert
        ? { id: cert.id, serialNumber: cert.serialNumber, notAfter: cert.notAfter, status: cert.status }
        : null,
      openRequest: open ? { id: open.id, state: open.state, purpose: open.purpose } : null,
    };
  });
  const last = page[page.length - 1];
  return {
    rows,
    next: subs.length > input.limit && last ? encode({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
