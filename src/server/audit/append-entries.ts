/**
 * Appends signed entries to audit chains on a transaction: each chain's lock and head in one call,
 * the MACs in this process (the key stays out of the database, decision 090), and every entry in one
 * raw insert (decision 129). Chains are locked in sorted order, so two writers that append to several
 * chains at once cannot wait for each other in a cycle.
 */
import type { Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
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

export type PendingEntry = { ctx: ActorContext; input: AuditInput };

/** JSON columns store plain data; Dates become ISO strings so the stored value signs the same. */
function plain(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(canonical(value));
}

// The lock of each chain, then its head, in the order given (a lateral call per chain, in array order).
const HEADS = `
  select c.chain, h."chainSeq"::text as seq, h.mac, (h."chainSeq" is not null) as found
  from unnest($1::text[]) with ordinality as c(chain, n)
  left join lateral audit_chain_head(c.chain) h on true
  order by c.n`;

// Timestamps go as ISO text and are stored in UTC without a zone, as Prisma stores them, so the
// verifier reads back exactly the instant that was signed.
const INSERT = `
  insert into "AuditEntry" (at, "actorType", "actorId", "resellerId", action, entity, "entityId", before, after,
    chain, "chainSeq", mac, "keyId")
  select x.at::timestamptz at time zone 'UTC', x."actorType", x."actorId", x."resellerId", x.action, x.entity,
    x."entityId", x.before, x.after, x.chain, x."chainSeq"::bigint, x.mac, x."keyId"
  from jsonb_to_recordset($1::jsonb) as x(at text, "actorType" text, "actorId" text, "resellerId" text, action text,
    entity text, "entityId" text, before jsonb, after jsonb, chain text, "chainSeq" text, mac text, "keyId" text)`;

export async function appendEntries(tx: Tx, entries: PendingEntry[]): Promise<void> {
  if (!entries.length) return;
  const key = auditKeyRing().current;
  const withChain = entries.map((e) => {
    const resellerId = e.input.resellerId === undefined ? e.ctx.resellerId : e.input.resellerId;
    return { ...e, resellerId, chain: chainOf(resellerId) };
  });
  const chains = [...new Set(withChain.map((e) => e.chain))].sort();
  const heads = await tx.$queryRawUnsafe<{ chain: string; seq: string | null; mac: string | null; found: boolean }[]>(
    HEADS,
    chains,
  );
  const tip = new Map<string, { seq: bigint; mac: string }>();
  for (const h of heads) {
    if (h.found && h.mac === null)
      throw new Error(`audit chain ${h.chain} has entries not yet sealed: run the migrations with AUDIT_HMAC_KEY set`);
    tip.set(h.chain, { seq: h.found ? BigInt(h.seq as string) : BigInt(0), mac: h.mac ?? CHAIN_START });
  }
  const rows = withChain.map((e) => {
    const head = tip.get(e.chain) as { seq: bigint; mac: string };
    const fields: SignedFields = {
      chain: e.chain,
      chainSeq: head.seq + BigInt(1),
      keyId: key.id,
      at: new Date(),
      actorType: e.ctx.kind,
      actorId: e.ctx.actorId,
      resellerId: e.resellerId,
      action: e.input.action,
      entity: e.input.entity,
      entityId: e.input.entityId ?? null,
      before: plain(e.input.before),
      after: plain(e.input.after),
    };
    const mac = entryMac(key.secret, head.mac, fields);
    tip.set(e.chain, { seq: fields.chainSeq, mac });
    return { ...fields, at: fields.at.toISOString(), chainSeq: fields.chainSeq.toString(), mac };
  });
  await tx.$executeRawUnsafe(INSERT, JSON.stringify(rows));
}
