/**
 * What the ACME adapter must remember between calls and ACME does not keep for us: the CSR (finalize
 * needs it, and getOrder receives only the order URL), the DCV method chosen, and which of our
 * externalIds made which order (so placing the same externalId twice returns the first order).
 * The service that wires the adapter in gives it a store over its certificate-order rows; the
 * in-memory one serves tests and one-process tools.
 */
import type { DcvMethod } from "../port";

export interface AcmeOrderRecord {
  externalId: string;
  caOrderId: string;
  csrPem: string;
  dcvMethod: DcvMethod;
}

export interface AcmeOrderMemory {
  byExternalId(externalId: string): Promise<AcmeOrderRecord | undefined>;
  byOrderId(caOrderId: string): Promise<AcmeOrderRecord | undefined>;
  remember(record: AcmeOrderRecord): Promise<void>;
}

export function inMemoryAcmeOrders(): AcmeOrderMemory {
  const byExternal = new Map<string, AcmeOrderRecord>();
  const byOrder = new Map<string, AcmeOrderRecord>();
  return {
    async byExternalId(externalId) {
      return byExternal.get(externalId);
    },
    async byOrderId(caOrderId) {
      return byOrder.get(caOrderId);
    },
    async remember(record) {
      byExternal.set(record.externalId, record);
      byOrder.set(record.caOrderId, record);
    },
  };
}
