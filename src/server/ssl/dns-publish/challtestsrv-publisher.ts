/**
 * Publishes DCV TXT records through pebble-challtestsrv's management API, so pebble's resolver (pointed
 * at challtestsrv with `-dnsserver`) sees them. For tests against pebble only.
 */
import type { DnsPublisher } from "@/server/ssl/ca/port";

export function challtestsrvPublisher(managementUrl: string): DnsPublisher {
  const base = managementUrl.replace(/\/+$/, "");

  async function post(path: string, body: Record<string, string>) {
    const response = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`challtestsrv ${path} answered ${response.status}: ${await response.text()}`);
  }

  // challtestsrv keys records by the fully qualified name with its trailing dot.
  const fqdn = (name: string) => `${name.toLowerCase().replace(/\.$/, "")}.`;

  return {
    async setTxt(name, value) {
      await post("/set-txt", { host: fqdn(name), value });
    },
    // challtestsrv clears every value at a name at once; a DCV name holds only our own records.
    async clearTxt(name) {
      await post("/clear-txt", { host: fqdn(name) });
    },
  };
}
