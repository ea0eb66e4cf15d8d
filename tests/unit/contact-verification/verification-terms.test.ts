import { describe, expect, it } from "vitest";
import { remindersDue } from "@/server/contact-verification/run-verification-sweep";
import { linkExpiry } from "@/server/contact-verification/start/terms";
import { REDACTED_LINK, redactSecrets } from "@/server/mail/redact-secrets";

const DAY = 86_400_000;
const start = new Date("2026-06-01T00:00:00Z");
const deadline = new Date(start.getTime() + 15 * DAY);
const at = (days: number) => new Date(start.getTime() + days * DAY);

describe("WAPS reminders", () => {
  it("are due on day 5 and day 10 of the 15 days, counted back from the deadline", () => {
    expect(remindersDue(deadline, at(4.99))).toBe(0);
    expect(remindersDue(deadline, at(5))).toBe(1);
    expect(remindersDue(deadline, at(9.99))).toBe(1);
    expect(remindersDue(deadline, at(10))).toBe(2);
    expect(remindersDue(deadline, at(14))).toBe(2);
  });
});

describe("verification link expiry", () => {
  it("is the deadline while more than a day remains, else a few days from now", () => {
    expect(linkExpiry(deadline, at(0))).toEqual(deadline);
    expect(linkExpiry(deadline, at(14.5))).toEqual(at(17.5));
    expect(linkExpiry(deadline, at(20))).toEqual(at(23));
    expect(linkExpiry(null, at(0))).toEqual(at(3));
  });
});

describe("verification links in mail shown to staff", () => {
  it("are redacted even when the sender forgets to name them as secrets", () => {
    const body = "Confirm: https://shop.example.test/verify-email/AbC-123_xyz\nThanks";
    const shown = redactSecrets(body, []);
    expect(shown).not.toContain("AbC-123_xyz");
    expect(shown).toContain(REDACTED_LINK);
  });
});
