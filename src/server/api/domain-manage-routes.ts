/**
 * One domain by name: its details, DNSSEC, locks, auth code, deletion and restore. Each route hands
 * its input to the console's own service; the tenant check is the service's (another reseller's
 * name answers 404 through domainIdByName).
 */
import { z } from "zod";
import { db } from "@/server/db";
import { getDomainOrThrow } from "@/server/domains/manage/get-domain-or-throw";
import { updateDsRecords } from "@/server/domains/manage/update-ds-records";
import { setTransferLock } from "@/server/domains/manage/set-transfer-lock";
import { setAutoRenew } from "@/server/domains/manage/set-auto-renew";
import { resetAuthCode, revealAuthCode } from "@/server/domains/manage/reveal-auth-code";
import { deleteDomain } from "@/server/domains/manage/delete-domain";
import { requestRestore } from "@/server/domains/renewals/request-renewal";
import { getOrderOrThrow } from "@/server/orders/get-order";
import type { DsRecord } from "@/server/registry";
import { defineRoute } from "./define-route";
import { domainDetail, domainNameParam, dsRecord, manageResult, noQuery, order } from "./schemas";
import { domainIdByName } from "./domain-by-name";
import { domainView } from "./domain-view";
import { orderView } from "./order-view";
import { orderKeyOf } from "./order-key";

export const getDomain = defineRoute({
  method: "GET",
  path: "/domains/{name}",
  operationId: "getDomain",
  summary: "One domain: state, expiry, statuses, name servers, glue hosts and DS records.",
  scope: "read",
  params: domainNameParam,
  query: noQuery,
  body: null,
  response: domainDetail,
  handler: async (caller, { params }) => {
    const d = await getDomainOrThrow(caller.ctx, await domainIdByName(caller.ctx, params.name));
    const hosts = await db.host.findMany({ where: { domainId: d.id }, orderBy: { name: "asc" } });
    return {
      ...domainView(d),
      privacy: d.privacy,
      registryStatuses: d.registryStatuses,
      registeredAt: d.registeredAt?.toISOString() ?? null,
      nameservers: d.nameservers,
      dsRecords: (d.dsRecords as DsRecord[] | null) ?? [],
      hosts: hosts.map((h) => ({ name: h.name, addresses: h.addresses })),
      transferLockedUntil: d.transferLockedUntil?.toISOString() ?? null,
    };
  },
});

export const setDsRecords = defineRoute({
  method: "PUT",
  path: "/domains/{name}/ds-records",
  operationId: "setDsRecords",
  summary: "Replace a name's DS records (DNSSEC); an empty list removes them all.",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: z.object({ records: z.array(dsRecord).max(8) }),
  response: manageResult,
  handler: async (caller, { params, body }) =>
    updateDsRecords(caller.ctx, { domainId: await domainIdByName(caller.ctx, params.name), records: body.records }),
});

export const setTransferLockRoute = defineRoute({
  method: "PUT",
  path: "/domains/{name}/transfer-lock",
  operationId: "setTransferLock",
  summary: "Turn the transfer lock (clientTransferProhibited) on or off.",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: z.object({ locked: z.boolean() }),
  response: manageResult,
  handler: async (caller, { params, body }) =>
    setTransferLock(caller.ctx, { domainId: await domainIdByName(caller.ctx, params.name), locked: body.locked }),
});

export const setAutoRenewRoute = defineRoute({
  method: "PUT",
  path: "/domains/{name}/auto-renew",
  operationId: "setAutoRenew",
  summary: "Turn auto-renew on or off (renewals are paid from the prepaid balance).",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: z.object({ enabled: z.boolean() }),
  response: manageResult,
  handler: async (caller, { params, body }) =>
    setAutoRenew(caller.ctx, { domainId: await domainIdByName(caller.ctx, params.name), enabled: body.enabled }),
});

const authCodeAnswer = z.object({ authCode: z.string(), message: z.string() });

// A GET and a PUT, never a POST: a POST's answer is kept for 24 hours for replays, and an auth code
// must not sit in that table. Both are audited by the service.
export const getAuthCode = defineRoute({
  method: "GET",
  path: "/domains/{name}/auth-code",
  operationId: "getAuthCode",
  summary: "The name's auth code, for a transfer away (each reveal is audited).",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: null,
  response: authCodeAnswer,
  handler: async (caller, { params }) =>
    revealAuthCode(caller.ctx, { domainId: await domainIdByName(caller.ctx, params.name) }),
});

export const resetAuthCodeRoute = defineRoute({
  method: "PUT",
  path: "/domains/{name}/auth-code",
  operationId: "resetAuthCode",
  summary: "Set a new random auth code at the registry; the old one stops working.",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: null,
  response: authCodeAnswer,
  handler: async (caller, { params }) =>
    resetAuthCode(caller.ctx, { domainId: await domainIdByName(caller.ctx, params.name) }),
});

export const deleteDomainRoute = defineRoute({
  method: "DELETE",
  path: "/domains/{name}",
  operationId: "deleteDomain",
  summary:
    "Delete a name: within the add grace period it is released and refunded, otherwise it enters redemption (restorable).",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: null,
  response: manageResult,
  // The path names the domain, which is the confirmation the console asks a person to type.
  handler: async (caller, { params }) =>
    deleteDomain(caller.ctx, { domainId: await domainIdByName(caller.ctx, params.name), confirmName: params.name }),
});

export const restoreDomain = defineRoute({
  method: "POST",
  path: "/domains/{name}/restore",
  operationId: "restoreDomain",
  summary: "Restore a name in redemption, paid from the prepaid balance; the registry is asked at once.",
  scope: "domains",
  params: domainNameParam,
  query: noQuery,
  body: null,
  response: z.object({ order, result: z.object({ ok: z.boolean(), message: z.string() }).nullable() }),
  status: 201,
  handler: async (caller, { params, idempotencyKey }) => {
    const r = await requestRestore(caller.ctx, {
      domainId: await domainIdByName(caller.ctx, params.name),
      idempotencyKey: orderKeyOf(caller, idempotencyKey),
      payment: "balance",
      channel: "api",
    });
    const placed = await getOrderOrThrow(caller.ctx, r.orderId);
    return { order: orderView(placed), result: r.result ? { ok: r.result.ok, message: r.result.message } : null };
  },
});
