/**
 * The other side of each transfer in: the rival registrar answers our requests (approves most,
 * rejects a seeded share) a few seconds after it first sees them, and our poll queue is read so the
 * answers reach the orders. The worker's
 * poll job does the same every five minutes; the run reads it every few seconds so a transfer
 * settles in seconds, with the same service.
 */
import { processPollMessages } from "../../src/server/domains/lifecycle-events/process-poll-messages";
import { recheckTransfersIn } from "../../src/server/domains/transfer-in/recheck-transfers-in";
import type { RegistryPort } from "../../src/server/registry";
import type { Random } from "./random";
import type { RegistryAdminClient } from "./registry-admin";

export class TransferDesk {
  readonly answered = new Map<string, "approve" | "reject">();
  private readonly firstSeen = new Map<string, number>();
  pollErrors = 0;
  lastPollError?: string;

  constructor(
    private readonly admin: RegistryAdminClient,
    private readonly rival: RegistryPort,
    private readonly random: Random,
    private readonly answerAfterMs: number,
    private readonly rejectShare = 0.15,
  ) {}

  private decision(name: string): "approve" | "reject" {
    return this.random.fork(name).chance(this.rejectShare) ? "reject" : "approve";
  }

  /** Answers every transfer we requested that is still pending, then reads our poll queue. */
  async tick(): Promise<void> {
    const pending = (await this.admin.domains("rival")).filter(
      (d) => d.transfer?.status === "pending" && d.transfer.requestedBy === "platform",
    );
    for (const d of pending) {
      if (!this.firstSeen.has(d.name)) this.firstSeen.set(d.name, Date.now());
      if (Date.now() - (this.firstSeen.get(d.name) as number) < this.answerAfterMs) continue;
      const op = this.decision(d.name);
      try {
        await this.rival.transferDomain({ op, name: d.name });
        this.answered.set(d.name, op);
      } catch {
        // Faults reach the rival too; the next tick tries again (2301 once an earlier answer landed).
      }
    }
    try {
      await processPollMessages();
      // The worker's recheck job does this every minute for names quiet for ten; the run asks sooner.
      await recheckTransfersIn({ olderThanMs: 3 * this.answerAfterMs + 5_000 });
    } catch (e) {
      this.pollErrors += 1;
      this.lastPollError = e instanceof Error ? e.message : String(e);
    }
  }
}
