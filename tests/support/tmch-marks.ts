/** A mark submission as an agent would send it, and a clock tests can move. */
import type { MarkSubmission } from "@/tmch-standin/index";

export function bloomSubmission(over: { name?: string; regDate?: string } = {}): MarkSubmission {
  return {
    name: over.name ?? "Bloom & Co",
    holder: {
      entitlement: "owner",
      org: "Bloom Co Ltd",
      addr: { street: ["1 Garden Row"], city: "Springfield", sp: "IL", pc: "62701", cc: "US" },
      email: "legal@bloom.example",
    },
    contacts: [
      {
        type: "agent",
        name: "Ada Agent",
        email: "ada@agents.example",
        addr: { street: ["2 Agent Way"], city: "Springfield", cc: "US" },
      },
    ],
    goodsAndServices: "Fresh cut flowers; florist services",
    details: {
      type: "trademark",
      jurisdiction: "US",
      classes: [31, 44],
      regNum: "5551212",
      regDate: over.regDate ?? "2020-03-01T00:00:00.000Z",
    },
  };
}

export const PROOF_OF_USE = {
  filename: "label.txt",
  mediaType: "text/plain" as const,
  contentBase64: Buffer.from("Bloom & Co - product label as used in commerce").toString("base64"),
};

export class TestClock {
  constructor(public at: Date) {}
  now = () => new Date(this.at);
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}
