"use server";
/** Deciding a parked order item from the registrar console: registrar admins, for any reseller. */
import { defineAction } from "@/server/action-client";
import { resolveParkedInput, retryParkedInput } from "@/server/fulfilment/parked/parked-input";
import { retryParkedItem } from "@/server/fulfilment/parked/retry-parked-item";
import { resolveParkedItem } from "@/server/fulfilment/parked/resolve-parked-item";

const ADMIN = ["registrar_admin"] as const;
const detail = (d: { itemId: string; outcome: string }) =>
  `/registrar/needs-attention/${d.itemId}?decided=${d.outcome}`;

export const retryParkedAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: retryParkedInput,
  handler: (ctx, i) => retryParkedItem(ctx, i.itemId, { note: i.note }),
  redirectTo: detail,
});

export const resolveParkedAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: resolveParkedInput,
  handler: (ctx, i) => resolveParkedItem(ctx, i.itemId, { outcome: i.outcome, note: i.note }),
  redirectTo: detail,
});
