/** Reseller slugs become the first label of the platform host name, so they follow DNS label rules. */
const SLUG = /^(?!-)[a-z0-9-]{3,30}(?<!-)$/;

// Names that would be confusing or collide with platform hosts.
export const RESERVED_SLUGS = new Set([
  "www",
  "api",
  "admin",
  "console",
  "registrar",
  "mail",
  "app",
  "static",
  "assets",
  "rdap",
  "whois",
  "support",
  "status",
]);

export function slugProblem(slug: string): string | null {
  if (!SLUG.test(slug))
    return "Use 3 to 30 lower-case letters, digits or hyphens, not starting or ending with a hyphen.";
  if (slug.includes("--")) return "Two hyphens in a row are not allowed.";
  if (RESERVED_SLUGS.has(slug)) return "That name is reserved; please choose another.";
  return null;
}
