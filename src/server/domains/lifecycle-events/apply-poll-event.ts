/**
 * What one poll message means for our records:
 * - transfer of a name we sponsor, requested by another registrar -> transfer out (pending/away/back);
 * - transfer we requested -> the transfer-in result (the domains checkout's applyTransferInResult);
 * - auto-renewal by the registry -> its new expiry noted; with auto-renew on, the renewal is billed
 *   to the reseller through an order that keeps the registry's renewal;
 * - a pending action such as the purge after pendingDelete -> asked and released when gone.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { isAppError } from "@/server/errors";
import type { PollMessage } from "@/server/registry";
import { callRegistry, RegistryRefusal } from "@/server/registry/access";
import { autoRenewDomain } from "./auto-renew-domain";
import { platformNow } from "../lifecycle/clock";
import { markDeleted } from "./sweep-steps";
import { applyTransferOut } from "./apply-transfer-event";
import { applyTransferIn } from "./transfer-in-bridge";

export async function applyPollEvent(msg: PollMessage, ourId: string): Promise<string> {
  const e = msg.event;
  if (!e) return "no event: nothing to apply";
  const domain = await db.domain.findUnique({ where: { name: e.name.toLowerCase() } });
  if (e.kind === "transfer") {
    if (e.requestedBy === ourId) return applyTransferIn(e.name, e);
    if (!domain) return "transfer of a name we do not manage";
    return applyTransferOut(domain, e);
  }
  if (!domain) return "name we do not manage";
  if (e.kind === "renewal") {
    await db.domainLifecycle.upsert({
      where: { domainId: domain.id },
      create: { domainId: domain.id, resellerId: domain.resellerId, registryExpiresAt: new Date(e.expiresAt) },
      update: { registryExpiresAt: new Date(e.expiresAt) },
    });
    if (domain.autoRenew && (domain.state === "active" || domain.state === "expired")) {
      const outcome = await autoRenewDomain(domain, platformNow());
      return `registry auto-renewed to ${e.expiresAt}; billing ${outcome}`;
    }
    return `registry auto-renewed to ${e.expiresAt}; auto-renew is off, the name stays in its grace`;
  }
  try {
    await callRegistry(systemContext(domain.resellerId), domain, "infoDomain", { name: domain.name });
    return `pending action ${e.success ? "succeeded" : "failed"}; the name still exists`;
  } catch (err) {
    if (err instanceof RegistryRefusal && err.eppCode === 2303) {
      await markDeleted(domain.id, domain.resellerId);
      return "purged at the registry: released";
    }
    if (isAppError(err)) return `pending action noted; registry info failed: ${err.userMessage}`;
    throw err;
  }
}
