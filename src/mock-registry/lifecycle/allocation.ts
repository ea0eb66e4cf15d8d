/**
 * Landrush contention: when the landrush phase ends, each name goes to its earliest application; the
 * others are rejected and refunded. Every applicant gets a pending-action poll message.
 */
import type { ApplicationRecord } from "../model/records";
import type { MockRegistry } from "../registry";
import { addDays, addYears } from "../policy/dates";

/** Allocates what is due and returns the next time an allocation is due. */
export function allocateApplications(reg: MockRegistry, now: number): number {
  let next = Infinity;
  const byName = new Map<string, ApplicationRecord[]>();
  for (const app of reg.store.applications.values()) {
    if (app.status !== "pendingAllocation") continue;
    const policy = reg.policyFor(app.tld);
    const end = policy ? reg.phaseOf(policy, app.crDate).end : undefined;
    if (end === undefined) continue;
    if (end > now) {
      next = Math.min(next, end);
      continue;
    }
    byName.set(app.name, [...(byName.get(app.name) ?? []), app]);
  }
  for (const apps of byName.values()) {
    apps.sort((a, b) => a.crDate - b.crDate || a.id.localeCompare(b.id));
    const policy = reg.policyFor(apps[0].tld);
    const at = policy ? (reg.phaseOf(policy, apps[0].crDate).end ?? now) : now;
    const winner = reg.store.domains.get(apps[0].name) ? undefined : apps[0];
    for (const app of apps) resolve(reg, app, app === winner, at);
  }
  return next;
}

export function resolve(reg: MockRegistry, app: ApplicationRecord, won: boolean, at: number): void {
  app.status = won ? "allocated" : "rejected";
  reg.store.applications.put(app.id, app);
  if (won) {
    const policy = reg.policyFor(app.tld);
    reg.store.domains.put(app.name, {
      roid: reg.roid("D", app.tld),
      name: app.name,
      tld: app.tld,
      clID: app.clID,
      crID: app.clID,
      crDate: at,
      exDate: addYears(at, app.periodYears),
      registrant: app.registrant,
      contacts: app.contacts,
      ns: app.ns,
      statuses: [],
      authInfo: app.authInfo,
      ds: app.ds,
      grace: [{ kind: "addPeriod", until: addDays(at, policy?.grace.add ?? 5), amount: app.amount }],
      launch: { phase: app.phase, applicationId: app.id },
    });
    reg.schedule(addDays(at, policy?.grace.add ?? 5));
  } else {
    reg.refund(app.clID, app.amount);
  }
  const msg = won ? "Application allocated." : "Application rejected.";
  reg.enqueuePoll(app.clID, at, msg, { kind: "pendingAction", name: app.name, ok: won, svTRID: `ALLOC-${app.id}`, at });
}
