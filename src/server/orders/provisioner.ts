/**
 * The contract between the fulfilment dispatcher and the code that carries out one kind of order
 * item (`provisioners/<kind>.ts`, each exporting `provisioner: Provisioner`, listed in
 * `provisioners/index.ts`).
 *
 * The dispatcher owns everything common to every kind: the item's state machine, the money (the hold
 * is captured on completion, released on failure, the registrant refunded), retries with backoff,
 * the registry operation log's context and the mail when the order ends. A provisioner owns only the
 * registry steps for its kind and the records they produce, which it writes in `commit` so they land
 * in the same transaction as the item's new state.
 *
 * Failures:
 * - return `{ status: "failed" }`, or throw an `EppError` that is not retryable (2xxx other than
 *   2400): permanent, the item fails and is refunded;
 * - throw a retryable `EppError` (2400, 25xx) or a `RegistryTransportError`: the job runs again
 *   later. When the error says the command may have taken effect, the next run has
 *   `uncertain: true` and must ask the registry (`info`) before sending the command again, so a
 *   create or renew that succeeded before its response was lost is never repeated.
 */
import type { Order, OrderItem, Product } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import type { RegistryRouter } from "@/server/registry";

export type ProvisionItem = OrderItem & {
  order: Pick<Order, "id" | "resellerId" | "registrantId" | "currency" | "createdAt">;
  product: Pick<Product, "code" | "name" | "registryOperator"> & Partial<Pick<Product, "dnssec">>;
};

export interface ProvisionJob {
  item: ProvisionItem;
  /** 1 on the first run; each retry counts up. */
  attempt: number;
  /** An earlier attempt ended without knowing whether the registry acted: look before acting. */
  uncertain: boolean;
  /** When this item's fulfilment first started (a registry object created after it may be ours). */
  startedAt: Date;
  /** Ports with the operation log bound to this item (reseller, order item, system actor). */
  registry: RegistryRouter;
}

/** Runs inside the transaction that moves the item to its new state. */
export type CommitStep = (tx: Tx) => Promise<void>;

export type ProvisionResult =
  | {
      status: "completed";
      message: string;
      /** What the registry actually charged, if it differs from the quote. */ registryCost?: number;
      commit?: CommitStep;
    }
  | { status: "pending_registry"; message: string; commit?: CommitStep }
  | { status: "failed"; reason: string; commit?: CommitStep };

export type Provisioner = (job: ProvisionJob) => Promise<ProvisionResult>;

/**
 * Thrown by a provisioner that must wait for something else (another item of the order, a service
 * other than a registry that could not be reached): run again later. `mayHaveTakenEffect` says a
 * request to that service may have acted, so the item is uncertain (parked, never refunded, when
 * retries run out), as a registry command that may have acted makes it.
 */
export class ProvisionLater extends Error {
  readonly mayHaveTakenEffect: boolean;
  constructor(message: string, opts: { mayHaveTakenEffect?: boolean; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "ProvisionLater";
    this.mayHaveTakenEffect = opts.mayHaveTakenEffect ?? false;
  }
}
