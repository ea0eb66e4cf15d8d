/**
 * The trademark claims notice for a name in its claims period (RFC 8334 / TMCH): the registry's claims
 * check gives the claim key; the notice shown to the registrant carries a TCNID (CRC32 checksum of
 * label, notAfter and the notice's 19-digit id) and a notAfter 48 hours after the start of the current
 * hour, so the notice stays the same while someone reads it and submits. What the registrant
 * accepted, and when, travels with the create.
 */
import { createHash } from "node:crypto";

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(text: string): number {
  let c = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) c = TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function tcnid(label: string, notAfter: Date, id: string): string {
  const padded = id.padStart(19, "0");
  return (
    crc32(`${label}${Math.floor(notAfter.getTime() / 1000)}${padded}`)
      .toString(16)
      .padStart(8, "0") + padded
  );
}

const HOUR_MS = 3_600_000;

export type ClaimsNoticeView = {
  name: string;
  label: string;
  claimKey: string;
  noticeId: string;
  notAfter: string;
  text: string;
};

export function buildClaimsNotice(name: string, claimKey: string, now = new Date()): ClaimsNoticeView {
  const label = name.slice(0, name.indexOf("."));
  const hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const notAfter = new Date(hour + 48 * HOUR_MS);
  const id = (BigInt(`0x${createHash("sha256").update(claimKey).digest("hex").slice(0, 15)}`) % 10n ** 18n).toString();
  return {
    name,
    label,
    claimKey,
    noticeId: tcnid(label, notAfter, id),
    notAfter: notAfter.toISOString(),
    text:
      `You have received this Trademark Notice because you have applied for a domain name (${name}) which matches at least one trademark record submitted to the Trademark Clearinghouse (claim ${claimKey}). ` +
      "You may or may not be entitled to register the domain name depending on your intended use and whether it is the same or significantly overlaps with the trademarks listed. " +
      'Your rights to register this domain name may or may not be protected as noncommercial use or "fair use" by the laws of your country. ' +
      "If you continue with this registration, you represent that you have received and you understand this notice and to the best of your knowledge, your registration and use of the requested domain name will not infringe on the trademark rights listed. " +
      "The trademark holder will be told that this name was registered.",
  };
}

/**
 * The notice the registrant accepted, if `noticeId` is the one shown this hour or the last (a page
 * rendered just before the hour turned); null when it is neither, and the notice is shown again.
 */
export function acceptedNotice(
  current: ClaimsNoticeView,
  noticeId: string | undefined,
  now = new Date(),
): ClaimsNoticeView | null {
  if (!noticeId) return null;
  if (noticeId === current.noticeId) return current;
  const previous = buildClaimsNotice(current.name, current.claimKey, new Date(now.getTime() - HOUR_MS));
  return noticeId === previous.noticeId ? previous : null;
}
