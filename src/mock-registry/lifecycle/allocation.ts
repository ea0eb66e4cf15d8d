/**
 * Allocation when a launch phase with applications ends. Sunrise: each name goes to its earliest
 * application. Landrush: applications for one name, from any registrar or from one registrar for
 * several of its customers, form a contest settled by a sealed-bid auction (auction.ts); the winner
 * is charged the rest of the clearing price. The others are rejected and refunded. Every applicant
 * gets a pending-action poll message.
 */
import type { ApplicationRecord } from "../model/records";
import type { MockRegistry } from "../registry";
import { addDays, addYears } from "../policy/dates";
import { clearingPriceText, runAuction } from "./auction";

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
    if (reg.store.domains.get(apps[0].name)) {
      for (const app of apps) resolve(reg, app, false, at);
      continue;
    }
    if (apps[0].phase === "landrush") {
      const { winner, clearingPrice } = runAuction(apps);
      for (const app of apps) resolve(reg, app, app === winner, at, app === winner ? clearingPrice : undefined);
      continue;
    }
    for (const app of apps) resolve(reg, app, app === apps[0], at);
  }
  return next;
}

export function resolve(
  reg: MockRegistry,
  app: ApplicationRecord,
  won: boolean,
  at: number,
  clearingPrice?: number,
): void {
  app.status = won ? "allocated" : "rejected";
  if (won && clearingPrice !== undefined) {
    // The phase price was charged with the application; the auction's winner owes the rest.
    const owed = clearingPrice - app.amount;
    const acct = reg.store.accounts.get(app.clID);
    if (acct && owed > 0) reg.store.accounts.put(app.clID, { ...acct, balance: acct.balance - owed });
    app.clearingPrice = clearingPrice;
  }
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
      grace: [
        { kind: "addPeriod", until: addDays(at, policy?.grace.add ?? 5), amount: app.clearingPrice ?? app.amount },
      ],
      launch: { phase: app.phase, applicationId: app.id },
    });
    reg.schedule(addDays(at, policy?.grace.add ?? 5));
  } else {
    reg.refund(app.clID, app.amount);
  }
  const price = app.clearingPrice !== undefined ? ` at ${clearingPriceText(app.clearingPrice)}` : "";
  const msg = won ? `Application allocated${price}.` : "Application rejected.";
  reg.enqueuePoll(app.clID, at, msg, { kind: "pendingAction", name: app.name, ok: won, svTRID: `ALLOC-${app.id}`, at });
}
