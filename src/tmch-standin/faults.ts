/** The TMCH stand-in's operations that faults can target (the mechanism: src/standin-kit/faults.ts). */
import { Faults as StandInFaults } from "../standin-kit/faults";

export { FAULT_MODES, type FaultMode, type FaultSpec } from "../standin-kit/faults";

export type FaultScope = "submit" | "getMark" | "correct" | "renew" | "proofOfUse" | "lists" | "cnis" | "all";
export const FAULT_SCOPES: FaultScope[] = [
  "submit",
  "getMark",
  "correct",
  "renew",
  "proofOfUse",
  "lists",
  "cnis",
  "all",
];

export class Faults extends StandInFaults<Exclude<FaultScope, "all">> {}
