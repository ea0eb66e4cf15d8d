/**
 * The registry steps of a renewal and of a restore, shared by the provisioners (run by the
 * fulfilment dispatcher) and by the console's immediate fulfilment. The registry is asked first
 * (info): its expiry tells whether an earlier attempt or its own auto-renewal already covers the
 * order, so a retry after a lost response never renews twice.
 */
import type { DomainInfo, RegistryPort } from "@/server/registry";
import type { Domain } from "@/generated/prisma/client";
import { addYears } from "../lifecycle/clock";
import { describeRegistryResult } from "./registry-words";
import { restoreReport } from "./restore-report";

export type StepsOutcome = { expiresAt: Date; code: number; message: string; statuses?: string[] };

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

export async function renewAtRegistry(
  port: RegistryPort,
  domain: Domain,
  years: number,
  currentExpiry: Date,
): Promise<StepsOutcome> {
  const info = await port.infoDomain({ name: domain.name });
  const registryExpiry = new Date(info.data.expiresAt ?? currentExpiry);
  const target = addYears(currentExpiry, years);
  if (day(registryExpiry) >= day(target)) {
    return {
      expiresAt: registryExpiry,
      code: info.code,
      message: "The registry's expiry already covers this renewal (its auto-renewal is kept).",
    };
  }
  const covered = Math.max(0, registryExpiry.getUTCFullYear() - currentExpiry.getUTCFullYear());
  const r = await port.renewDomain({
    name: domain.name,
    currentExpiry: day(registryExpiry),
    years: Math.max(1, years - covered),
  });
  // An answer without exDate (RFC 5731 allows it) leaves the new expiry to an info.
  const expiresAt = r.data.expiresAt ?? (await port.infoDomain({ name: domain.name })).data.expiresAt;
  if (!expiresAt) throw new Error(`The registry renewed ${domain.name} but would not say its new expiry`);
  return { expiresAt: new Date(expiresAt), code: r.code, message: describeRegistryResult(r.code, r.message) };
}

/** RFC 3915: restore request (unless one is already pending), then the report; the registry then says the new expiry. */
export async function restoreAtRegistry(port: RegistryPort, domain: Domain): Promise<StepsOutcome> {
  const before = await port.infoDomain({ name: domain.name });
  if (!before.data.rgpStatuses.includes("pendingRestore")) await port.restoreDomain({ name: domain.name });
  const r = await port.reportRestore({ name: domain.name, report: restoreReport(domain, before.data as DomainInfo) });
  const after = await port.infoDomain({ name: domain.name });
  return {
    expiresAt: new Date(after.data.expiresAt ?? domain.expiresAt ?? Date.now()),
    code: r.code,
    message: describeRegistryResult(r.code, r.message),
    statuses: after.data.statuses,
  };
}
