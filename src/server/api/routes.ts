/**
 * Every /api/v1 route, once. The handler layer matches against this list in order (so a literal
 * segment such as /domains/check comes before /domains/{name}); the OpenAPI document lists it.
 */
import type { ApiRoute } from "./define-route";
import {
  checkDomain,
  checkDomains,
  listDomainsRoute,
  registerDomain,
  renewDomain,
  setNameservers,
} from "./domain-routes";
import {
  deleteDomainRoute,
  getAuthCode,
  getDomain,
  resetAuthCodeRoute,
  restoreDomain,
  setAutoRenewRoute,
  setDsRecords,
  setTransferLockRoute,
} from "./domain-manage-routes";
import { answerTransferOut, transferIn } from "./transfer-routes";
import { getContacts, setContact } from "./domain-contact-routes";
import { getOrder, listOrders } from "./order-routes";
import { getCustomer, listCustomersRoute } from "./customer-routes";
import { listPrices } from "./price-routes";
import { balance } from "./balance-route";
import { getStatement } from "./statement-route";
import { getBulkJob, listBulkJobsRoute, startBulkJob } from "./bulk-job-routes";
import {
  createWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  listWebhookEndpointsRoute,
} from "./webhook-endpoint-routes";
import { openApiRoute } from "./openapi-route";

export const API_ROUTES: ApiRoute[] = [
  checkDomain,
  checkDomains,
  transferIn,
  registerDomain,
  listDomainsRoute,
  getDomain,
  deleteDomainRoute,
  renewDomain,
  restoreDomain,
  setNameservers,
  setDsRecords,
  setTransferLockRoute,
  setAutoRenewRoute,
  getAuthCode,
  resetAuthCodeRoute,
  answerTransferOut,
  getContacts,
  setContact,
  getOrder,
  listOrders,
  listCustomersRoute,
  getCustomer,
  listPrices,
  balance,
  getStatement,
  startBulkJob,
  listBulkJobsRoute,
  getBulkJob,
  listWebhookEndpointsRoute,
  createWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  openApiRoute,
];
export type RouteMatch = { route: ApiRoute; params: Record<string, string> };

/** Each template split once: a literal segment, or the name of a parameter. */
type Part = { literal: string } | { param: string };
const COMPILED: { route: ApiRoute; parts: Part[] }[] = API_ROUTES.map((route) => ({
  route,
  parts: route.path
    .split("/")
    .filter(Boolean)
    .map((p) => {
      const param = /^\{(\w+)\}$/.exec(p);
      return param ? { param: param[1] } : { literal: p };
    }),
}));

/** The route for a method and a path under /api/v1; `allowed` lists the methods the path has. */
export function matchRoute(method: string, path: string): { match: RouteMatch | null; allowed: string[] } {
  const segments: string[] = [];
  for (const raw of path.split("/")) {
    if (!raw) continue;
    try {
      segments.push(decodeURIComponent(raw));
    } catch {
      // A segment that does not decode names nothing.
      return { match: null, allowed: [] };
    }
  }
  const allowed: string[] = [];
  for (const { route, parts } of COMPILED) {
    const params = matchPath(parts, segments);
    if (!params) continue;
    allowed.push(route.method);
    if (route.method === method) return { match: { route, params }, allowed };
  }
  return { match: null, allowed };
}

function matchPath(parts: Part[], segments: string[]): Record<string, string> | null {
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if ("param" in part) params[part.param] = segments[i];
    else if (part.literal !== segments[i]) return null;
  }
  return params;
}
