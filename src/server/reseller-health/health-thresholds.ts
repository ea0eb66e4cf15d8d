/**
 * The figures of a reseller's health that the registrar can watch, and the value each is watched at
 * until a registrar admin changes it (decision 115). The defaults are the fixed thresholds decision
 * 107 shipped, so nothing flags differently until someone edits; figures that had no threshold then
 * start unwatched (null).
 */
export type HealthMetricKey =
  | "abuse_rate"
  | "abuse_overdue"
  | "complaints"
  | "unverified_contacts"
  | "unverified_share"
  | "parked_items"
  | "failure_rate"
  | "renewal_rate"
  | "transfers_out"
  | "available_balance"
  | "balance_trend"
  | "agreement_overdue";

export type HealthMetric = {
  label: string;
  /** "max": a finding when the figure is above the limit; "min": when it is below (a floor). */
  bound: "max" | "min";
  unit: string;
  defaultLimit: number | null;
};

export const HEALTH_METRICS: Record<HealthMetricKey, HealthMetric> = {
  abuse_rate: { label: "Abuse reports per 10,000 names (90 days)", bound: "max", unit: "per 10,000", defaultLimit: 10 },
  abuse_overdue: { label: "Open abuse reports past a timer", bound: "max", unit: "reports", defaultLimit: 0 },
  complaints: { label: "Abuse reports received (30 days)", bound: "max", unit: "reports", defaultLimit: null },
  unverified_contacts: {
    label: "Contacts past their WAPS verification deadline",
    bound: "max",
    unit: "contacts",
    defaultLimit: 0,
  },
  unverified_share: {
    label: "Share of contacts past their verification deadline",
    bound: "max",
    unit: "%",
    defaultLimit: null,
  },
  parked_items: { label: "Order items waiting for a person", bound: "max", unit: "items", defaultLimit: 0 },
  failure_rate: { label: "Order items failed (30 days)", bound: "max", unit: "%", defaultLimit: 10 },
  renewal_rate: { label: "Renewal rate of names due (90 days)", bound: "min", unit: "%", defaultLimit: null },
  transfers_out: { label: "Names transferred out (90 days)", bound: "max", unit: "names", defaultLimit: null },
  available_balance: {
    label: "Available balance",
    bound: "min",
    unit: "in the reseller's currency",
    defaultLimit: 0,
  },
  balance_trend: {
    label: "Change of the available balance (30 days)",
    bound: "min",
    unit: "in the reseller's currency",
    defaultLimit: null,
  },
  agreement_overdue: {
    label: "Agreement in force overdue for acceptance",
    bound: "max",
    unit: "1 when overdue",
    defaultLimit: 0,
  },
};

export const HEALTH_METRIC_KEYS = Object.keys(HEALTH_METRICS) as HealthMetricKey[];

export function isHealthMetric(key: string): key is HealthMetricKey {
  return key in HEALTH_METRICS;
}

// A rate over a handful of items says nothing: failure and renewal rates wait for this many.
export const MIN_ITEMS_FOR_RATE = 20;

export function crosses(metric: HealthMetricKey, value: number, limit: number): boolean {
  return HEALTH_METRICS[metric].bound === "max" ? value > limit : value < limit;
}

export type HealthFlag = { key: string; words: string };
