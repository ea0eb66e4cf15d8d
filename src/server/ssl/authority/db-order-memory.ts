/**
 * The ACME adapter's order memory over CertificateRequest rows: the row exists (with its externalId,
 * CSR and DCV method) before the CA is asked, so remembering is recording the order URL on it. A
 * second process, or the same one after a restart, finds the order again by externalId.
 */
import { db } from "@/server/db";
import type { AcmeOrderMemory, AcmeOrderRecord } from "@/server/ssl/ca/acme/order-memory";
import type { DcvMethod } from "@/server/ssl/ca/port";

type Row = { externalId: string; caOrderId: string | null; csrPem: string; dcvMethod: string };

const toRecord = (row: Row | null): AcmeOrderRecord | undefined =>
  row?.caOrderId
    ? {
        externalId: row.externalId,
        caOrderId: row.caOrderId,
        csrPem: row.csrPem,
        dcvMethod: row.dcvMethod as DcvMethod,
      }
    : undefined;

const SELECT = { externalId: true, caOrderId: true, csrPem: true, dcvMethod: true } as const;

export function dbAcmeOrders(): AcmeOrderMemory {
  return {
    async byExternalId(externalId) {
      return toRecord(await db.certificateRequest.findUnique({ where: { externalId }, select: SELECT }));
    },
    async byOrderId(caOrderId) {
      return toRecord(await db.certificateRequest.findFirst({ where: { caOrderId }, select: SELECT }));
    },
    async remember(record) {
      const updated = await db.certificateRequest.updateMany({
        where: { externalId: record.externalId },
        data: { caOrderId: record.caOrderId },
      });
      if (updated.count === 0) throw new Error(`no certificate request ${record.externalId} to remember its order on`);
    },
  };
}
