/**
 * What a TLD's launch phase means for someone buying a name now: a short badge and one sentence.
 * The registry's phase names ("claims", "sunrise") are not words a buyer knows.
 */
const PHASES: Record<string, { badge: string; explanation: string }> = {
  claims: {
    badge: "Trademark notice period",
    explanation: "A trademark matches this name: you read and accept a notice at checkout.",
  },
  sunrise: {
    badge: "Trademark holders only",
    explanation: "Only holders of a matching registered trademark can apply for now.",
  },
  landrush: {
    badge: "Early access",
    explanation: "Open early at a higher price; the name goes to the highest bid if several apply.",
  },
  announced: {
    badge: "Coming soon",
    explanation: "This extension has been announced but does not take registrations yet.",
  },
};

/** Null for the general availability phase ("open") or none at all: nothing to explain then. */
export function launchPhaseWords(phase: string | undefined | null): { badge: string; explanation: string } | null {
  if (!phase || phase === "open") return null;
  return PHASES[phase] ?? { badge: "Launch period", explanation: "This extension is in a launch period." };
}
