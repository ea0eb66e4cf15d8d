/**
 * A domain's history (`DomainOperation`): every registry command sent about it, under the port's own
 * operation name, with the registry's code, message and transaction ids, who asked and why. The one
 * writer of that table's rows about commands (docs/decisions/076-one-registry-access.md).
 */
import type { ActorContext } from "@/server/context";
import { sqlPool, type Tx } from "@/server/db";
import { EppError, RegistryTransportError, type OperationName } from "@/server/registry";
import { maskJson } from "@/server/registry/core/logging";

/** Checks and polls change nothing and are not one domain's history (search sends thousands). */
const UNRECORDED: ReadonlySet<OperationName> = new Set([
  "checkDomains",
  "claimsCheck",
  "checkHosts",
  "checkContacts",
  "pollRequest",
  "pollAck",
]);

export function isRecorded(operation: OperationName): boolean {
  return !UNRECORDED.has(operation);
}

export type Outcome = { code: number | null; message: string; svTRID?: string | null; clTRID?: string | null };

export type OperationRecord = Outcome & {
  resellerId: string;
  /** The name the command is about; rows written before the Domain row exists are linked to it by name. */
  domainName: string;
  domainId?: string | null;
  operation: OperationName;
  actor: ActorContext;
  orderItemId?: string | null;
  /** Request summary; auth codes and passwords are masked before it is stored. */
  detail?: unknown;
};

export type WriteOptions = {
  /**
   * Write inside this transaction. Without it the row is written on its own, so what the registry did
   * stays recorded when the caller's change rolls back.
   */
  tx?: Tx;
};

// One statement: the domain's id (when the caller did not know it) is looked up by the insert itself.
const INSERT_OPERATION = `
  insert into "DomainOperation"
    ("resellerId", "domainId", "domainName", operation, code, message, "svTRID", "clTRID", "actorType", "actorId", "orderItemId", detail)
  values (
    $1,
    case when $2::boolean then (select id from "Domain" where name = $3) else $4::text end,
    $3, $5, $6::int, $7, $8::text, $9::text, $10, $11::text, $12::text, $13::jsonb
  )`;

export async function recordOperation(r: OperationRecord, opts: WriteOptions = {}): Promise<void> {
  const name = r.domainName.toLowerCase();
  const detail = r.detail === undefined || r.detail === null ? null : maskJson(r.detail);
  const values = [
    r.resellerId,
    r.domainId === undefined,
    name,
    r.domainId ?? null,
    r.operation,
    r.code,
    r.message.slice(0, 2000),
    r.svTRID ?? null,
    r.clTRID ?? null,
    r.actor.kind,
    r.actor.actorId ?? null,
    r.orderItemId ?? null,
    detail,
  ];
  // Inside the caller's transaction through it; on its own straight to the pool (decision 102).
  if (opts.tx) await opts.tx.$executeRawUnsafe(INSERT_OPERATION, ...values);
  else await sqlPool().query({ name: "record_operation", text: INSERT_OPERATION, values });
}

export function answered(r: { code: number; message: string; svTRID?: string; clTRID?: string }): Outcome {
  return { code: r.code, message: r.message, svTRID: r.svTRID, clTRID: r.clTRID };
}

/** A registry failure as recorded; null for anything else (a bug of ours is not the registry's answer). */
export function failed(e: unknown): Outcome | null {
  if (e instanceof EppError)
    return { code: e.code, message: e.eppMessage, svTRID: e.detail.svTRID, clTRID: e.detail.clTRID };
  // No answer: the command may or may not have reached the registry (the kind says which failure).
  if (e instanceof RegistryTransportError) return { code: null, message: `${e.kind}: ${e.message}` };
  return null;
}
