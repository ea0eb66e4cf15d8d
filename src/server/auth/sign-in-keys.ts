/** Throttling keys, one per account and one per client address, shared by sign-in and re-authentication. */
export type Principal = { kind: "user" } | { kind: "registrant"; resellerId: string };

export function accountKey(who: Principal, email: string): string {
  return who.kind === "user" ? `signin:user:${email}` : `signin:registrant:${who.resellerId}:${email}`;
}

export function addressKey(clientAddress: string): string {
  return `signin:addr:${clientAddress}`;
}
