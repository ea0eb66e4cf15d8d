/**
 * What an audit entry's MAC covers: the chain, the position in it, the previous entry's MAC, the key
 * id and every recorded field, in one canonical encoding (sorted keys, ISO dates), so the verifier
 * recomputes exactly what the writer signed.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The chain of entries with no reseller: the registrar's own actions. */
export const REGISTRAR_CHAIN = "registrar";
/** Stands in for the previous MAC of a chain's first entry. */
export const CHAIN_START = "";

export function chainOf(resellerId: string | null): string {
  return resellerId ?? REGISTRAR_CHAIN;
}

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

export type SignedFields = {
  chain: string;
  chainSeq: bigint;
  keyId: string;
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

/** Picks exactly the signed fields from a stored row, so no other column slips into the encoding. */
export function signedFieldsOf(row: Omit<SignedFields, "keyId">, keyId: string): SignedFields {
  const { chain, chainSeq, at, actorType, actorId, resellerId, action, entity, entityId, before, after } = row;
  return { chain, chainSeq, keyId, at, actorType, actorId, resellerId, action, entity, entityId, before, after };
}

export function entryMac(secret: string, prevMac: string, e: SignedFields): string {
  // Versioned so a future change of encoding can live beside entries signed under this one.
  const body = canonical({ v: 1, prev: prevMac, ...e });
  return createHmac("sha256", secret).update(body).digest("hex");
}

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
