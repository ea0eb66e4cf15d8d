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
    policySummary:
      "New TLD: sunrise for trademark holders (SMD file), then claims, then general availability. Launch-phase fees are higher.",
  },
  {
    tld: "forge",
    operator: "newgtld-sim",
    cost: 2_200,
    dnssec: "supported",
    launchPhase: "landrush",
    policySummary:
      "New TLD: sunrise, landrush applications (contended names are auctioned), claims, then general availability.",
  },
  {
    tld: "vista",
    operator: "newgtld-sim",
    cost: 1_800,
    dnssec: "supported",
    launchPhase: "claims",
    policySummary: "New TLD in its claims period: names matching a trademark show a claims notice to accept.",
  },
  {
    tld: "nova",
    operator: "newgtld-sim",
    cost: 2_400,
    dnssec: "supported",
    launchPhase: "announced",
    policySummary:
      "Announced: pre-registration is open; binding pre-registrations are submitted in order when general availability opens.",
  },
];

export const SEED_TLDS: SeedTld[] = TLDS.map((t) => ({ ...t, transferRules: STANDARD_TRANSFER }));

export const SEED_OTHER_PRODUCTS = [
  { kind: "ssl" as const, code: "ssl-dv-single", name: "DV certificate (single name)", cost: 800 },
  { kind: "ssl" as const, code: "ssl-dv-wildcard", name: "DV certificate (wildcard)", cost: 6_000 },
  { kind: "ssl" as const, code: "ssl-ov-single", name: "OV certificate (single name)", cost: 4_000 },
  { kind: "ssl" as const, code: "ssl-ev-single", name: "EV certificate (single name)", cost: 9_000 },
  { kind: "tmch" as const, code: "tmch-mark", name: "Trademark Clearinghouse mark (1 year)", cost: 15_000 },
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
