/**
 * What the stand-in's "validation agent" finds wrong with a submission, in words an agent can act on.
 * The real TMCH checks registries and courts; the stand-in checks what the submission itself shows
 * (dates, Nice classes, who holds the mark), so a test or a demo can provoke an incorrect result with
 * a plausible mistake and fix it with a correction.
 */
import type { MarkSubmission } from "./model";

export function findProblems(s: MarkSubmission, labels: string[], now: Date): string[] {
  const reasons: string[] = [];
  const past = (iso: string, what: string) => {
    if (new Date(iso) > now) reasons.push(`The ${what} is in the future.`);
  };
  const d = s.details;
  if (d.type === "trademark") {
    past(d.regDate, "registration date");
    if (d.exDate && new Date(d.exDate) <= now) reasons.push("The registration has expired.");
    const bad = d.classes.filter((c) => c < 1 || c > 45);
    if (bad.length) reasons.push(`Nice classes run from 1 to 45; ${bad.join(", ")} is not one.`);
  } else if (d.type === "treatyOrStatute") {
    past(d.proDate, "protection date");
    past(d.execDate, "execution date");
  } else {
    past(d.proDate, "date of the court's ruling");
  }
  if (!s.holder.name && !s.holder.org) reasons.push("The holder needs a name or an organisation.");
  if (!s.contacts.some((c) => c.type === "owner" || c.type === "agent"))
    reasons.push("Give at least one contact of the owner or its agent.");
  if (!labels.length) reasons.push("The mark yields no domain label under the matching rules.");
  return reasons;
}
