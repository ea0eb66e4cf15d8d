/** A TLD's policy as the registry operator publishes it. Money in USD minor units. */

export type LaunchPhaseName = "announced" | "sunrise" | "landrush" | "claims" | "open";

/**
 * Phase boundaries are days relative to the registry's anchor (the moment its state was first
 * created), so a fresh data directory always shows each launch state, and moving the clock walks a
 * TLD through its launch.
 */
export interface PhaseSpec {
  phase: LaunchPhaseName;
  startDay: number;
}

export interface Prices {
  create: number;
  renew: number;
  transfer: number;
  restore: number;
}

export interface Promotion {
  operation: keyof Prices;
  price: number;
  /** Days relative to the anchor. */
  untilDay: number;
  description: string;
}

export interface GraceDays {
  add: number;
  renew: number;
  autoRenew: number;
  transfer: number;
  redemption: number;
  pendingDelete: number;
  pendingRestore: number;
}

/**
 * Where real registries answer the same command differently, each TLD says which way it goes, so the
 * platform can be tested against every answer it will meet.
 */
export interface RegistryDialect {
  /**
   * A name that breaks the syntax rules inside a domain:check: "unavailable" answers that name with
   * avail="0" and a reason (the rest of the check goes on); "error" fails the whole command with 2005.
   */
  invalidNameInCheck: "unavailable" | "error";
  /**
   * The lock of `transferLockDays` after a create or transfer: "registry" refuses a transfer request
   * with 2106; "registrar" accepts it and leaves the lock to the sponsoring registrar (ICANN's transfer
   * policy allows either).
   */
  transferLock: "registry" | "registrar";
}

export const DEFAULT_DIALECT: RegistryDialect = { invalidNameInCheck: "unavailable", transferLock: "registry" };

export interface TldPolicy {
  tld: string;
  operator: string;
  minLength: number;
  maxLength: number;
  /** Ids of the IDN tables (config/idn-tables.ts) a U-label must fit one of; empty means ASCII only. */
  idnTables: string[];
  reserved: string[];
  /** label -> tier name; tiers price create/renew/transfer/restore. */
  premium: Record<string, string>;
  premiumTiers: Record<string, Prices>;
  prices: Prices;
  promotion?: Promotion;
  minPeriod: number;
  maxPeriod: number;
  grace: GraceDays;
  /** Days after create or transfer during which the name cannot be transferred (ICANN 60-day lock). */
  transferLockDays: number;
  contacts: "required" | "optional" | "prohibited";
  /** "required": a delegated name must carry DS data. */
  dnssec: "unsupported" | "supported" | "required";
  maxNameservers: number;
  maxDs: number;
  phases: PhaseSpec[];
  /** Labels on the TMCH claims list for this TLD (label -> claim key). */
  claims: Record<string, string>;
  dialect: RegistryDialect;
}

export const STANDARD_GRACE: GraceDays = {
  add: 5,
  renew: 5,
  autoRenew: 45,
  transfer: 5,
  redemption: 30,
  pendingDelete: 5,
  pendingRestore: 7,
};
