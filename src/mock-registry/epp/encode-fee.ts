import { NS } from "../config/services";
import type { FeeCheckItem, FeeLine, FeeTransformResult } from "../model/commands";
import { el, tel } from "./xml";

export function decimal(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function feeLine(f: FeeLine): string {
  const attrs = {
    description: f.description,
    refundable: f.refundable === undefined ? undefined : f.refundable ? "1" : "0",
    "grace-period": f.gracePeriodDays ? `P${f.gracePeriodDays}D` : undefined,
  };
  return el("fee:fee", attrs, decimal(f.amount));
}

export function feeCheckData(currency: string, items: FeeCheckItem[]): string {
  const cds = items.map((i) =>
    el(
      "fee:cd",
      { avail: i.avail ? "1" : "0" },
      tel("fee:objID", i.name),
      i.feeClass ? tel("fee:class", i.feeClass) : undefined,
      ...i.commands.map((c) =>
        el(
          "fee:command",
          { name: c.name, customName: c.customName, phase: c.phase, standard: c.standard ? "1" : "0" },
          c.period ? el("fee:period", { unit: c.period.unit }, String(c.period.value)) : undefined,
          ...c.fees.map(feeLine),
          c.reason ? tel("fee:reason", c.reason) : undefined,
        ),
      ),
      i.reason ? tel("fee:reason", i.reason) : undefined,
    ),
  );
  return el("fee:chkData", { "xmlns:fee": NS.fee }, el("fee:currency", null, currency), ...cds);
}

export function feeTransformData(
  element: "creData" | "renData" | "trnData" | "updData" | "delData",
  r: FeeTransformResult,
): string {
  return el(
    `fee:${element}`,
    { "xmlns:fee": NS.fee },
    el("fee:currency", null, r.currency),
    ...r.fees.map(feeLine),
    ...r.credits.map((c) => el("fee:credit", { description: c.description }, decimal(c.amount))),
    el("fee:balance", null, decimal(r.balance)),
    el("fee:creditLimit", null, decimal(r.creditLimit)),
  );
}
