/**
 * Past the accept-by date of an agreement version it has not accepted, a reseller's console is
 * read-only (decision 107), and so are its live API keys (decision 118): changes are refused with a
 * problem of their own, reads still answer. Test keys act on the sandbox, which holds no real names
 * or money, so a developer can keep testing while the owner reads the new terms.
 */
import { platformNow } from "@/server/domains/lifecycle/clock";
import { pendingAgreement } from "@/server/reseller-agreements/pending-agreement";
import { problem, type Problem } from "./problem";

export const AGREEMENT_OVERDUE_SLUG = "agreement-not-accepted";

export async function agreementRefusal(resellerId: string, now: Date = platformNow()): Promise<Problem | null> {
  const pending = await pendingAgreement(resellerId);
  if (!pending || now <= pending.acceptBy) return null;
  return problem(
    "READ_ONLY",
    `The reseller agreement version ${pending.version} was due for acceptance on ${pending.acceptBy.toISOString().slice(0, 10)} and is not accepted yet: live keys can read but not change anything until an owner accepts it in the console.`,
    { slug: AGREEMENT_OVERDUE_SLUG },
  );
}
