/** What a search answers for one candidate name. Amounts are minor units of `price.currency`. */
export type Availability =
  | "available"
  | "taken"
  | "reserved"
  | "invalid"
  /** Not open for general registration now (sunrise, landrush or announced). */
  | "not_open"
  | "unavailable"
  /** The registry did not answer in time or failed: we do not know. */
  | "unknown";

export type SearchResult = {
  /** A-label form, as sent to the registry. */
  name: string;
  unicodeName: string;
  tld: string;
  availability: Availability;
  /** In words, when not available: the registry's reason or the rule the name broke. */
  reason?: string;
  premium: boolean;
  /** The registry's launch phase for the TLD ("open", "claims", "sunrise", "landrush", "announced"). */
  phase?: string;
  price?: { currency: string; register: number; renew: number; promotion?: string };
  /** The registry's first-year fee in USD minor units for premium names (ordering needs it). */
  premiumFeeUsd?: number;
  premiumRenewFeeUsd?: number;
  minPeriod: number;
  maxPeriod: number;
};

export type SearchResponse = {
  query: string;
  label?: string;
  results: SearchResult[];
  /** What was typed, when the name registered differs from it (full-width letters, ligatures, Σ → σ). */
  typed?: string;
  /** The input could not be a name at all: the rule it broke. */
  error?: string;
};
