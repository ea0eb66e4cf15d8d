/**
 * What a domain's transfer lock means right now. Two locks exist: the one the registrant turns on
 * and off (clientTransferProhibited), and the Transfer Policy's lock for 60 days after a registration,
 * a transfer in or a change of owner (`transferLockedUntil`). Turning the first off does not lift the
 * second, so the card says so instead of promising a transfer the registry will refuse.
 */
export type TransferLockWords = { description: string; policyLockedUntil: string | null };

export function transferLockWords(
  domain: { transferLock: boolean; transferLockedUntil: Date | null },
  now: Date = new Date(),
): TransferLockWords {
  const until =
    domain.transferLockedUntil && domain.transferLockedUntil > now
      ? domain.transferLockedUntil.toISOString().slice(0, 10)
      : null;
  const policy = until
    ? `Transfers to another registrar are refused until ${until} in any case: the 60-day lock after a registration, transfer or change of owner.`
    : null;
  if (domain.transferLock)
    return {
      description: policy
        ? `The domain is locked against transfers. ${policy}`
        : "The domain is locked against transfers: unlock it to move it with its auth code.",
      policyLockedUntil: until,
    };
  return {
    description: policy
      ? `Your lock is off, but the domain cannot be transferred yet. ${policy}`
      : "The domain is unlocked: it can be transferred with its auth code.",
    policyLockedUntil: until,
  };
}
