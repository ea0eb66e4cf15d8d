/**
 * A short digest of what a signed-in registrant's domain list shows: their name (the header) and the
 * page of rows with its "more" cursor. The page puts it on its HTML and the list's page cache keys on
 * it, so a cached page is answered only while the database still holds what it shows (decision 145).
 */
import { createHash } from "node:crypto";
import type { OwnDomainRow } from "./list-own-domains";

export const OWN_DOMAINS_MARK_ATTRIBUTE = "data-list-mark";

export function ownDomainsMark(name: string, page: { rows: readonly OwnDomainRow[]; next: string | null }): string {
  const rows = page.rows.map((r) => [r.id, r.unicodeName, r.state, r.expiresAt.toISOString(), r.autoRenew]);
  return createHash("sha256")
    .update(JSON.stringify([name, rows, page.next]))
    .digest("base64url")
    .slice(0, 32);
}
