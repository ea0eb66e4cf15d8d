/**
 * The security headers of every response, decided in one pure function that src/proxy.ts applies
 * (docs/decisions/066-security-headers-and-input-limits.md). Pages get a per-request nonce CSP
 * (Next.js puts the nonce on its own scripts when it finds it in the request's CSP header); route
 * handlers answer data, so theirs allows nothing at all.
 */
export type SecurityHeaderInput = {
  /** The original request path (before the storefront rewrite). */
  pathname: string;
  /** A fresh nonce for pages; null for route handlers. */
  nonce: string | null;
  /** `next dev`: React needs eval for its error overlay, and dev CSS arrives as inline styles. */
  development: boolean;
  /** Production, or a deployment whose public scheme is https. */
  strictTransport: boolean;
  /** The public scheme is https, so plain-http subresources can be upgraded. */
  https: boolean;
};

// Pages whose URL holds a secret (reset, invitation, change-of-registrant, finishing a sign-up, a
// certificate's new-key link): not even the origin is sent onward.
const TOKEN_PAGE = /^\/(?:reset-password|invitation|registrant-change|register\/confirm|certificate-key)(?:\/|$)/;

export function isRouteHandlerPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/") || pathname === "/rdap" || pathname.startsWith("/rdap/");
}

export function contentSecurityPolicy(input: Pick<SecurityHeaderInput, "nonce" | "development" | "https">): string {
  if (input.nonce === null) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const nonce = `'nonce-${input.nonce}'`;
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${nonce} 'strict-dynamic'${input.development ? " 'unsafe-eval'" : ""}`,
    // Inline <style> elements need the nonce; style attributes stay allowed because storefront
    // branding sets validated colours as CSS variables in a style attribute.
    input.development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' ${nonce}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // A no-JavaScript form post may end in a redirect to Stripe's hosted checkout.
    "form-action 'self' https://checkout.stripe.com",
    "frame-ancestors 'none'",
  ];
  if (input.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(input),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": TOKEN_PAGE.test(input.pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // Browsers ignore HSTS over plain http, so sending it in every production answer is harmless.
  if (input.strictTransport) headers["Strict-Transport-Security"] = "max-age=63072000";
  return headers;
}

/** 128 random bits, base64: a CSP nonce. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
