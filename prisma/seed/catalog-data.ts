/**
 * The platform's catalogue: the TLDs the registry serves (mirroring src/mock-registry/config/tlds.ts
 * by hand: the platform never imports the registry), their costs in USD cents, and slots for SSL and
 * TMCH products that later capabilities switch on.
 */
export type SeedTld = {
  tld: string;
  operator: string;
  cost: number;
  restore?: number;
  dnssec: "unsupported" | "supported" | "required";
  launchPhase: string;
  policySummary: string;
  transferRules?: string;
  /** IDN table ids, as the registry publishes them (src/mock-registry/config/idn-tables.ts). */
  idnTables?: string[];
  /**
   * The registry's published launch plan: days from the first start (the mock's anchor) and the
   * phase's own one-year fee where it has one (the mock: sunrise 3x, landrush 2x create).
   */
  launch?: { phase: string; startDay: number; feeUsd?: number }[];
};

const MANY_SCRIPTS = [
  "latin",
  "greek",
  "cyrillic",
  "chinese",
  "japanese",
  "korean",
  "arabic",
  "hebrew",
  "devanagari",
  "thai",
];

const STANDARD_TRANSFER =
  "Auth code required; not within 60 days of registration or a previous transfer; adds one year.";

const TLDS: Omit<SeedTld, "transferRules">[] = [
  {
    tld: "com",
    operator: "verisign-sim",
    idnTables: MANY_SCRIPTS,
    cost: 1_026,
    dnssec: "supported",
    launchPhase: "open",
    policySummary: "1–10 years. No registrant contacts at the registry (thin). IDNs in Latin and other scripts.",
  },
  {
    tld: "net",
    operator: "verisign-sim",
    idnTables: MANY_SCRIPTS,
    cost: 1_180,
    dnssec: "supported",
    launchPhase: "open",
    policySummary: "1–10 years. No registrant contacts at the registry (thin). IDNs in Latin and other scripts.",
  },
  {
    tld: "org",
    operator: "pir-sim",
    idnTables: ["latin"],
    cost: 1_130,
    dnssec: "supported",
    launchPhase: "open",
    policySummary: "1–10 years. Registrant contact required. Latin IDNs.",
  },
  {
    tld: "io",
    operator: "icb-sim",
    cost: 4_500,
    dnssec: "supported",
    launchPhase: "open",
    policySummary: "1–10 years. Names of at least 2 characters; some names reserved.",
  },
  {
    tld: "co",
    operator: "co-sim",
    idnTables: ["latin"],
    cost: 2_500,
    dnssec: "supported",
    launchPhase: "open",
    policySummary: "1–10 years. Names of at least 2 characters. Latin IDNs. The registry runs first-year promotions.",
  },
  {
    tld: "app",
    operator: "gr-sim",
    cost: 1_400,
    dnssec: "required",
    launchPhase: "open",
    policySummary: "1–10 years. DNSSEC required: a delegated name must carry DS data. HTTPS-only (HSTS preloaded).",
  },
  {
    tld: "shop",
    operator: "gmo-sim",
    idnTables: ["latin", "japanese"],
    cost: 3_000,
    dnssec: "supported",
    launchPhase: "open",
    policySummary: "1–10 years. Premium names at registry-set prices. Latin and Japanese IDNs.",
  },
  {
    tld: "bloom",
    operator: "newgtld-sim",
    cost: 2_000,
    dnssec: "supported",
    launchPhase: "sunrise",
    launch: [
      { phase: "sunrise", startDay: -10, feeUsd: 6_000 },
      { phase: "claims", startDay: 20 },
      { phase: "open", startDay: 110 },
    ],
    policySummary:
      "New TLD: sunrise for trademark holders (SMD file), then claims, then general availability. Launch-phase fees are higher.",
  },
  {
    tld: "forge",
    operator: "newgtld-sim",
    cost: 2_200,
    dnssec: "supported",
    launchPhase: "landrush",
    launch: [
      { phase: "sunrise", startDay: -40, feeUsd: 6_600 },
      { phase: "landrush", startDay: -10, feeUsd: 4_400 },
      { phase: "claims", startDay: 10 },
      { phase: "open", startDay: 100 },
    ],
    policySummary:
      "New TLD: sunrise, landrush applications (contended names are auctioned), claims, then general availability.",
  },
  {
    tld: "vista",
    operator: "newgtld-sim",
    cost: 1_800,
    dnssec: "supported",
    launchPhase: "claims",
    launch: [
      { phase: "sunrise", startDay: -90, feeUsd: 5_400 },
      { phase: "claims", startDay: -30 },
      { phase: "open", startDay: 60 },
    ],
    policySummary: "New TLD in its claims period: names matching a trademark show a claims notice to accept.",
  },
  {
    tld: "nova",
    operator: "newgtld-sim",
    cost: 2_400,
    dnssec: "supported",
    launchPhase: "announced",
    launch: [
      { phase: "announced", startDay: -30 },
      { phase: "sunrise", startDay: 30, feeUsd: 7_200 },
      { phase: "claims", startDay: 60 },
      { phase: "open", startDay: 150 },
    ],
    policySummary:
      "Announced: pre-registration is open; binding pre-registrations are submitted in order when general availability opens.",
  },
];

export const SEED_TLDS: SeedTld[] = TLDS.map((t) => ({ ...t, transferRules: STANDARD_TRANSFER }));

/** What a certificate product covers (read by src/server/ssl/products.ts). */
type SslDetails = { level: "dv" | "ov" | "ev"; coverage: "single" | "wildcard" | "multi"; sanCount: number };

export const SEED_OTHER_PRODUCTS: {
  kind: "ssl" | "tmch";
  code: string;
  name: string;
  cost: number;
  /** On sale from the first seed (certificates, issue 13); the others wait for their capability. */
  onSale?: boolean;
  maxPeriod?: number;
  details?: SslDetails;
}[] = [
  ...(
    [
      ["ssl-dv-single", "DV certificate (single name)", 800, "dv", "single", 1],
      ["ssl-dv-wildcard", "DV certificate (wildcard)", 6_000, "dv", "wildcard", 1],
      ["ssl-dv-multi", "DV certificate (up to 5 names)", 2_500, "dv", "multi", 5],
      ["ssl-ov-single", "OV certificate (single name)", 4_000, "ov", "single", 1],
      ["ssl-ov-multi", "OV certificate (up to 5 names)", 9_000, "ov", "multi", 5],
      ["ssl-ev-single", "EV certificate (single name)", 9_000, "ev", "single", 1],
    ] as const
  ).map(([code, name, cost, level, coverage, sanCount]) => ({
    kind: "ssl" as const,
    code,
    name,
    cost,
    onSale: true,
    maxPeriod: 5,
    details: { level, coverage, sanCount },
  })),
  // Priced per year of the term (1, 3 or 5); renewals at the renew price (decision 098).
  {
    kind: "tmch" as const,
    code: "tmch-mark",
    name: "Trademark Clearinghouse mark",
    cost: 15_000,
    onSale: true,
    maxPeriod: 5,
  },
];

/** Registrar-set fixed rates (units per USD × 1e6): used for tier prices here and premium fees at run time. */
export const SEED_RATES = { EUR: 920_000, GBP: 790_000 };

/** Wholesale = registry cost × (1 + uplift), rounded up to whole cents; privacy is a flat yearly price. */
export const SEED_TIERS = [
  {
    name: "Standard",
    description: "Default price list for new resellers.",
    upliftBps: 2_000,
    privacy: 300,
    premium: { kind: "percent" as const, value: 1_500 },
  },
  {
    name: "Volume",
    description: "For resellers above 1,000 names a year.",
    upliftBps: 800,
    privacy: 150,
    premium: { kind: "percent" as const, value: 800 },
  },
];
