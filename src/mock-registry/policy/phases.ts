import type { LaunchPhaseName, TldPolicy } from "../config/tld-policy";
import { addDays } from "./dates";

export interface PhaseWindow {
  phase: LaunchPhaseName;
  start: number;
  end?: number;
}

export function phaseWindows(policy: TldPolicy, anchor: number): PhaseWindow[] {
  const sorted = [...policy.phases].sort((a, b) => a.startDay - b.startDay);
  return sorted.map((p, i) => ({
    phase: p.phase,
    start: addDays(anchor, p.startDay),
    end: i + 1 < sorted.length ? addDays(anchor, sorted[i + 1].startDay) : undefined,
  }));
}

/** Before the first configured phase a TLD is only announced. */
export function currentPhase(policy: TldPolicy, anchor: number, now: number): PhaseWindow {
  const windows = phaseWindows(policy, anchor);
  const found = windows.find((w) => w.start <= now && (w.end === undefined || now < w.end));
  return found ?? { phase: "announced", start: -Infinity, end: windows[0]?.start };
}
