/**
 * A signed-in registrant's own domains on their storefront, soonest expiry first, keyset-paginated
 * over (expiresAt, id) like listDomains. Only what the storefront's list shows, in one prepared
 * statement on the pool: the page runs on every visit of a signed-in registrant, and Prisma's
 * per-call work and the reseller and registrant joins of listDomains were a share of its cost
 * (decision 130).
 */
import { z } from "zod";
import type { DomainState } from "@/generated/prisma/enums";
import type { ActorContext } from "@/server/context";
import { sqlPool } from "@/server/db";

/** Twenty-five a page, as registrars' own account lists page: a screenful or two, and the page stays light. */
export const OWN_DOMAINS_PAGE = 25;

export type OwnDomainRow = {
  id: string;
  unicodeName: string;
  state: DomainState;
  expiresAt: Date;
  autoRenew: boolean;
};

// The cursor arrives in the address bar: anything that does not parse is the first page.
const cursorSchema = z.object({ k: z.iso.datetime(), id: z.string().min(1).max(64) });
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(s: string | null | undefined): Cursor | null {
  if (!s || s.length > 300) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(s, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// Timestamps are zone-less UTC in the table, so the cursor's instant is turned into one in SQL; pg
// would send a Date in the process's zone. Names without an expiry (none yet) are left out, as in
// listDomains' expiry sort. The registrant index finds a person's names; sorting a few is cheap.
const SQL = `select id, "unicodeName", state, "expiresAt", "autoRenew"
  from "Domain"
  where "registrantId" = $1 and "resellerId" = $2 and "expiresAt" is not null
    and ($3::timestamptz is null or ("expiresAt", id) > ($3::timestamptz at time zone 'UTC', $4::text))
  order by "expiresAt", id
  limit $5`;

export async function listOwnDomains(
  ctx: Extract<ActorContext, { kind: "registrant" }>,
  cursor: string | null,
  limit = OWN_DOMAINS_PAGE,
): Promise<{ rows: OwnDomainRow[]; next: string | null }> {
  const after = decodeCursor(cursor);
  const { rows } = await sqlPool().query<OwnDomainRow>({
    name: "list-own-domains",
    text: SQL,
    values: [ctx.actorId, ctx.resellerId, after?.k ?? null, after?.id ?? null, limit + 1],
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    next: rows.length > limit && last ? encodeCursor({ k: last.expiresAt.toISOString(), id: last.id }) : null,
  };
}
