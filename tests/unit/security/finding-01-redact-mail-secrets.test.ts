import { describe, expect, it } from "vitest";
import { REDACTED_LINK, redactSecrets } from "@/server/mail/redact-secrets";

describe("security finding 01: mail pages hand out accounts (redaction)", () => {
  it("replaces every named secret, wherever it appears", () => {
    const link = "https://acme.example/some/path?token=abc123";
    expect(redactSecrets(`Open ${link}\nor paste ${link}`, [link])).toBe(
      `Open ${REDACTED_LINK}\nor paste ${REDACTED_LINK}`,
    );
  });

  it("replaces a secret whole when another secret is a part of it", () => {
    expect(redactSecrets("code ABCDEF and ABC", ["ABC", "ABCDEF"])).toBe(`code ${REDACTED_LINK} and ${REDACTED_LINK}`);
  });

  it("still hides reset, invitation and change-of-registrant links a caller forgot to name", () => {
    const body = [
      "http://localhost:3000/reset-password/Zt9_x-1",
      "Accept within 7 days: https://console.example/invitation/q_w-e.",
      '<a href="https://shop.example/registrant-change/0b7c9a1e-1111-2222-3333-444455556666?t=tok_en">confirm</a>',
      "Finish signing up: https://shop.example/register/confirm/v1.abc_def",
    ].join("\n");
    const out = redactSecrets(body, []);
    expect(out).not.toMatch(/reset-password|invitation\/|registrant-change|register\/confirm/);
    expect(out.split(REDACTED_LINK)).toHaveLength(5);
  });

  it("leaves ordinary links and text alone", () => {
    const body = "Your receipt: https://acme.example/account/orders/123\nThanks.";
    expect(redactSecrets(body, [])).toBe(body);
  });
});
