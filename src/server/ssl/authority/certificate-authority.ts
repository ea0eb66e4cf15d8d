/**
 * The process's certificate authority, chosen by SSL_CA_ADAPTER: the commercial-CA stand-in over HTTP
 * (development, tests, `npm run dev`) or any ACME CA by configuration, its order memory kept on the
 * CertificateRequest rows. Tests install their own with setCertificateAuthorityForTests.
 */
import { readFileSync } from "node:fs";
import { env, type Env } from "@/env";
import { acmeCertificateAuthority } from "@/server/ssl/ca/acme/acme-certificate-authority";
import type { CertificateAuthorityPort } from "@/server/ssl/ca/port";
import { standInCertificateAuthority } from "@/server/ssl/ca/standin/standin-adapter";
import { dbAcmeOrders } from "./db-order-memory";

let current: CertificateAuthorityPort | null = null;
let forTests: CertificateAuthorityPort | null = null;

const pemFile = (file: string | undefined) => (file ? [readFileSync(file, "utf8")] : []);

function splitPems(pems: string[]): string[] {
  return pems.flatMap((p) => p.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []);
}

export function buildCertificateAuthority(e: Env): CertificateAuthorityPort {
  if (e.SSL_CA_ADAPTER === "standin")
    return standInCertificateAuthority({ baseUrl: e.SSL_CA_STANDIN_URL, apiKey: e.SSL_CA_STANDIN_API_KEY });
  if (!e.SSL_ACME_DIRECTORY_URL) throw new Error("SSL_CA_ADAPTER=acme needs SSL_ACME_DIRECTORY_URL.");
  const accountKeyPem =
    e.SSL_ACME_ACCOUNT_KEY ?? (e.SSL_ACME_ACCOUNT_KEY_FILE ? readFileSync(e.SSL_ACME_ACCOUNT_KEY_FILE, "utf8") : "");
  if (!accountKeyPem) throw new Error("SSL_CA_ADAPTER=acme needs SSL_ACME_ACCOUNT_KEY_FILE or SSL_ACME_ACCOUNT_KEY.");
  return acmeCertificateAuthority(
    {
      name: `acme:${new URL(e.SSL_ACME_DIRECTORY_URL).host}`,
      directoryUrl: e.SSL_ACME_DIRECTORY_URL,
      accountKeyPem,
      accountUrl: e.SSL_ACME_ACCOUNT_URL,
      contactEmail: e.SSL_ACME_CONTACT_EMAIL,
      externalAccountBinding:
        e.SSL_ACME_EAB_KID && e.SSL_ACME_EAB_HMAC_KEY
          ? { kid: e.SSL_ACME_EAB_KID, hmacKey: e.SSL_ACME_EAB_HMAC_KEY }
          : undefined,
      tlsCaPem: splitPems(pemFile(e.SSL_ACME_TLS_CA_FILE)),
      trustAnchorsPem: splitPems(pemFile(e.SSL_ACME_TRUST_ANCHORS_FILE)),
    },
    { orders: dbAcmeOrders() },
  );
}

export function certificateAuthority(): CertificateAuthorityPort {
  if (forTests) return forTests;
  current ??= buildCertificateAuthority(env());
  return current;
}

export function setCertificateAuthorityForTests(ca: CertificateAuthorityPort | null): void {
  forTests = ca;
}
