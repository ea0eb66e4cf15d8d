/**
 * Everything the marketing kit fills in for one reseller, read once: its name, colours and font, the
 * storefront link its customers follow, and its retail prices (formatted in its currency) for the
 * domains, privacy, certificates and trademark filings it sells.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { baseUrlOf } from "@/server/auth/links";
import { requireResellerReader } from "@/server/tenancy/guards";
import { storefrontHostOf } from "@/server/tenancy/storefront-host";
import { buildPriceTable, type PriceRow } from "@/server/pricing/list-price-table";
import { DEFAULT_BRAND } from "@/lib/brand-theme";
import { normalizeHexColor, readableOn } from "@/lib/colors";
import { FONT_STACKS, isFontChoice } from "@/lib/fonts";
import { formatMoney } from "@/lib/money";

export type KitColors = {
  primary: string;
  onPrimary: string;
  accent: string;
  onAccent: string;
  background: string;
  text: string;
};

export type KitDomainPrice = { code: string; register?: string; renew?: string; transfer?: string };
export type KitProductPrice = { name: string; price: string };

export type KitData = {
  slug: string;
  brand: string;
  tagline: string;
  supportEmail: string;
  colors: KitColors;
  fontStack: string;
  storefrontUrl: string;
  /** The TLD the banners and the promotion mail lead with, and its first-year price. */
  headline: { tld: string; price: string } | null;
  /** TLDs on sale, for the page's choice of headline. */
  tlds: string[];
  domains: KitDomainPrice[];
  /** The lowest privacy price across TLDs, for "from …". */
  privacyFrom: string | null;
  ssl: KitProductPrice[];
  tmch: KitProductPrice[];
};

function colorsOf(b: { primaryColor: string; accentColor: string; backgroundColor: string; textColor: string }) {
  const primary = normalizeHexColor(b.primaryColor) ?? DEFAULT_BRAND.primaryColor;
  const accent = normalizeHexColor(b.accentColor) ?? DEFAULT_BRAND.accentColor;
  return {
    primary,
    onPrimary: readableOn(primary),
    accent,
    onAccent: readableOn(accent),
    background: normalizeHexColor(b.backgroundColor) ?? DEFAULT_BRAND.backgroundColor,
    text: normalizeHexColor(b.textColor) ?? DEFAULT_BRAND.textColor,
  };
}

/** `.com` leads when it is on sale (the name most customers look for), else the first TLD by code. */
function pickHeadline(domains: { code: string; register?: number }[], asked: string | undefined) {
  const priced = domains.filter((d) => d.register !== undefined);
  return priced.find((d) => d.code === asked) ?? priced.find((d) => d.code === "com") ?? priced[0] ?? null;
}

async function priceRows(resellerId: string, at: Date): Promise<PriceRow[]> {
  // A reseller whose billing is not open yet has no prices: its kit leaves them out.
  const billing = await db.resellerBilling.findUnique({ where: { resellerId }, select: { resellerId: true } });
  return billing ? (await buildPriceTable(resellerId, at)).rows : [];
}

export async function loadKitData(
  ctx: ActorContext,
  resellerId: string,
  opts: { tld?: string; at?: Date } = {},
): Promise<KitData> {
  requireResellerReader(ctx, resellerId);
  const at = opts.at ?? new Date();
  const [reseller, host, rows] = await Promise.all([
    db.reseller.findUnique({
      where: { id: resellerId },
      select: {
        slug: true,
        displayName: true,
        currency: true,
        locale: true,
        branding: { omit: { logo: true, termsText: true, privacyText: true } },
      },
    }),
    storefrontHostOf(resellerId),
    priceRows(resellerId, at),
  ]);
  if (!reseller?.branding) throw new AppError("NOT_FOUND");
  const money = (minor: number) => formatMoney(minor, reseller.currency, reseller.locale);
  const byProduct = new Map<string, { code: string; name: string; kind: string; ops: Map<string, number> }>();
  for (const r of rows) {
    const p = byProduct.get(r.productId) ?? { code: r.code, name: r.name, kind: r.kind, ops: new Map() };
    p.ops.set(r.operation, r.retail);
    byProduct.set(r.productId, p);
  }
  const products = [...byProduct.values()];
  const domainRows = products
    .filter((p) => p.kind === "domain" && p.ops.has("register"))
    .map((p) => ({
      code: p.code,
      register: p.ops.get("register"),
      renew: p.ops.get("renew"),
      transfer: p.ops.get("transfer"),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const headline = pickHeadline(domainRows, opts.tld);
  const privacy = products.flatMap((p) => {
    const amount = p.kind === "domain" ? p.ops.get("privacy") : undefined;
    return amount === undefined ? [] : [amount];
  });
  const priced = (kind: string) =>
    products
      .filter((p) => p.kind === kind)
      .sort((a, b) => a.code.localeCompare(b.code))
      .flatMap((p) => {
        const amount = p.ops.get("register");
        return amount === undefined ? [] : [{ name: p.name, price: money(amount) }];
      });
  const fmt = (v: number | undefined) => (v === undefined ? undefined : money(v));
  return {
    slug: reseller.slug,
    brand: reseller.displayName,
    tagline: reseller.branding.tagline,
    supportEmail: reseller.branding.supportEmail,
    colors: colorsOf(reseller.branding),
    fontStack: FONT_STACKS[isFontChoice(reseller.branding.font) ? reseller.branding.font : "system"],
    storefrontUrl: baseUrlOf(host),
    headline: headline?.register === undefined ? null : { tld: headline.code, price: money(headline.register) },
    tlds: domainRows.map((d) => d.code),
    domains: domainRows.map((d) => ({
      code: d.code,
      register: fmt(d.register),
      renew: fmt(d.renew),
      transfer: fmt(d.transfer),
    })),
    privacyFrom: privacy.length ? money(Math.min(...privacy)) : null,
    ssl: priced("ssl"),
    tmch: priced("tmch"),
  };
}
