/**
 * Sunrise signed marks and claims notices, checked the way a registry does before the TMCH crypto:
 * the SMD's shape, its validity window and labels, and the claims notice's TCNID and dates.
 * Verifying the XML signature against the TMCH CA is the TMCH issue's job.
 */
import { crc32 } from "node:zlib";
import type { ClaimsNotice } from "../model/commands";
import { fail } from "../model/result-codes";

const HOURS_48 = 48 * 3_600_000;

function decodeEncodedSmd(encoded: string): string {
  const body = encoded.includes("-----BEGIN ENCODED SMD-----")
    ? encoded.split("-----BEGIN ENCODED SMD-----")[1].split("-----END ENCODED SMD-----")[0]
    : encoded;
  const compact = body.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+=*$/.test(compact)) fail(2005, "Signed mark data is not valid base64.");
  return Buffer.from(compact, "base64").toString("utf8");
}

function elementTexts(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[\\w-]+:)?${local}(?:\\s[^>]*)?>([^<]*)</(?:[\\w-]+:)?${local}>`, "g");
  return [...xml.matchAll(re)].map((m) => m[1].trim());
}

export function checkSignedMark(encoded: string, label: string, now: number): { labels: string[] } {
  const xml = decodeEncodedSmd(encoded);
  if (!/<(?:[\w-]+:)?signedMark[\s>]/.test(xml) || !/<(?:[\w-]+:)?Signature[\s>]/.test(xml)) {
    fail(2005, "Signed mark data could not be parsed.");
  }
  const [notBefore] = elementTexts(xml, "notBefore");
  const [notAfter] = elementTexts(xml, "notAfter");
  const labels = elementTexts(xml, "label");
  if (!notBefore || !notAfter || labels.length === 0) fail(2005, "Signed mark data could not be parsed.");
  if (Date.parse(notBefore) > now) fail(2306, "The provided mark is not yet valid.");
  if (Date.parse(notAfter) < now) fail(2306, "The provided mark has expired.");
  if (!labels.includes(label)) fail(2003, "The provided mark does not match the desired domain label.");
  return { labels };
}

/** TCNID = 8 hex digits of CRC32(label + notAfter epoch seconds + id) followed by the 19-digit id. */
export function tcnidChecksumOk(noticeId: string, label: string, notAfter: number): boolean {
  const id = noticeId.slice(8);
  const expected = crc32(`${label}${Math.floor(notAfter / 1000)}${id}`)
    .toString(16)
    .padStart(8, "0");
  return noticeId.slice(0, 8).toLowerCase() === expected;
}

export function makeTcnid(label: string, notAfter: number, id: string): string {
  const padded = id.padStart(19, "0");
  return (
    crc32(`${label}${Math.floor(notAfter / 1000)}${padded}`)
      .toString(16)
      .padStart(8, "0") + padded
  );
}

export function checkClaimsNotice(notice: ClaimsNotice, label: string, now: number): void {
  if (!/^[0-9a-fA-F]{8}\d{19}$/.test(notice.noticeId)) fail(2005, "The specified TCNID is invalid.");
  const notAfter = Date.parse(notice.notAfter);
  const accepted = Date.parse(notice.acceptedDate);
  if (Number.isNaN(notAfter) || Number.isNaN(accepted)) fail(2005, "Claims notice dates are malformed.");
  if (!tcnidChecksumOk(notice.noticeId, label, notAfter))
    fail(2004, "The checksum in the specified TCNID does not validate.");
  if (notAfter < now) fail(2004, "The expiration time specified in the claim notice has elapsed.");
  if (accepted < now - HOURS_48)
    fail(2004, "The acceptance time specified in the claim notice is more than 48 hours in the past.");
}
