/**
 * Batch calls on any CA port: one request where the adapter offers a batch endpoint, one call per
 * item where it does not (ACME). Either way each item gets its own result, so a refused or lost item
 * never fails its neighbours, and a whole call that fails gives every item that call's error (with
 * mayHaveTakenEffect when it may have reached the CA: placing again by externalId finds the orders).
 */
import {
  CaError,
  type CaOrder,
  type CertificateAuthorityPort,
  type CertificateOrderRequest,
  type PerItem,
  type RevocationItem,
} from "./port";

/**
 * A refusal of the whole call says nothing about any one item (it may be the envelope, or a fault):
 * each item is left to be asked again on its own rather than refused (and refunded) on that guess.
 */
function notAVerdict(error: unknown): unknown {
  if (!(error instanceof CaError) || error.code !== "refused") return error;
  return new CaError("unavailable", `The CA refused the batch: ${error.message}`, error.mayHaveTakenEffect, {
    cause: error,
  });
}

const settled = <T>(p: Promise<T>): Promise<PerItem<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

async function inBatch<I, T>(
  items: I[],
  batch: ((items: I[]) => Promise<PerItem<T>[]>) | undefined,
  single: (item: I) => Promise<T>,
): Promise<PerItem<T>[]> {
  if (items.length === 0) return [];
  if (!batch) return Promise.all(items.map((item) => settled(single(item))));
  const whole = await settled(batch(items));
  if (whole.ok && whole.value.length === items.length) return whole.value;
  const error = whole.ok
    ? new CaError("unavailable", `The CA answered ${whole.value.length} results for ${items.length} items.`, true)
    : notAVerdict(whole.error);
  return items.map(() => ({ ok: false as const, error }));
}

export function placeOrders(
  ca: CertificateAuthorityPort,
  requests: CertificateOrderRequest[],
): Promise<PerItem<CaOrder>[]> {
  return inBatch(requests, ca.placeOrdersBatch?.bind(ca), (r) => ca.placeOrder(r));
}

export function revokeAll(ca: CertificateAuthorityPort, items: RevocationItem[]): Promise<PerItem<void>[]> {
  return inBatch(items, ca.revokeBatch?.bind(ca), (x) => ca.revoke(x.certificatePem, x.reason, x.serialNumber));
}
