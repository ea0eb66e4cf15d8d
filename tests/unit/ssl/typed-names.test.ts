/**
 * The names a registrant types on the order page before their browser makes the key: what reaches
 * the CSR must be the names meant, as A-labels, once each, with a clear word when there is nothing
 * usable.
 */
import { describe, expect, it } from "vitest";
import { webcrypto } from "node:crypto";
import { MAX_TYPED_NAMES, parseTypedNames } from "@/lib/csr-names";
import { makeKeyAndCsr } from "@/lib/browser-csr";
import { inspectCsr } from "@/server/ssl/csr/inspect-csr";

describe("names typed for a browser-made key", () => {
  it("splits on commas and spaces, keeps the order, lowercases and drops repeats and trailing dots", () => {
    expect(parseTypedNames(" Shop.Example.com,www.shop.example.com.  shop.example.com;api.shop.example.com ")).toEqual({
      ok: true,
      names: ["shop.example.com", "www.shop.example.com", "api.shop.example.com"],
    });
  });

  it("turns internationalised names into the A-labels a CSR carries, wildcards included", () => {
    expect(parseTypedNames("bücher.example, *.bücher.example")).toEqual({
      ok: true,
      names: ["xn--bcher-kva.example", "*.xn--bcher-kva.example"],
    });
  });

  it("says what is wrong when nothing usable was typed", () => {
    expect(parseTypedNames(" , ")).toEqual({ ok: false, problem: "Type the names the certificate is for." });
    expect(parseTypedNames("exa mple.com ü<>.example")).toMatchObject({ ok: false, problem: /ü<>\.example/ });
    const many = Array.from({ length: MAX_TYPED_NAMES + 1 }, (_, i) => `n${i}.example.com`).join(" ");
    expect(parseTypedNames(many)).toMatchObject({ ok: false });
  });

  it("gives names the platform's CSR checks accept once the browser has made the request", async () => {
    const typed = parseTypedNames("Bücher.de, www.bücher.de");
    if (!typed.ok) throw new Error(typed.problem);
    const { csrPem } = await makeKeyAndCsr(typed.names, webcrypto.subtle as unknown as SubtleCrypto);
    const report = await inspectCsr(csrPem);
    expect(report.problems).toEqual([]);
    expect(report.names).toEqual(["xn--bcher-kva.de", "www.xn--bcher-kva.de"]);
  });
});
