/**
 * What a certificate product covers, read from the catalogue's `Product.details` (set by the seed and
 * the certificates migration): validation level, single / wildcard / multi-domain, and how many names.
 */
import { z } from "zod";
import { AppError } from "@/server/errors";

export const sslProductDetailsSchema = z.object({
  level: z.enum(["dv", "ov", "ev"]),
  coverage: z.enum(["single", "wildcard", "multi"]),
  sanCount: z.number().int().min(1).max(250),
});

export type SslProduct = z.output<typeof sslProductDetailsSchema> & { code: string; name: string };

export function sslProductOf(product: { code: string; name: string; kind: string; details: unknown }): SslProduct {
  const parsed = sslProductDetailsSchema.safeParse(product.details);
  if (product.kind !== "ssl" || !parsed.success)
    throw new AppError("NOT_FOUND", `${product.name} is not a certificate we sell.`);
  return { ...parsed.data, code: product.code, name: product.name };
}

/** Why these names do not fit the product, in words; null when they do. Names are checked CSR names. */
export function coverageProblem(product: SslProduct, names: string[]): string | null {
  const wildcards = names.filter((n) => n.startsWith("*."));
  if (product.coverage === "wildcard") {
    if (wildcards.length !== 1) return `${product.name} covers one wildcard name (like *.example.com).`;
    const base = wildcards[0].slice(2);
    // Commercial CAs add the base name to a wildcard; a CSR may carry it too.
    if (names.some((n) => n !== wildcards[0] && n !== base))
      return `${product.name} covers ${wildcards[0]} and ${base} only.`;
    return null;
  }
  if (wildcards.length) return `${product.name} does not cover wildcard names; choose a wildcard certificate.`;
  if (product.coverage === "single") {
    // The name and its www. twin count as one, as commercial CAs sell them.
    const bare = new Set(names.map((n) => n.replace(/^www\./, "")));
    if (bare.size > 1) return `${product.name} covers one name; choose a multi-domain certificate for more.`;
    return null;
  }
  if (names.length > product.sanCount)
    return `${product.name} covers up to ${product.sanCount} names; this CSR has ${names.length}.`;
  return null;
}
