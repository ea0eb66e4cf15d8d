/**
 * Mail bodies as the consoles may show them: every secret link replaced by a placeholder. Callers
 * name their secrets; the pattern below is a second wall for any link to a token page that a caller
 * forgot to name (docs/decisions/064-mail-secrets.md).
 */
export const REDACTED_LINK = "[link sent only to the recipient]";

// Paths whose links act for their holder: password reset, invitation, change of registrant, sign-up,
// contact email verification, a certificate's new key.
const TOKEN_LINK =
  /https?:\/\/[^\s"'<>]*\/(?:reset-password|invitation|registrant-change|register\/confirm|verify-email|certificate-key)\/[^\s"'<>]*/g;

export function redactSecrets(body: string, secrets: readonly string[]): string {
  let out = body;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length))
    out = out.split(secret).join(REDACTED_LINK);
  return out.replace(TOKEN_LINK, REDACTED_LINK);
}
