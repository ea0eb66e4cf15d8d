/**
 * Host names a reseller can attach to its storefront. A host is a DNS name, lower-case, with an
 * optional port (development hosts such as `shop.localhost:3000` carry one). Verification looks up a
 * TXT record under the name without its port.
 */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export const VERIFY_PREFIX = "_registrar-verify";

/** The canonical form of what a person typed: trimmed, lower-case, no scheme, path or trailing dot. */
export function normalizeHost(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/\/.*$/, "")
    .replace(/\.(?=$|:)/, "");
}

/** Why `host` (already normalised) is not an acceptable custom host name, or null. */
export function hostNameProblem(host: string): string | null {
  if (!host) return "Enter a host name such as shop.example.com.";
  const [name, port, ...rest] = host.split(":");
  if (rest.length > 0) return "A host name has at most one port.";
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return "The port must be a number.";
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return "The port must be between 1 and 65535.";
  if (name.length > 253) return "A host name is at most 253 characters long.";
  const labels = name.split(".");
  if (labels.length < 2) return "Use a full host name with a dot, such as shop.example.com.";
  for (const label of labels) {
    if (!LABEL.test(label)) {
      return `"${label || "(empty)"}" is not a valid part of a host name: use letters, digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen.`;
    }
  }
  if (/^\d+$/.test(labels.at(-1) ?? "")) return "Use a host name, not an IP address.";
  return null;
}

export function hostWithoutPort(host: string): string {
  return host.split(":")[0];
}

/** Where the verification token must be published: `_registrar-verify.<host without port>`. */
export function verificationRecordName(host: string): string {
  return `${VERIFY_PREFIX}.${hostWithoutPort(host)}`;
}
