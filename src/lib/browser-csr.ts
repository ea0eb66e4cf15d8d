/**
 * A key pair and a PKCS#10 certificate signing request made with Web Crypto, for the registrant's
 * browser (issue 13): ECDSA P-256, the first name as the subject's CN and every name as a DNS SAN,
 * signed with SHA-256. The private key is exported for the registrant to save and never leaves the
 * page. The DER is written here (a few fixed structures) rather than by an X.509 library, so the
 * pages ship no ASN.1 framework and this runs the same in Node's webcrypto for the tests.
 */

const OID = {
  commonName: [2, 5, 4, 3],
  extensionRequest: [1, 2, 840, 113549, 1, 9, 14],
  subjectAltName: [2, 5, 29, 17],
  ecdsaWithSha256: [1, 2, 840, 10045, 4, 3, 2],
};

function length(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return [0x80 | bytes.length, ...bytes];
}

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = concat(parts);
  return concat([new Uint8Array([tag, ...length(body.length)]), body]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function oid(arcs: number[]): Uint8Array {
  const bytes = [40 * arcs[0] + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const groups = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) groups.unshift((v & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, new Uint8Array(bytes));
}

const seq = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
const ascii = (s: string) => new TextEncoder().encode(s);

/** A DER INTEGER from unsigned big-endian bytes: leading zeros dropped, one added when the top bit is set. */
function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const v = bytes.slice(start);
  return tlv(0x02, v[0] & 0x80 ? concat([new Uint8Array([0]), v]) : v);
}

function pem(label: string, der: Uint8Array): string {
  let binary = "";
  for (const b of der) binary += String.fromCharCode(b);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export type BrowserCsr = { csrPem: string; privateKeyPem: string };

export async function makeKeyAndCsr(
  names: string[],
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<BrowserCsr> {
  if (names.length === 0) throw new Error("A certificate needs at least one name.");
  const keys = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const spki = new Uint8Array(await subtle.exportKey("spki", keys.publicKey));
  const pkcs8 = new Uint8Array(await subtle.exportKey("pkcs8", keys.privateKey));
  const subject = seq(tlv(0x31, seq(oid(OID.commonName), tlv(0x0c, ascii(names[0])))));
  const sans = seq(...names.map((n) => tlv(0x82, ascii(n))));
  const extensions = seq(seq(oid(OID.subjectAltName), tlv(0x04, sans)));
  const attributes = tlv(0xa0, seq(oid(OID.extensionRequest), tlv(0x31, extensions)));
  const info = seq(tlv(0x02, new Uint8Array([0])), subject, spki, attributes);
  // Web Crypto signs ECDSA as r‖s (32 bytes each for P-256); X.509 wants SEQUENCE { INTEGER r, INTEGER s }.
  const raw = new Uint8Array(
    await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, keys.privateKey, info as Uint8Array<ArrayBuffer>),
  );
  const signature = seq(unsignedInteger(raw.slice(0, 32)), unsignedInteger(raw.slice(32)));
  const csr = seq(info, seq(oid(OID.ecdsaWithSha256)), tlv(0x03, new Uint8Array([0]), signature));
  return { csrPem: pem("CERTIFICATE REQUEST", csr), privateKeyPem: pem("PRIVATE KEY", pkcs8) };
}
