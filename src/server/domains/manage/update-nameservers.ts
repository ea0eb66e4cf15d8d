/**
 * Replaces a domain's name servers. Name servers are host objects at the registry: missing external
 * hosts are created, hosts under the domain itself are created or updated with their glue addresses
 * (and recorded as Host rows), then one domain update adds and removes the difference.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { callRegistry } from "@/server/registry/access";
import { applyDomainChange, type ManageResult } from "./apply-change";
import { assertManageable, getDomainOrThrow } from "./get-domain-or-throw";
import { isSubordinate, nameserverProblems, type NameserverInput } from "./rules";
import type { Domain } from "@/generated/prisma/client";

export async function updateNameservers(
  ctx: ActorContext,
  input: { domainId: string; nameservers: NameserverInput[] },
): Promise<ManageResult> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  assertManageable(domain, "change name servers");
  const list = input.nameservers.map((n) => ({
    host: n.host.trim().toLowerCase().replace(/\.$/, ""),
    addresses: [...new Set(n.addresses)],
  }));
  const problems = nameserverProblems(domain.name, list);
  if (Object.keys(problems).length)
    throw new AppError("INVALID_INPUT", "Some name servers are not valid.", { fields: problems });

  for (const ns of list) await ensureHost(ctx, domain, ns);
  const wanted = list.map((n) => n.host);
  const add = wanted.filter((h) => !domain.nameservers.includes(h));
  const remove = domain.nameservers.filter((h) => !wanted.includes(h));
  let words = "The name servers were already set like this.";
  let code = 1000;
  if (add.length || remove.length) {
    const r = await callRegistry(ctx, domain, "updateDomain", {
      name: domain.name,
      add: { nameservers: add },
      remove: { nameservers: remove },
    });
    words = r.words;
    code = r.code;
  }
  await applyDomainChange(
    ctx,
    domain,
    "domain.nameservers",
    { nameservers: wanted, lastSyncedAt: new Date() },
    { before: { nameservers: domain.nameservers }, after: { nameservers: wanted } },
  );
  return { code, message: `Name servers updated. ${words}` };
}

async function ensureHost(ctx: ActorContext, domain: Domain, ns: NameserverInput): Promise<void> {
  const subordinate = isSubordinate(ns.host, domain.name);
  const known = subordinate ? await db.host.findUnique({ where: { name: ns.host } }) : null;
  if (known && known.domainId !== domain.id) throw new AppError("CONFLICT", `${ns.host} belongs to another domain.`);
  if (known) {
    const add = ns.addresses.filter((a) => !known.addresses.includes(a));
    const remove = known.addresses.filter((a) => !ns.addresses.includes(a));
    if (add.length || remove.length) {
      await callRegistry(ctx, domain, "updateHost", {
        name: ns.host,
        add: { addresses: add },
        remove: { addresses: remove },
      });
      await db.host.update({ where: { id: known.id }, data: { addresses: ns.addresses } });
    }
    return;
  }
  const check = await callRegistry(ctx, domain, "checkHosts", { names: [ns.host] });
  const exists = check.data[0] && !check.data[0].available;
  if (!exists) {
    await callRegistry(ctx, domain, "createHost", {
      name: ns.host,
      addresses: subordinate ? ns.addresses : undefined,
    });
  } else if (subordinate) {
    // Created earlier at the registry but not recorded here (e.g. before a crash): set its glue.
    await callRegistry(ctx, domain, "updateHost", { name: ns.host, add: { addresses: ns.addresses } }).catch(
      () => undefined,
    );
  }
  if (subordinate) await db.host.create({ data: { domainId: domain.id, name: ns.host, addresses: ns.addresses } });
}
