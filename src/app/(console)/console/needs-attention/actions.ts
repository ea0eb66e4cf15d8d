"use server";
/** Deciding a parked order item from the reseller console: owners and admins of the reseller. */
import { defineAction } from "@/server/action-client";
import { resolveParkedInput, retryParkedInput } from "@/server/fulfilment/parked/parked-input";
import { retryParkedItem } from "@/server/fulfilment/parked/retry-parked-item";
import { resolveParkedItem } from "@/server/fulfilment/parked/resolve-parked-item";

const MANAGERS = ["owner", "admin"] as const;
const detail = (d: { itemId: string; outcome: string }) => `/console/needs-attention/${d.itemId}?decided=${d.outcome}`;

export const retryParkedAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: retryParkedInput,
  handler: (ctx, i) => retryParkedItem(ctx, i.itemId, { note: i.note }),
  redirectTo: detail,
});

export const resolveParkedAction = defineAction({
  area: "console",
  roles: MANAGERS,
  input: resolveParkedInput,
  handler: (ctx, i) => resolveParkedItem(ctx, i.itemId, { outcome: i.outcome, note: i.note }),
  redirectTo: detail,
});
