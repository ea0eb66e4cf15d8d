/** Transfer lock = the clientTransferProhibited status at the registry. */
import { transferLockWords } from "@/lib/transfer-lock-words";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { callRegistry } from "@/server/registry/access";
import { applyDomainChange, type ManageResult } from "./apply-change";
import { assertManageable, getDomainOrThrow } from "./get-domain-or-throw";

const LOCK = "clientTransferProhibited";

export async function setTransferLock(
  ctx: ActorContext,
  input: { domainId: string; locked: boolean },
): Promise<ManageResult> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  assertManageable(domain, "change the transfer lock");
  if (domain.state === "pending_transfer_out")
    throw new AppError("CONFLICT", "A transfer is pending: approve or reject it first.");
  const change = input.locked ? { add: { statuses: [LOCK] } } : { remove: { statuses: [LOCK] } };
  const already = domain.registryStatuses.includes(LOCK) === input.locked;
  const r = already ? null : await callRegistry(ctx, domain, "updateDomain", { name: domain.name, ...change });
  const statuses = input.locked
    ? [...new Set([...domain.registryStatuses.filter((s) => s !== "ok"), LOCK])]
    : domain.registryStatuses.filter((s) => s !== LOCK);
  await applyDomainChange(
    ctx,
    domain,
    input.locked ? "domain.lock" : "domain.unlock",
    { transferLock: input.locked, registryStatuses: statuses.length ? statuses : ["ok"] },
    { before: { transferLock: domain.transferLock }, after: { transferLock: input.locked } },
  );
  // The same words as the lock card: unlocking does not lift the 60-day policy lock.
  const what = transferLockWords({
    transferLock: input.locked,
    transferLockedUntil: domain.transferLockedUntil,
  }).description;
  return { code: r?.code ?? 1000, message: r ? `${what} ${r.words}` : what };
}
