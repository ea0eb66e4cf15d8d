/**
 * A sandbox name is deleted at the sandbox registry before its row goes (decision 126): a row
 * deleted alone leaves the name registered there, and the next test registration of it is refused.
 * The sandbox registry purges a deleted name at once (the mock is told to, as OT&E environments let
 * a registrar start over); one that keeps it in redemption frees it when redemption ends.
 * Unrecorded: the name's command log is deleted with it.
 */
import type { DomainState } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { EppError, type RegistryPort } from "@/server/registry";
import { getRegistry, inSandbox } from "@/server/registry/access";

/** Registered at the registry under our account; other states name nothing there we could delete. */
const AT_REGISTRY: ReadonlySet<DomainState> = new Set([
  "active",
  "expired",
  "pending_transfer_out",
  "redemption",
  "pending_delete",
]);

/** Nothing of ours at the registry under that name (gone, or another registrar's). */
const NOT_OURS = new Set([2201, 2303]);

/**
 * released: the registry has no name of ours left; pending: it holds the name in redemption and will
 * purge it itself; kept: it did not delete it (no answer, a lock), so the row stays for the next sweep.
 */
export type NameRelease = "released" | "pending" | "kept";

export type SandboxDomain = { id: string; name: string; state: DomainState; nameservers: string[] };

export async function releaseSandboxName(domain: SandboxDomain): Promise<NameRelease> {
  if (!AT_REGISTRY.has(domain.state)) return "released";
  return inSandbox(async () => {
    const port = (await getRegistry()).forDomain(domain.name);
    await removeGlueHosts(port, domain);
    try {
      const r = await port.deleteDomain({ name: domain.name });
      return r.data.pending ? "pending" : "released";
    } catch (e) {
      if (e instanceof EppError && NOT_OURS.has(e.code)) return "released";
      return "kept";
    }
  });
}

/**
 * The registry refuses to delete a domain with hosts under it (2305). Failures here are left to the
 * delete: a host another name still uses makes it refuse, and the row waits for the next sweep.
 */
async function removeGlueHosts(port: RegistryPort, domain: SandboxDomain): Promise<void> {
  const hosts = await db.host.findMany({ where: { domainId: domain.id }, select: { name: true } });
  if (!hosts.length) return;
  const linked = hosts.map((h) => h.name).filter((h) => domain.nameservers.includes(h));
  if (linked.length)
    await port.updateDomain({ name: domain.name, remove: { nameservers: linked } }).catch(() => undefined);
  for (const h of hosts) await port.deleteHost({ name: h.name }).catch(() => undefined);
}
