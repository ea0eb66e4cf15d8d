/** Turns the list page's query parameters into the list service's filter (bad values are ignored). */
import type { DomainListFilter, DomainSort } from "@/server/domains/queries/list-domains";
import type { DomainState } from "@/generated/prisma/enums";
import type { FilterValues } from "./domain-filters";

const STATES = new Set([
  "active",
  "expired",
  "pending_transfer_out",
  "pending_transfer_in",
  "pending_create",
  "redemption",
  "pending_delete",
  "deleted",
  "transferred_away",
]);
const SORTS = new Set(["expiry", "expiry_desc", "name"]);

export function toListFilter(v: FilterValues & { cursor?: string }, limit = 50): DomainListFilter {
  const within = Number(v.within);
  return {
    q: v.q || null,
    state: v.state && STATES.has(v.state) ? (v.state as DomainState) : null,
    tld: v.tld && /^[a-z0-9-]{1,63}$/i.test(v.tld.replace(/^\./, "")) ? v.tld : null,
    expiresWithinDays: Number.isFinite(within) && within > 0 ? within : null,
    registrantId: v.customer && /^[0-9a-f-]{36}$/.test(v.customer) ? v.customer : null,
    resellerId: v.reseller && /^[0-9a-f-]{36}$/.test(v.reseller) ? v.reseller : null,
    sort: v.sort && SORTS.has(v.sort) ? (v.sort as DomainSort) : "expiry",
    cursor: v.cursor ?? null,
    limit,
  };
}
