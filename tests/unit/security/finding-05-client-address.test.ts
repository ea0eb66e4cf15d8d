import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/server/auth/client-address";

describe("security finding 05: the per-address key trusts the first X-Forwarded-For value", () => {
  it("takes the socket's peer, the right-most entry, when no proxy is trusted", () => {
    expect(clientAddressFrom("6.6.6.6, 7.7.7.7, 198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientAddressFrom("198.51.100.7", 0)).toBe("198.51.100.7");
  });

  it("skips one hop per trusted proxy and nothing more", () => {
    expect(clientAddressFrom("6.6.6.6, 203.0.113.5, 10.0.0.2", 1)).toBe("203.0.113.5");
    expect(clientAddressFrom("6.6.6.6, 203.0.113.5, 10.0.0.3, 10.0.0.2", 2)).toBe("203.0.113.5");
  });

  it("falls back to the furthest hop when the chain is shorter than configured", () => {
    expect(clientAddressFrom("203.0.113.5", 2)).toBe("203.0.113.5");
    expect(clientAddressFrom(null, 0)).toBe("unknown");
  });

  it("treats an IPv4 peer of a dual-stack socket as the IPv4 address", () => {
    expect(clientAddressFrom("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("appends the socket's peer after whatever X-Forwarded-For the client sent", () => {
    const preload = path.resolve(__dirname, "../../../scripts/lib/peer-address.mjs");
    const script = `
      const http = require("node:http");
      const s = http.createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
      s.listen(0, "127.0.0.1", async () => {
        const url = "http://127.0.0.1:" + s.address().port + "/";
        const plain = await fetch(url).then((r) => r.text());
        const spoofed = await fetch(url, { headers: { "x-forwarded-for": "6.6.6.6" } }).then((r) => r.text());
        process.stdout.write(JSON.stringify([plain, spoofed]));
        s.close();
      });`;
    const out = JSON.parse(
      execFileSync(process.execPath, ["--import", preload, "-e", script], { encoding: "utf8" }),
    ) as string[];
    expect(out.map((xff) => clientAddressFrom(xff, 0))).toEqual(["127.0.0.1", "127.0.0.1"]);
    expect(out[1]).toMatch(/^6\.6\.6\.6, /);
  });
});
