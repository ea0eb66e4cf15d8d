/** A registry's check answer, in the storefront's terms: availability and a reason in words. */
import type { DomainCheck } from "@/server/registry";
import type { Availability } from "./types";

const PHASE_TEXT: Record<string, string> = {
  sunrise: "In its sunrise period: only trademark holders with a validated mark can register now.",
  landrush: "In its landrush period: names are taken as applications and contested ones go to auction.",
};

export function classifyCheck(check: DomainCheck | null, tld: string): { availability: Availability; reason?: string } {
  if (!check)
    return {
      availability: "unknown",
      reason: `We could not reach the .${tld} registry just now. Try again in a moment.`,
    };
  if (check.available) {
    const phaseText = check.phase ? PHASE_TEXT[check.phase] : undefined;
    return phaseText ? { availability: "not_open", reason: phaseText } : { availability: "available" };
  }
  const reason = check.reason ?? "Not available";
  if (/^in use/i.test(reason)) return { availability: "taken", reason: "Already registered." };
  if (/^reserved/i.test(reason)) return { availability: "reserved", reason: "Reserved by the registry." };
  if (/^not open/i.test(reason) || /phase is not current/i.test(reason)) return { availability: "not_open", reason };
  return { availability: "unavailable", reason };
}
