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

/** The route for a method and a path under /api/v1; `allowed` lists the methods the path has. */
export function matchRoute(method: string, path: string): { match: RouteMatch | null; allowed: string[] } {
  const segments = path.split("/").filter(Boolean);
  const allowed: string[] = [];
  for (const route of API_ROUTES) {
    const params = matchPath(route.path, segments);
    if (!params) continue;
    allowed.push(route.method);
    if (route.method === method) return { match: { route, params }, allowed };
  }
  return { match: null, allowed };
}

function matchPath(template: string, segments: string[]): Record<string, string> | null {
  const parts = template.split("/").filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const param = /^\{(\w+)\}$/.exec(parts[i]);
    let segment: string;
    try {
      segment = decodeURIComponent(segments[i]);
    } catch {
      return null;
    }
    if (param) params[param[1]] = segment;
    else if (parts[i] !== segment) return null;
  }
  return params;
}
