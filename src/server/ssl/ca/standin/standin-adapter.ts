/**
 * CertificateAuthorityPort over the commercial-CA stand-in's HTTP API (src/ca-standin). Beyond the
 * port it offers what resellers' APIs have and the ACME adapter does not need: reissue on the same
 * order, certificate status, and the CRL.
 */
import { z } from "zod";
import type { CaOrder, CertificateAuthorityPort, CertificateOrderRequest, RevocationReason } from "../port";
import { callStandIn, type StandInHttpOptions } from "./standin-http";
import { caOrderSchema, chainSchema, statusSchema, toCaOrder } from "./standin-schemas";

export type CertificateStatus = z.infer<typeof statusSchema>;

export type StandInCertificateAuthority = CertificateAuthorityPort & {
  reissue(caOrderId: string, csrPem: string, names?: string[]): Promise<CaOrder>;
  certificateStatus(serialNumber: string): Promise<CertificateStatus>;
  crlUrl(): string;
};

const enc = encodeURIComponent;

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
    async trustAnchorsPem() {
      return [(await callStandIn(o, "GET", "/v1/ca/chain", chainSchema)).rootPem];
    },
    crlUrl: () => `${o.baseUrl.replace(/\/$/, "")}/crl/intermediate.crl`,
  };
}
