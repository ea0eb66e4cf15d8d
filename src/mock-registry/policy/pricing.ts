/** Registry prices for an operation on a name, per TLD policy, premium tier, promotion and phase. */
import type { Prices, TldPolicy } from "../config/tld-policy";
import type { FeeCommandName, FeeLine } from "../model/commands";
import { addDays } from "./dates";

export interface Quote {
  premium: boolean;
  standard: boolean;
  fees: FeeLine[];
  total: number;
}

const PHASE_MULTIPLIER: Record<string, number> = { sunrise: 3, landrush: 2 };

export function quote(
  policy: TldPolicy,
  label: string,
  op: FeeCommandName,
  years: number,
  ctx: { anchor: number; now: number; phase: string },
): Quote {
  const tier = policy.premium[label];
  const table: Prices = tier ? policy.premiumTiers[tier] : policy.prices;
  const grace = policy.grace;
  const fees: FeeLine[] = [];
  let standard = !tier;
  if (op === "create") {
    const promo = policy.promotion;
    const promoActive = !tier && promo?.operation === "create" && ctx.now < addDays(ctx.anchor, promo.untilDay);
    const first = promoActive && promo ? promo.price : table.create;
    const multiplier = PHASE_MULTIPLIER[ctx.phase] ?? 1;
    if (promoActive || multiplier !== 1) standard = false;
    const amount = (first + table.create * (years - 1)) * multiplier;
    const description =
      promoActive && promo ? promo.description : ctx.phase in PHASE_MULTIPLIER ? `create (${ctx.phase})` : "create";
    fees.push({ description, amount, refundable: true, gracePeriodDays: grace.add });
  } else if (op === "renew") {
    fees.push({ description: "renew", amount: table.renew * years, refundable: true, gracePeriodDays: grace.renew });
  } else if (op === "transfer") {
    fees.push({ description: "renew", amount: table.transfer, refundable: true, gracePeriodDays: grace.transfer });
  } else {
    fees.push({ description: "restore", amount: table.restore, refundable: false });
    fees.push({ description: "renew", amount: table.renew, refundable: false });
  }
  return { premium: Boolean(tier), standard, fees, total: fees.reduce((s, f) => s + f.amount, 0) };
}
