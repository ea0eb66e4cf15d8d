/**
 * The sandbox a reseller's test keys act on (docs/decisions/100-api-sandbox.md): a shadow Reseller
 * row of its own, made on first use. Every service already scopes by reseller id, so nothing the
 * shadow owns (domains, orders, contacts, ledger lines) appears in the live reseller's console or to
 * its live keys; its balance is test money; its registry commands go to the sandbox registry.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { openResellerBilling } from "@/server/billing/open-reseller-billing";
import { postEntry } from "@/server/billing/post-entry";
import { resellerAccount } from "@/server/billing/accounts";

/** Test money a new sandbox starts with (minor units): enough for a few hundred test orders. */
export const SANDBOX_OPENING_BALANCE = 1_000_000;

/** Live reseller id → its sandbox's id, once known (the pair never changes). */
const known = new Map<string, string>();

export async function sandboxResellerOf(resellerId: string): Promise<string> {
  const hit = known.get(resellerId);
  if (hit) return hit;
  const row = await db.sandboxTenant.findUnique({ where: { resellerId }, select: { sandboxResellerId: true } });
  const id = row?.sandboxResellerId ?? (await createSandbox(resellerId));
  known.set(resellerId, id);
  return id;
}

/** The reseller's sandbox if it has one; reads that should not make one (a console list) use this. */
export async function existingSandboxOf(resellerId: string): Promise<string | null> {
  const hit = known.get(resellerId);
  if (hit) return hit;
  const row = await db.sandboxTenant.findUnique({ where: { resellerId }, select: { sandboxResellerId: true } });
  if (row) known.set(resellerId, row.sandboxResellerId);
  return row?.sandboxResellerId ?? null;
}

async function createSandbox(resellerId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    // One sandbox per reseller even when its first test requests race: they queue on the live row.
    const [live] = await tx.$queryRaw<
      { id: string; slug: string; legalName: string; displayName: string; currency: string; locale: string }[]
    >`select id, slug, "legalName", "displayName", currency, locale from "Reseller" where id = ${resellerId} for update`;
    if (!live) throw new AppError("NOT_FOUND");
    const existing = await tx.sandboxTenant.findUnique({ where: { resellerId } });
    if (existing) return existing.sandboxResellerId;
    const shadow = await tx.reseller.create({
      data: {
        // Live slugs never hold "--", so this cannot take one a reseller could want.
        slug: `${live.slug}--sandbox`,
        legalName: live.legalName,
        displayName: `${live.displayName} (sandbox)`,
        currency: live.currency,
        locale: live.locale,
      },
    });
    await tx.sandboxTenant.create({ data: { resellerId, sandboxResellerId: shadow.id } });
    // Same wholesale tier and retail rules as live, so sandbox prices are the ones the shop will see.
    const billing = await tx.resellerBilling.findUnique({ where: { resellerId } });
    const ctx = systemContext(shadow.id);
    await openResellerBilling(tx, ctx, {
      resellerId: shadow.id,
      tierId: billing?.tierId,
      markupKind: billing?.markupKind,
      markupValue: billing?.markupValue,
      rounding: billing?.rounding,
    });
    const overrides = await tx.retailOverride.findMany({ where: { resellerId } });
    if (overrides.length)
      await tx.retailOverride.createMany({
        data: overrides.map((o) => ({
          resellerId: shadow.id,
          productId: o.productId,
          operation: o.operation,
          amount: o.amount,
        })),
      });
    await postEntry(tx, {
      key: `sandbox-opening:${shadow.id}`,
      kind: "manual_credit",
      memo: "Sandbox test money",
      resellerId: shadow.id,
      actorId: null,
      lines: [
        { account: resellerAccount("reseller_available", shadow.id, live.currency), amount: SANDBOX_OPENING_BALANCE },
        { account: resellerAccount("manual_adjustments", shadow.id, live.currency), amount: -SANDBOX_OPENING_BALANCE },
      ],
    });
    return shadow.id;
  });
}
