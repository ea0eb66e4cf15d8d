/**
 * The launch calendar the consoles show: each TLD still in a launch, its current phase, the phases to
 * come with their start dates, and for a phase the registry prices on its own (sunrise, landrush) the
 * reseller's retail price of that fee by its premium rule and markup, as checkout prices it.
 *
 * EPP tells a client only the phase a TLD is in now (decision 122), so the dates come from the
 * catalogue: a domain product's `details.launch`, written from the registry's published launch plan.
 * A TLD with a launch phase but no published dates shows that phase alone.
 */
import { z } from "zod";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { parseInput } from "@/server/parse-input";
import { loadPriceContext, priceKey, type PriceContext } from "@/server/pricing/load-price-context";
import { priceOfFee } from "../landrush/bid-price";
import { launchViewScope } from "./view-scope";

/** One phase of a registry's published launch plan, as the catalogue keeps it. */
export const launchPhaseSchema = z.object({
  phase: z.string().min(1).max(40),
  startsAt: z.iso.datetime(),
  /** The registry's fee to register in this phase for one year (USD minor units), when it has its own. */
  feeUsd: z.number().int().positive().optional(),
});

const productLaunchSchema = z.object({ launch: z.object({ phases: z.array(launchPhaseSchema).max(20) }) });

export const launchCalendarSchema = z.object({ resellerId: z.string().min(1).max(100).optional() });

export type CalendarPhase = {
  phase: string;
  startsAt: Date;
  /** Null for the last phase (general availability lasts). */
  endsAt: Date | null;
  registryFeeUsd: number | null;
  /** The reseller's first-year retail price in this phase, in its currency; null without a phase fee or a reseller. */
  retail: number | null;
};

export type CalendarTld = {
  tld: string;
  /** The phase now, from the dates when published, else the catalogue's word. */
  currentPhase: string;
  current: CalendarPhase | null;
  upcoming: CalendarPhase[];
};

export type LaunchCalendar = { currency: string | null; tlds: CalendarTld[] };

function phasesOf(details: unknown, pc: PriceContext | null, productId: string): CalendarPhase[] {
  const parsed = productLaunchSchema.safeParse(details);
  if (!parsed.success) return [];
  const sold = pc?.wholesale.has(priceKey(productId, "register")) ?? false;
  const sorted = [...parsed.data.launch.phases].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return sorted.map((p, i) => ({
    phase: p.phase,
    startsAt: new Date(p.startsAt),
    endsAt: sorted[i + 1] ? new Date(sorted[i + 1].startsAt) : null,
    registryFeeUsd: p.feeUsd ?? null,
    retail: p.feeUsd && pc && sold ? priceOfFee(pc, p.feeUsd).retail : null,
  }));
}

export async function getLaunchCalendar(
  ctx: ActorContext,
  raw: z.input<typeof launchCalendarSchema> = {},
  now: Date = new Date(),
): Promise<LaunchCalendar> {
  const input = parseInput(launchCalendarSchema, raw);
  const scope = await launchViewScope(ctx, input.resellerId);
  // Retail prices are one reseller's: across resellers the calendar shows the registry's fees only.
  const pc = typeof scope.resellerId === "string" ? await loadPriceContext(db, scope.resellerId, now) : null;
  const products = await db.product.findMany({
    where: { kind: "domain", active: true },
    orderBy: { code: "asc" },
    select: { id: true, code: true, launchPhase: true, details: true },
  });
  const tlds: CalendarTld[] = [];
  for (const p of products) {
    const phases = phasesOf(p.details, pc?.perUsdMicros ? pc : null, p.id);
    const current = phases.findLast((ph) => ph.startsAt <= now) ?? null;
    const upcoming = phases.filter((ph) => ph.startsAt > now);
    const currentPhase = current?.phase ?? p.launchPhase;
    if (currentPhase === "open" && upcoming.length === 0) continue;
    tlds.push({ tld: p.code, currentPhase, current, upcoming });
  }
  return { currency: pc?.currency ?? null, tlds };
}
