/**
 * Throttling keys shared by sign-in and re-authentication: the account on its own (the account-wide
 * budget), the account seen from one client address, and the address across all accounts.
 */
export type Principal = { kind: "user" } | { kind: "registrant"; resellerId: string };

export function accountKey(who: Principal, email: string): string {
  return who.kind === "user" ? `signin:user:${email}` : `signin:registrant:${who.resellerId}:${email}`;
}

export function accountAddressKey(who: Principal, email: string, clientAddress: string): string {
  return `${accountKey(who, email)}@${clientAddress}`;
}

export function addressKey(clientAddress: string): string {
  return `signin:addr:${clientAddress}`;
}
