/** Zod fields for amounts typed into forms ("25", "25.00", "1,250.50") → integer minor units. */
import { z } from "zod";
import { parseMoney } from "@/lib/money";

export function moneyInput(opts: { min?: number; label?: string } = {}) {
  const min = opts.min ?? 0;
  return z
    .string()
    .trim()
    .min(1, "Enter an amount.")
    .transform((value, ctx) => {
      // Every supported currency has two decimals; parse as such.
      const minor = parseMoney(value, "USD");
      if (minor === null) {
        ctx.addIssue({ code: "custom", message: "Enter an amount like 25.00." });
        return z.NEVER;
      }
      if (minor < min) {
        ctx.addIssue({
          code: "custom",
          message: min === 0 ? "Enter zero or more." : `Enter at least ${(min / 100).toFixed(2)}.`,
        });
        return z.NEVER;
      }
      return minor;
    });
}
