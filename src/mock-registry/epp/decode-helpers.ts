/** Field readers that turn missing or malformed input into the EPP error a registry gives. */
import type { Period } from "../model/commands";
import type { DsData } from "../model/records";
import { RegistryError, type ErrorCode } from "../model/result-codes";
import { NS } from "../config/services";
import { child, children, text, type XNode } from "./xml";

export class DecodeError extends RegistryError {
  constructor(code: ErrorCode, message: string, value?: string) {
    super(code, message, value);
    this.name = "DecodeError";
  }
}

export function syntax(message: string): never {
  throw new DecodeError(2001, message);
}

/** A schema-required element; its absence is a syntax error (2001), as with XSD validation. */
export function req(node: XNode, ns: string, local: string): XNode {
  const c = child(node, ns, local);
  if (!c) syntax(`Element ${local} is required in ${node.local}.`);
  return c;
}

export function reqText(node: XNode, ns: string, local: string): string {
  const v = text(req(node, ns, local));
  if (v === undefined || v === "") syntax(`Element ${local} must not be empty.`);
  return v;
}

export function optText(node: XNode | undefined, ns: string, local: string): string | undefined {
  return text(child(node, ns, local));
}

export function texts(node: XNode | undefined, ns: string, local: string): string[] {
  return children(node, ns, local).map((c) => c.text.trim());
}

export function period(node: XNode | undefined, ns: string): Period | undefined {
  const p = child(node, ns, "period");
  if (!p) return undefined;
  const value = Number(p.text.trim());
  const unit = p.attrs.unit;
  if (!Number.isInteger(value) || value < 1 || value > 99) syntax("Period must be an integer from 1 to 99.");
  if (unit !== "y" && unit !== "m") syntax("Period unit must be 'y' or 'm'.");
  return { value, unit };
}

export function authPw(node: XNode | undefined, ns: string): string | undefined {
  const a = child(node, ns, "authInfo");
  if (!a) return undefined;
  const pw = child(a, ns, "pw");
  if (!pw) {
    if (child(a, ns, "ext")) throw new DecodeError(2102, "Only password auth info is supported.");
    if (child(a, ns, "null")) return "";
    syntax("authInfo needs a pw element.");
  }
  return pw.text;
}

function int(s: string | undefined, what: string): number {
  const n = Number(s);
  if (s === undefined || s === "" || !Number.isInteger(n)) syntax(`${what} must be an integer.`);
  return n;
}

export function dsData(node: XNode): DsData {
  return {
    keyTag: int(optText(node, NS.secDNS, "keyTag"), "keyTag"),
    alg: int(optText(node, NS.secDNS, "alg"), "alg"),
    digestType: int(optText(node, NS.secDNS, "digestType"), "digestType"),
    digest: reqText(node, NS.secDNS, "digest"),
  };
}

/** "12.50" -> 1250; more than two decimals is a scale the currency does not have (2005). */
export function minorUnits(raw: string): number {
  const s = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(s)) syntax(`Fee '${s}' is not a decimal amount.`);
  const [whole, frac = ""] = s.split(".");
  if (frac.length > 2)
    throw new DecodeError(2005, "The requested fee is expressed in a scale that is invalid for the given currency.");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

export function bool(v: string | undefined): boolean {
  return v === "1" || v === "true";
}
