/**
 * Pure: which of a reseller's figures cross the limits that apply to it, and the sentence staff read.
 * The health page, the daily evaluation and the compliance report all use this one rule.
 */
import { currencyExponent, formatMoney } from "@/lib/money";
import { HEALTH_METRIC_KEYS, HEALTH_METRICS, crosses, type HealthMetricKey } from "./health-thresholds";
import type { Limits } from "./threshold-settings";

/** null: the figure cannot be measured now (too few items for a rate, no contacts for a share). */
export type HealthFigures = Record<HealthMetricKey, number | null>;

export type Evaluation = {
  metric: HealthMetricKey;
  value: number | null;
  limit: number | null;
  crossed: boolean;
};

export function evaluateFigures(figures: HealthFigures, limits: Limits): Evaluation[] {
  return HEALTH_METRIC_KEYS.map((metric) => {
    const value = figures[metric];
    const { limit } = limits[metric];
    return { metric, value, limit, crossed: value !== null && limit !== null && crosses(metric, value, limit) };
  });
}

const MONEY: ReadonlySet<HealthMetricKey> = new Set(["available_balance", "balance_trend"]);

/** A figure as people read it; money figures are held in major units of the reseller's currency. */
export function showFigure(metric: HealthMetricKey, value: number, currency: string): string {
  if (MONEY.has(metric)) return formatMoney(Math.round(value * 10 ** currencyExponent(currency)), currency);
  const unit = HEALTH_METRICS[metric].unit;
  return unit === "%" ? `${value} %` : `${value}`;
}

export function findingWords(metric: HealthMetricKey, value: number, limit: number, currency: string): string {
  const m = HEALTH_METRICS[metric];
  const side = m.bound === "max" ? "above" : "below";
  return `${m.label}: ${showFigure(metric, value, currency)}, ${side} the threshold of ${showFigure(metric, limit, currency)}.`;
}
