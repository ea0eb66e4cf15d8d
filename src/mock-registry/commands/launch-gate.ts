/**
 * What the TLD's current launch phase demands of a create: a signed mark in sunrise, an application
 * in landrush, a claims notice for listed labels until the claims period ends, nothing once open.
 */
import type { TldPolicy } from "../config/tld-policy";
import type { LaunchCreate } from "../model/commands";
import type { ContactLink, LaunchRecord } from "../model/records";
import { fail } from "../model/result-codes";
import { checkClaimsNotice, checkSignedMark } from "../policy/launch-marks";
import type { PhaseWindow } from "../policy/phases";

export interface Gate {
  application: boolean;
  launch?: LaunchRecord;
}

export function gateCreate(
  policy: TldPolicy,
  label: string,
  window: PhaseWindow,
  launch: LaunchCreate | undefined,
  now: number,
): Gate {
  const phase = window.phase;
  if (phase === "announced") fail(2002, "The current registry phase does not allow for general registrations.");
  if (
    launch &&
    launch.phase.phase !== "custom" &&
    launch.phase.phase !== phase &&
    !(phase === "claims" && launch.phase.phase === "open")
  ) {
    fail(2306, `The declared launch phase '${launch.phase.phase}' does not match the current phase '${phase}'.`);
  }
  const marks = launch?.encodedSignedMarks ?? [];
  const notices = launch?.notices ?? [];
  if (phase === "sunrise") {
    if (marks.length === 0) fail(2002, "The current registry phase allows registrations only with signed marks.");
    const { labels } = checkSignedMark(marks[0], label, now);
    return { application: launch?.type === "application", launch: { phase: "sunrise", markLabels: labels } };
  }
  if (marks.length > 0) fail(2002, "Signed marks are only allowed during sunrise.");
  if (phase === "landrush" && !launch)
    fail(2002, "The current registry phase does not allow for general registrations.");
  const listed = policy.claims[label] !== undefined;
  if (phase === "open") {
    if (notices.length > 0) fail(2304, "The claims period for this TLD has ended.");
    return { application: false };
  }
  if (listed && notices.length === 0) fail(2304, "Requested domain requires a claims notice.");
  if (!listed && notices.length > 0) fail(2304, "Requested domain does not require a claims notice.");
  if (notices[0]) checkClaimsNotice(notices[0], label, now);
  const noticeId = notices[0]?.noticeId;
  if (phase === "landrush") return { application: true, launch: { phase: "landrush", noticeId } };
  return { application: false, launch: noticeId ? { phase: "claims", noticeId } : undefined };
}

/**
 * Sunrise and landrush creates name the registrant, admin and technical contacts whatever the TLD's
 * general policy, as registries running launch phases require: an application is validated and
 * allocated to a person (standards.md 1.9). A TLD that takes no contacts at all is left alone.
 */
export function checkLaunchContacts(
  policy: TldPolicy,
  window: PhaseWindow,
  registrant: string | undefined,
  contacts: ContactLink[],
): void {
  if (policy.contacts === "prohibited" || (window.phase !== "sunrise" && window.phase !== "landrush")) return;
  const roles = new Set(contacts.map((c) => c.type));
  if (!registrant) fail(2003, "Registrant is required for a launch phase create.");
  if (!roles.has("admin")) fail(2003, "Admin contact is required for a launch phase create.");
  if (!roles.has("tech")) fail(2003, "Technical contact is required for a launch phase create.");
}
