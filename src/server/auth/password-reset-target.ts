/** Whose password a reset link is for: a console user (console host) or a registrant of one storefront. */
export type ResetTarget = { kind: "user" } | { kind: "registrant"; resellerId: string; host: string };

export const RESET_TTL_MS = 60 * 60_000;
