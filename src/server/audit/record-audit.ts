/**
 * Appends to the hash-chained audit log. Entries are serialised by a transaction-scoped advisory lock
 * so that each one links to exactly one predecessor; call it inside the transaction that changes the
 * state it records, so the change and its record commit together.
 */
import { createHash } from "node:crypto";
import type { Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { Prisma } from "@/generated/prisma/client";

const AUDIT_LOCK = 7_401_001;
export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | null;
  resellerId?: string | null;
  before?: unknown;
  after?: unknown;
};

export function canonical(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type ChainedFields = {
  at: Date;
  actorType: string;
  actorId: string | null;
  resellerId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export function entryHash(prevHash: string, e: ChainedFields): string {
  const body = canonical({ ...e, at: e.at.toISOString() });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

/** JSON columns store plain data; Dates become ISO strings so the stored value hashes the same. */
function plain(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(canonical(value));
}

export async function recordAudit(tx: Tx, ctx: ActorContext, input: AuditInput): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_LOCK})`;
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: ChainedFields = {
    at: new Date(),
    actorType: ctx.kind,
    actorId: ctx.actorId,
    resellerId: input.resellerId === undefined ? ctx.resellerId : input.resellerId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: plain(input.before),
    after: plain(input.after),
  };
  await tx.auditEntry.create({
    data: {
      ...fields,
      before: fields.before === null ? Prisma.DbNull : (fields.before as Prisma.InputJsonValue),
      after: fields.after === null ? Prisma.DbNull : (fields.after as Prisma.InputJsonValue),
      prevHash,
      hash: entryHash(prevHash, fields),
    },
  });
}
