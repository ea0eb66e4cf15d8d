/**
 * Money is an integer count of minor units plus a currency code; never a float. These helpers format
 * and parse amounts for people and are safe in the browser.
 */
export const CURRENCIES = ["USD", "EUR", "GBP"] as const;
export type Currency = (typeof CURRENCIES)[number];

// ISO 4217 minor units of the currencies a registry may quote in; anything else has two.
const EXPONENT: Record<string, number> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  JPY: 0,
  KRW: 0,
  BHD: 3,
  KWD: 3,
  JOD: 3,
  OMR: 3,
  TND: 3,
};

export function currencyExponent(currency: string): number {
  return EXPONENT[currency.toUpperCase()] ?? 2;
}

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

/** "12.99 USD" style amounts for a locale: `formatMoney(1299, "USD", "en-US")` → "$12.99". */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const exp = currencyExponent(currency);
  // Dividing a safe integer by a power of ten and letting Intl round to `exp` digits is exact.
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  }).format(minor / 10 ** exp);
}

/** A plain decimal string without symbol, for inputs and CSV: 1299 → "12.99", -5 → "-0.05". */
export function toDecimalString(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (exp === 0) return `${sign}${abs}`;
  const unit = 10 ** exp;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exp, "0")}`;
}

/**
 * Parses what a person typed ("12", "12.5", "1,299.00") into minor units, or null when it is not an
 * amount with at most the currency's number of decimals.
 */
export function parseMoney(input: string, currency: string): number | null {
  const exp = currencyExponent(currency);
  const cleaned = input.trim().replace(/[,\s_]/g, "");
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, frac = ""] = match;
  if (frac.length > exp) return null;
  const minor = Number(whole) * 10 ** exp + Number(frac.padEnd(exp, "0") || "0");
  if (!Number.isSafeInteger(minor)) return null;
  return sign === "-" ? -minor : minor;
}
