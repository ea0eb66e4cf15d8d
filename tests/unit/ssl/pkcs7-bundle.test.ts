/**
 * The issuance mail's PKCS#7 bundle is built by hand from the certificates' DER (decision 125): it must
 * be exactly what the X.509 library's CMS export makes of the same certificates, and openssl-readable.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadOrCreateChain } from "@/ca-standin/ca-chain";
import { signLeaf } from "@/ca-standin/sign-leaf";
import { x509 } from "@/server/ssl/csr/x509-runtime";
import { pkcs7BundlePem } from "@/server/ssl/requests/pkcs7-bundle";
import { makeCsr } from "../../integration/ssl/standin-helpers";

function libraryBundle(pems: string[]): string {
  return new x509.X509Certificates(pems.map((p) => new x509.X509Certificate(p)))
    .export("pem")
    .replace(/-----(BEGIN|END) CMS-----/g, "-----$1 PKCS7-----");
}

describe("the PKCS#7 certificate bundle", () => {
  it("has the library's bytes for a leaf and its chain, and openssl lists the certificates in order", async () => {
    const now = new Date();
    const chain = await loadOrCreateChain(undefined, now);
    // A SAN list long enough that the leaf's length takes two length bytes, and a short one.
    const many = Array.from({ length: 40 }, (_, i) => `n${i}.example.com`);
    for (const names of [["example.com"], many]) {
      const leaf = await signLeaf({
        chain,
        csrPem: (await makeCsr(names)).csrPem,
        names,
        level: "dv",
        validityDays: 90,
        now,
        crlUrl: "http://ca.test/crl",
      });
      const pems = [leaf.certificatePem, chain.intermediate.toString("pem"), chain.root.toString("pem")];
      const ours = pkcs7BundlePem(pems);
      expect(ours).toBe(libraryBundle(pems).trim());
      const listed = execFileSync("openssl", ["pkcs7", "-print_certs", "-noout"], { input: ours }).toString();
      expect(listed.match(/subject=/g)).toHaveLength(3);
      expect(listed.indexOf(`CN=${names[0]}`)).toBeLessThan(listed.indexOf("issuer=", listed.indexOf("subject=")));
    }
    expect(pkcs7BundlePem([])).toBe(libraryBundle([]).trim());
  });
});
