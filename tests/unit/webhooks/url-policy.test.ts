/** Where webhooks may go: in production only public https targets (SSRF), anything http(s) in development. */
import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isPublicAddress } from "@/server/webhooks/outbox/url-policy";
import { publicOnlyLookup } from "@/server/webhooks/outbox/send-webhook";

const prod = (url: string) => checkWebhookUrl(url, { production: true });

describe("webhook URL policy", () => {
  it("accepts a public https URL in production", () => {
    expect(prod("https://shop.example.com/hooks?x=1")).toMatchObject({ ok: true });
    expect(prod("https://93.184.215.14/hooks")).toMatchObject({ ok: true });
    expect(prod("https://[2606:4700:4700::1111]/hooks")).toMatchObject({ ok: true });
  });

  it.each([
    ["http://shop.example.com/hooks", /https/],
    ["https://127.0.0.1/hooks", /private or reserved/],
    ["https://10.1.2.3/", /private or reserved/],
    ["https://172.20.0.1/", /private or reserved/],
    ["https://192.168.1.10/", /private or reserved/],
    ["https://169.254.169.254/latest/meta-data/", /private or reserved/],
    ["https://100.64.0.1/", /private or reserved/],
    ["https://0.0.0.0/", /private or reserved/],
    ["https://[::1]/", /private or reserved/],
    ["https://[fe80::1]/", /private or reserved/],
    ["https://[fd00::1]/", /private or reserved/],
    ["https://[::ffff:127.0.0.1]/", /private or reserved/],
    ["https://[::ffff:a9fe:a9fe]/", /private or reserved/],
    ["https://2130706433/", /private or reserved|public host name/],
    ["https://0x7f000001/", /private or reserved|public host name/],
    ["https://localhost/", /public host name|internal/],
    ["https://metadata.google.internal/", /internal/],
    ["https://printer.local/", /internal/],
    ["https://user:pw@shop.example.com/", /passwords/],
    ["ftp://shop.example.com/", /https/],
    ["not a url", /not a URL/],
  ])("refuses %s in production", (url, reason) => {
    const r = prod(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("lets development and tests send to a local http receiver", () => {
    expect(checkWebhookUrl("http://127.0.0.1:5790/hook", { production: false })).toMatchObject({ ok: true });
    expect(checkWebhookUrl("ftp://127.0.0.1/", { production: false })).toMatchObject({ ok: false });
  });

  it("tells public addresses from the rest, IPv4 inside IPv6 included", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("2001:4860:4860::8888")).toBe(true);
    for (const a of ["127.0.0.1", "10.0.0.1", "::1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "fe80::1%eth0", "nonsense"])
      expect(isPublicAddress(a), a).toBe(false);
  });

  it("refuses at connect time a host name that resolves to a private address", async () => {
    const lookup = (production: boolean) =>
      new Promise<unknown>((resolve, reject) =>
        publicOnlyLookup(production)("localhost", {}, (err, address) => (err ? reject(err) : resolve(address))),
      );
    await expect(lookup(true)).rejects.toThrow(/private or reserved/);
    await expect(lookup(false)).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
