import { describe, expect, it } from "vitest";
import { evaluateFigures, findingWords, type HealthFigures } from "@/server/reseller-health/evaluate-figures";
import { HEALTH_METRIC_KEYS, HEALTH_METRICS } from "@/server/reseller-health/health-thresholds";
import { parseReportPeriod } from "@/server/reseller-health/health-inputs";
import type { Limits } from "@/server/reseller-health/threshold-settings";

const zeroFigures = Object.fromEntries(HEALTH_METRIC_KEYS.map((k) => [k, 0])) as HealthFigures;
const defaults = Object.fromEntries(
  HEALTH_METRIC_KEYS.map((k) => [k, { limit: HEALTH_METRICS[k].defaultLimit, overridden: false }]),
) as Limits;

describe("evaluating health figures", () => {
  it("flags a ceiling only above it and a floor only below it", () => {
    const limits: Limits = { ...defaults, renewal_rate: { limit: 60, overridden: true } };
    const crossed = (figures: Partial<HealthFigures>) =>
      evaluateFigures({ ...zeroFigures, renewal_rate: 75, ...figures }, limits)
        .filter((e) => e.crossed)
        .map((e) => e.metric);
    expect(crossed({})).toEqual([]);
    expect(crossed({ abuse_rate: 10 })).toEqual([]);
    expect(crossed({ abuse_rate: 10.1 })).toEqual(["abuse_rate"]);
    expect(crossed({ renewal_rate: 60 })).toEqual([]);
    expect(crossed({ renewal_rate: 59.9 })).toEqual(["renewal_rate"]);
    expect(crossed({ available_balance: -0.01 })).toEqual(["available_balance"]);
  });

  it("never flags a figure that cannot be measured or is not watched", () => {
    const evaluations = evaluateFigures({ ...zeroFigures, failure_rate: null, transfers_out: 5000 }, defaults);
    expect(evaluations.find((e) => e.metric === "failure_rate")).toMatchObject({ value: null, crossed: false });
    expect(evaluations.find((e) => e.metric === "transfers_out")).toMatchObject({ limit: null, crossed: false });
  });

  it("words money figures in the reseller's currency", () => {
    expect(findingWords("balance_trend", -1250.5, -1000, "EUR")).toBe(
      "Change of the available balance (30 days): -€1,250.50, below the threshold of -€1,000.00.",
    );
  });
});

describe("the report's period", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  const q = (s: string) => parseReportPeriod(new URLSearchParams(s), now);

  it("takes both dates inclusive, and the last 90 days when none is given", () => {
    expect(q("from=2026-11-01&to=2026-11-30")).toEqual({
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-12-01T00:00:00Z"),
    });
    expect(q("")).toEqual({ from: new Date("2026-09-02T10:00:00Z"), to: now });
  });

  it("refuses a reversed, over-long or malformed period", () => {
    expect(q("from=2026-11-30&to=2026-11-01")).toBeNull();
    expect(q("from=2024-01-01&to=2026-11-30")).toBeNull();
    expect(q("from=yesterday")).toBeNull();
  });
});
