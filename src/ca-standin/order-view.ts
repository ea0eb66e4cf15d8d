/** An order as the API shows it: the shape of the platform's CaOrder, plus the stand-in's own fields. */
import type { CaChain } from "./ca-chain";
import type { Order, StandInState } from "./model";

// The intermediate's PEM, encoded once per chain rather than once per answer.
const intermediatePem = new WeakMap<CaChain, string>();

function chainPemOf(chain: CaChain): string {
  let pem = intermediatePem.get(chain);
  if (pem === undefined) intermediatePem.set(chain, (pem = chain.intermediate.toString("pem")));
  return pem;
}

export function orderView(order: Order, state: StandInState, chain: CaChain) {
  const serial = order.serials[order.serials.length - 1];
  const cert = serial ? state.certificates[serial] : undefined;
  return {
    caOrderId: order.id,
    externalId: order.externalId,
    product: order.product,
    level: order.level,
    names: order.names,
    state: order.state,
    challenges: order.challenges.map((c) => ({
      name: c.name,
      method: c.method,
      state: c.state,
      ...(c.dnsRecordName ? { dnsRecordName: c.dnsRecordName, dnsRecordValue: c.dnsRecordValue } : {}),
      ...(c.httpPath ? { httpPath: c.httpPath, httpBody: c.httpBody } : {}),
      ...(c.emailAddress ? { emailAddress: c.emailAddress } : {}),
      ...(c.error ? { error: c.error } : {}),
    })),
    ...(order.organisationState ? { organisationState: order.organisationState } : {}),
    ...(order.rejectionReason ? { rejectionReason: order.rejectionReason } : {}),
    ...(cert
      ? {
          certificate: {
            serialNumber: cert.serialNumber,
            certificatePem: cert.certificatePem,
            chainPem: [chainPemOf(chain)],
            notBefore: cert.notBefore,
            notAfter: cert.notAfter,
            spkiSha256: cert.spkiSha256,
          },
        }
      : {}),
    previousSerials: order.serials.slice(0, -1),
  };
}
