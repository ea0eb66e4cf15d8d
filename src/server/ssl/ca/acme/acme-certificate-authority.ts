/**
 * The certificate-authority port over ACME (RFC 8555) with acme-client, which does the JWS signing,
 * nonces and External Account Binding. Any ACME CA is a configuration (see config.ts). The order URL
 * is the caOrderId. ACME certificates are domain-validated only; OV/EV and email DCV are refused.
 */
import https from "node:https";
import tls from "node:tls";
import * as acme from "acme-client";
import {
  CaError,
  type CaOrder,
  type CertificateAuthorityPort,
  type CertificateOrderRequest,
  type RevocationReason,
} from "../port";
import { ACME_CHALLENGE_TYPE, pickChallenge, toDcvChallenge, type AcmeChallengeType } from "./challenges";
import { acmeCaConfigSchema, type AcmeCaConfigInput } from "./config";
import { runInAcmeScope, type AcmeCallScope } from "./http-context";
import { problemType, toCaError } from "./map-error";
import { inMemoryAcmeOrders, type AcmeOrderMemory, type AcmeOrderRecord } from "./order-memory";
import { readIssuedCertificate } from "./read-issued-certificate";

/** RFC 5280 §5.3.1 CRLReason codes, as ACME's revokeCert `reason` carries them (RFC 8555 §7.6). */
const REASON_CODE: Record<RevocationReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
};

const FINALIZE_POLL_MS = 200;

type AcmeRevocationReason = NonNullable<Parameters<acme.Client["revokeCertificate"]>[1]>["reason"];

export interface AcmeCertificateAuthority extends CertificateAuthorityPort {
  /** Registers the account (with EAB when configured) or finds it again; returns the account URL. */
  ensureAccount(): Promise<string>;
}

export interface AcmeAdapterDeps {
  orders?: AcmeOrderMemory;
}

export function acmeCertificateAuthority(
  input: AcmeCaConfigInput,
  deps: AcmeAdapterDeps = {},
): AcmeCertificateAuthority {
  const config = acmeCaConfigSchema.parse(input);
  const orders = deps.orders ?? inMemoryAcmeOrders();
  const agent = new https.Agent({
    // One TLS handshake per CA rather than two per call (nonce HEAD, then the signed POST).
    keepAlive: true,
    timeout: config.requestTimeoutMs,
    // Built once: parsing Node's ~150 public roots again for every connection costs more than the request.
    ...(config.tlsCaPem.length > 0
      ? { secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, ...config.tlsCaPem] }) }
      : {}),
  });
  const client = new acme.Client({
    directoryUrl: config.directoryUrl,
    accountKey: config.accountKeyPem,
    accountUrl: config.accountUrl,
    externalAccountBinding: config.externalAccountBinding,
  });
  let account: Promise<string> | undefined = config.accountUrl ? Promise.resolve(config.accountUrl) : undefined;

  async function call<T>(effectful: boolean, fn: (scope: AcmeCallScope) => Promise<T>): Promise<T> {
    const scope: AcmeCallScope = { agent, timeoutMs: config.requestTimeoutMs };
    try {
      return await runInAcmeScope(scope, () => fn(scope));
    } catch (error) {
      throw toCaError(error, scope, effectful);
    }
  }

  function ensureAccount(): Promise<string> {
    account ??= call(true, async () => {
      await client.createAccount({
        // Configuring a CA for the platform is the operator's acceptance of that CA's subscriber terms.
        termsOfServiceAgreed: true,
        ...(config.contactEmail ? { contact: [`mailto:${config.contactEmail}`] } : {}),
      });
      return client.getAccountUrl();
    });
    const pending = account;
    pending.catch(() => {
      if (account === pending) account = undefined;
    });
    return pending;
  }

  async function fetchOrder(caOrderId: string): Promise<acme.Order> {
    return client.getOrder({ url: caOrderId } as acme.Order);
  }

  async function recordOf(caOrderId: string): Promise<AcmeOrderRecord> {
    const record = await orders.byOrderId(caOrderId);
    if (!record) throw new CaError("not_found", `No CSR is on record for ACME order ${caOrderId}.`);
    return record;
  }

  async function waitWhileProcessing(order: acme.Order): Promise<acme.Order> {
    const deadline = Date.now() + config.finalizeWaitMs;
    let current = order;
    while (current.status === "processing" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, FINALIZE_POLL_MS));
      current = await fetchOrder(order.url);
    }
    return current;
  }

  /** The port's view of an order; with `advance`, a ready order is finalized and a valid one downloaded. */
  async function view(order: acme.Order, record: AcmeOrderRecord, advance: boolean): Promise<CaOrder> {
    let current = order;
    if (advance && current.status === "ready") {
      current = await client.finalizeOrder(current, record.csrPem);
      current = await waitWhileProcessing(current);
    } else if (advance && current.status === "processing") {
      current = await waitWhileProcessing(current);
    }
    const type: AcmeChallengeType = ACME_CHALLENGE_TYPE[record.dcvMethod] ?? "dns-01";
    const authorizations = await client.getAuthorizations(current);
    const challenges = await Promise.all(authorizations.map((authz) => toDcvChallenge(client, authz, type)));
    const base = { caOrderId: current.url, challenges };
    switch (current.status) {
      case "pending":
        return { ...base, state: "pending_validation" };
      case "ready":
      case "processing":
        return { ...base, state: "processing" };
      case "valid": {
        if (!advance) return { ...base, state: "processing" };
        const chain = await client.getCertificate(current);
        return { ...base, state: "issued", certificate: readIssuedCertificate(chain) };
      }
      case "invalid": {
        const failed = challenges.find((c) => c.error)?.error;
        const orderError = (current.error as { detail?: string } | undefined)?.detail;
        return {
          ...base,
          state: "rejected",
          rejectionReason: orderError ?? failed ?? "The CA marked the order invalid.",
        };
      }
    }
  }

  return {
    name: config.name,
    ensureAccount,

    async placeOrder(request: CertificateOrderRequest): Promise<CaOrder> {
      if (request.level !== "dv")
        throw new CaError("refused", "ACME issues domain-validated certificates only (no OV or EV).");
      if (!ACME_CHALLENGE_TYPE[request.dcvMethod])
        throw new CaError("refused", "ACME validates domain control by DNS TXT or HTTP file, not by email.");
      const known = await orders.byExternalId(request.externalId);
      if (known) return call(false, async () => view(await fetchOrder(known.caOrderId), known, false));
      await ensureAccount();
      const created = await call(true, () =>
        client.createOrder({ identifiers: request.names.map((value) => ({ type: "dns", value })) }),
      );
      const record: AcmeOrderRecord = {
        externalId: request.externalId,
        caOrderId: created.url,
        csrPem: request.csrPem,
        dcvMethod: request.dcvMethod,
      };
      await orders.remember(record);
      return call(false, () => view(created, record, false));
    },

    async getOrder(caOrderId: string): Promise<CaOrder> {
      const record = await recordOf(caOrderId);
      await ensureAccount();
      return call(true, async () => view(await fetchOrder(caOrderId), record, true));
    },

    async confirmChallenge(caOrderId: string, name: string): Promise<CaOrder> {
      const record = await recordOf(caOrderId);
      const type: AcmeChallengeType = ACME_CHALLENGE_TYPE[record.dcvMethod] ?? "dns-01";
      const identifier = name.toLowerCase().replace(/^\*\./, "");
      await ensureAccount();
      return call(true, async () => {
        const order = await fetchOrder(caOrderId);
        const authorizations = (await client.getAuthorizations(order)).filter((a) => a.identifier.value === identifier);
        if (authorizations.length === 0)
          throw new CaError("not_found", `Order ${caOrderId} has no authorization for ${name}.`);
        // A name and its wildcard are two authorizations of one identifier whose TXT records share one DNS
        // name, so confirming the name confirms both: publish every record of the order before confirming.
        for (const authz of authorizations) {
          const challenge = pickChallenge(authz, type);
          if (authz.status === "pending" && challenge?.status === "pending") await client.completeChallenge(challenge);
        }
        return view(await fetchOrder(caOrderId), record, false);
      });
    },

    async revoke(certificatePem: string, reason: RevocationReason): Promise<void> {
      await ensureAccount();
      await call(true, async (scope) => {
        try {
          await client.revokeCertificate(certificatePem, {
            reason: REASON_CODE[reason] as AcmeRevocationReason,
          });
        } catch (error) {
          // Revoking twice (a retry after an uncertain answer) has reached the state asked for.
          if (problemType(scope) === "alreadyRevoked") return;
          throw error;
        }
      });
    },

    async trustAnchorsPem(): Promise<string[]> {
      return config.trustAnchorsPem;
    },
  };
}
