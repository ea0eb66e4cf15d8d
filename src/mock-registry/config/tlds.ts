/** The TLDs this simulated registry serves, grouped by operator. Prices in USD cents. */
import { CLAIMS_LIST } from "./claims-list";
import { MANY_SCRIPTS } from "./idn-tables";
import { DEFAULT_DIALECT, STANDARD_GRACE, type Prices, type RegistryDialect, type TldPolicy } from "./tld-policy";

const ICANN_RESERVED = ["nic", "whois", "www", "rdds", "rdap", "registry"];
const OPEN_SINCE_LONG_AGO = [{ phase: "open" as const, startDay: -10_000 }];

function prices(create: number, renew = create, transfer = renew, restore = 4000): Prices {
  return { create, renew, transfer, restore };
}

/** Sensible defaults, so each TLD below states only what makes it different. */
export function defineTld(
  p: Partial<Omit<TldPolicy, "dialect">> &
    Pick<TldPolicy, "tld" | "operator" | "prices"> & { dialect?: Partial<RegistryDialect> },
): TldPolicy {
  return {
    minLength: 1,
    maxLength: 63,
    idnTables: [],
    reserved: ICANN_RESERVED,
    premium: {},
    premiumTiers: {},
    minPeriod: 1,
    maxPeriod: 10,
    grace: STANDARD_GRACE,
    transferLockDays: 60,
    contacts: "optional",
    dnssec: "supported",
    maxNameservers: 13,
    maxDs: 8,
    phases: OPEN_SINCE_LONG_AGO,
    claims: {},
    ...p,
    dialect: { ...DEFAULT_DIALECT, ...p.dialect },
  };
}

const SHOP_TIERS: Record<string, Prices> = {
  platinum: prices(500_000, 500_000, 500_000, 504_000),
  gold: prices(100_000, 100_000, 100_000, 104_000),
  silver: prices(25_000, 25_000, 25_000, 29_000),
  bronze: prices(6_000, 6_000, 6_000, 10_000),
};

const SHOP_PREMIUM: Record<string, string> = Object.fromEntries([
  ...["buy", "sale", "store", "deals", "mall"].map((l) => [l, "platinum"]),
  ...["cart", "outlet", "fashion", "shoes", "books", "gifts", "market"].map((l) => [l, "gold"]),
  ...["toys", "bags", "watches", "jewelry", "coffee", "wine", "pets", "tech", "home", "garden"].map((l) => [
    l,
    "silver",
  ]),
  ...["cheap", "discount", "vintage", "organic", "handmade", "kids", "sports", "beauty", "shop24", "bestbuy"].map(
    (l) => [l, "bronze"],
  ),
]);

export const DEFAULT_TLDS: TldPolicy[] = [
  defineTld({
    tld: "com",
    operator: "verisign-sim",
    prices: prices(1_026),
    contacts: "prohibited",
    idnTables: MANY_SCRIPTS,
  }),
  defineTld({
    tld: "net",
    operator: "verisign-sim",
    prices: prices(1_180),
    contacts: "prohibited",
    idnTables: MANY_SCRIPTS,
  }),
  defineTld({ tld: "org", operator: "pir-sim", prices: prices(1_130), contacts: "required", idnTables: ["latin"] }),
  defineTld({
    tld: "io",
    operator: "icb-sim",
    prices: prices(4_500),
    minLength: 2,
    reserved: [...ICANN_RESERVED, "gov", "police"],
  }),
  defineTld({
    tld: "co",
    operator: "co-sim",
    prices: prices(2_500),
    minLength: 2,
    // A ccTLD-like table: Latin only.
    idnTables: ["latin"],
    promotion: { operation: "create", price: 1_200, untilDay: 60, description: "create (promotion)" },
  }),
  defineTld({ tld: "app", operator: "gr-sim", prices: prices(1_400), dnssec: "required" }),
  defineTld({
    tld: "shop",
    operator: "gmo-sim",
    prices: prices(3_000),
    minLength: 2,
    premium: SHOP_PREMIUM,
    premiumTiers: SHOP_TIERS,
    idnTables: ["latin", "japanese"],
  }),
  defineTld({
    tld: "bloom",
    operator: "newgtld-sim",
    prices: prices(2_000),
    phases: [
      { phase: "sunrise", startDay: -10 },
      { phase: "claims", startDay: 20 },
      { phase: "open", startDay: 110 },
    ],
    claims: CLAIMS_LIST,
  }),
  defineTld({
    tld: "forge",
    operator: "newgtld-sim",
    prices: prices(2_200),
    phases: [
      { phase: "sunrise", startDay: -40 },
      { phase: "landrush", startDay: -10 },
      { phase: "claims", startDay: 10 },
      { phase: "open", startDay: 100 },
    ],
    claims: CLAIMS_LIST,
  }),
  defineTld({
    tld: "vista",
    operator: "newgtld-sim",
    prices: prices(1_800),
    phases: [
      { phase: "sunrise", startDay: -90 },
      { phase: "claims", startDay: -30 },
      { phase: "open", startDay: 60 },
    ],
    claims: CLAIMS_LIST,
  }),
  defineTld({
    tld: "nova",
    operator: "newgtld-sim",
    prices: prices(2_400),
    phases: [
      { phase: "announced", startDay: -30 },
      { phase: "sunrise", startDay: 30 },
      { phase: "claims", startDay: 60 },
      { phase: "open", startDay: 150 },
    ],
    claims: CLAIMS_LIST,
  }),
];
