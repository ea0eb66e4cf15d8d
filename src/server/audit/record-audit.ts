/**
 * Appends to the tenant's audit chain (docs/decisions/070-audit-chains-per-tenant.md). Writers are
 * serialised per chain by a transaction-scoped advisory lock, so each entry links to exactly one
 * predecessor and two tenants never wait for each other. Call it inside the transaction that changes
 * the state it records, so the change and its record commit together.
 */
import type { Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { Prisma } from "@/generated/prisma/client";
import { auditKeyRing } from "./audit-keys";
import { CHAIN_START, canonical, chainOf, entryMac, type SignedFields } from "./entry-mac";

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | null;
  resellerId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** JSON columns store plain data; Dates become ISO strings so the stored value signs the same. */
function plain(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(canonical(value));
}

const json = (v: unknown) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

export async function recordAudit(tx: Tx, ctx: ActorContext, input: AuditInput): Promise<void> {
  const key = auditKeyRing().current;
  const resellerId = input.resellerId === undefined ? ctx.resellerId : input.resellerId;
  const chain = chainOf(resellerId);
  // One call takes the chain's advisory lock (64-bit key from "audit:" + chain, held until commit so
  // the next writer reads this entry as head) and then reads the head (decision 102).
  const [head] = await tx.$queryRaw<{ chainSeq: bigint; mac: string | null }[]>`
    select "chainSeq", mac from audit_chain_head(${chain})`;
  if (head && head.mac === null)
    throw new Error(`audit chain ${chain} has entries not yet sealed: run the migrations with AUDIT_HMAC_KEY set`);
  const fields: SignedFields = {
    chain,
    chainSeq: (head?.chainSeq ?? BigInt(0)) + BigInt(1),
    keyId: key.id,
    at: new Date(),
    actorType: ctx.kind,
    actorId: ctx.actorId,
    resellerId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: plain(input.before),
    after: plain(input.after),
  };
  const mac = entryMac(key.secret, head?.mac ?? CHAIN_START, fields);
  await tx.auditEntry.create({ data: { ...fields, before: json(fields.before), after: json(fields.after), mac } });
}
