/**
 * CertificateAuthorityPort over the commercial-CA stand-in's HTTP API (src/ca-standin). Beyond the
 * port it offers what resellers' APIs have and the ACME adapter does not need: reissue on the same
 * order, certificate status, and the CRL.
 */
import { z } from "zod";
import type { CaOrder, CertificateAuthorityPort, CertificateOrderRequest, PerItem, RevocationReason } from "../port";
import { caErrorOf, callStandIn, type StandInHttpOptions } from "./standin-http";
import {
  caOrderSchema,
  chainSchema,
  orderBatchSchema,
  revokeBatchSchema,
  statusSchema,
  toCaOrder,
} from "./standin-schemas";

export type CertificateStatus = z.infer<typeof statusSchema>;

export type StandInCertificateAuthority = CertificateAuthorityPort & {
  reissue(caOrderId: string, csrPem: string, names?: string[]): Promise<CaOrder>;
  certificateStatus(serialNumber: string): Promise<CertificateStatus>;
  crlUrl(): string;
};

const enc = encodeURIComponent;

/** The stand-in's batch endpoints take at most this many items per call. */
export const STANDIN_BATCH_MAX = 100;

type ItemAnswer<T> = { status: 200; value: T } | { status: number; error: { message: string } };

// Each item's error is the one a single call with that status would have thrown: a 500 on one
// item may have taken effect, so the caller asks again by externalId rather than assume nothing.
const perItem = <T>(answers: ItemAnswer<T>[]): PerItem<T>[] =>
  answers.map((a) =>
    "value" in a ? { ok: true, value: a.value } : { ok: false, error: caErrorOf(a.status, a.error.message, true) },
  );

async function inSlices<I, T>(items: I[], call: (slice: I[]) => Promise<PerItem<T>[]>): Promise<PerItem<T>[]> {
  const out: PerItem<T>[] = [];
  for (let i = 0; i < items.length; i += STANDIN_BATCH_MAX)
    out.push(...(await call(items.slice(i, i + STANDIN_BATCH_MAX))));
  return out;
}

export function standInCertificateAuthority(o: StandInHttpOptions): StandInCertificateAuthority {
  const order = async (method: "GET" | "POST", path: string, body?: unknown) =>
    toCaOrder(await callStandIn(o, method, path, caOrderSchema, body));
  return {
    name: "ca-standin",
    placeOrder: (request: CertificateOrderRequest) => order("POST", "/v1/orders", request),
    getOrder: (caOrderId) => order("GET", `/v1/orders/${enc(caOrderId)}`),
    confirmChallenge: (caOrderId, name) => order("POST", `/v1/orders/${enc(caOrderId)}/challenges/confirm`, { name }),
    reissue: (caOrderId, csrPem, names) => order("POST", `/v1/orders/${enc(caOrderId)}/reissue`, { csrPem, names }),
    async revoke(certificatePem: string, reason: RevocationReason, serialNumber?: string) {
      await callStandIn(
        o,
        "POST",
        "/v1/certificates/revoke",
        statusSchema,
        serialNumber ? { serialNumber, reason } : { certificatePem, reason },
      );
    },
    certificateStatus: (serialNumber) =>
      callStandIn(o, "GET", `/v1/certificates/${enc(serialNumber)}/status`, statusSchema),
    placeOrdersBatch: (requests) =>
      inSlices(requests, async (orders) => {
        const { results } = await callStandIn(o, "POST", "/v1/orders/batch", orderBatchSchema, { orders });
        return perItem(results.map((r) => ("order" in r ? { status: 200, value: toCaOrder(r.order) } : r)));
      }),
    revokeBatch: (items) =>
      inSlices(items, async (slice) => {
        const certificates = slice.map((x) =>
          x.serialNumber
            ? { serialNumber: x.serialNumber, reason: x.reason }
            : { certificatePem: x.certificatePem, reason: x.reason },
        );
        const { results } = await callStandIn(o, "POST", "/v1/certificates/revoke/batch", revokeBatchSchema, {
          certificates,
        });
        return perItem(results.map((r) => ("certificate" in r ? { status: 200, value: undefined } : r)));
      }),
    async trustAnchorsPem() {
      return [(await callStandIn(o, "GET", "/v1/ca/chain", chainSchema)).rootPem];
    },
    crlUrl: () => `${o.baseUrl.replace(/\/$/, "")}/crl/intermediate.crl`,
  };
}
