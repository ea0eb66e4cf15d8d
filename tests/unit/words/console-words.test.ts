import { describe, expect, it } from "vitest";
import { activitySentence, eventLabel, EVENT_WORDS } from "@/lib/activity-words";
import { shortOrderNumber } from "@/lib/order-number";
import { DOMAIN_STATE_WORDS, statusWords } from "@/lib/status-words";
import { transferLockWords } from "@/lib/transfer-lock-words";

const ORDER = "3f2a9c1e-7b44-4d0a-9e5f-0c1d2e3f4a5b";
const DOMAIN = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const sentence = (s: ReturnType<typeof activitySentence>) => `${s.lead}${s.subject}${s.tail}`;

describe("recent activity in words", () => {
  it("says what happened to a domain and links its name to the domain's page", () => {
    const s = activitySentence(
      { action: "domain.renew", entity: "domain", entityId: DOMAIN, before: { expiresAt: "2027-01-01" }, after: null },
      "console",
      { [DOMAIN]: "bücher.example" },
    );
    expect(sentence(s)).toBe("bücher.example was renewed.");
    expect(s.href).toBe(`/console/domains/${DOMAIN}`);
  });

  it("names an order by its short number and never prints an audit key, an id or a raw field", () => {
    const s = activitySentence(
      { action: "order.place", entity: "order", entityId: ORDER, before: null, after: { total: 1299 } },
      "console",
    );
    expect(sentence(s)).toBe("Order #3F2A9C1E was placed.");
    expect(s.href).toBe("/console/orders");
    const billing = activitySentence(
      {
        action: "billing.open",
        entity: "reseller_billing",
        entityId: ORDER,
        before: null,
        after: { tierId: ORDER, rounding: "cents99", createdAt: "2026-11-30T10:00:00Z" },
      },
      "console",
    );
    const text = sentence(billing);
    expect(text).toBe("Billing was opened for the reseller.");
    expect(text).not.toMatch(/billing\.open|tierId|cents99|createdAt|3f2a9c1e/i);
  });

  it("links a new customer to their page in the reseller console only", () => {
    const e = {
      action: "registrant.register",
      entity: "registrant",
      entityId: ORDER,
      before: null,
      after: { email: "jane@example.com" },
    };
    expect(sentence(activitySentence(e, "console"))).toBe("jane@example.com opened an account.");
    expect(activitySentence(e, "console").href).toBe(`/console/customers/${ORDER}`);
    expect(activitySentence(e, "registrar").href).toBeNull();
  });

  it("capitalises a stand-in subject that opens the sentence, never a domain name", () => {
    const e = { action: "domain.register", entity: "domain", entityId: DOMAIN, before: null, after: null };
    expect(sentence(activitySentence(e, "console"))).toBe("A domain was registered.");
    expect(sentence(activitySentence({ ...e, after: { name: "xn--bcher-kva.example" } }, "console"))).toBe(
      "bücher.example was registered.",
    );
  });

  it("reads an event without words as a phrase, not as its key", () => {
    expect(eventLabel("ssl.certificate_issued")).toBe("Ssl certificate issued");
    expect(eventLabel("reseller.suspend")).toBe("Reseller suspended");
    for (const [key, words] of Object.entries(EVENT_WORDS)) expect(words?.label, key).not.toContain(".");
  });
});

describe("status words", () => {
  it("gives every domain state a label and never the enum name", () => {
    for (const [state, w] of Object.entries(DOMAIN_STATE_WORDS)) {
      expect(w.label).not.toContain("_");
      expect(statusWords(state).label).toBe(w.label);
    }
    expect(statusWords("pending_transfer_out").label).toBe("Transfer out requested");
    expect(statusWords("needs_review").label).toBe("Needs review");
  });
});

describe("short order numbers", () => {
  it("are the first eight hex digits of the id, upper case, after a #", () => {
    expect(shortOrderNumber(ORDER)).toBe("#3F2A9C1E");
    expect(shortOrderNumber("ab-cd-ef-12-34-56")).toBe("#ABCDEF12");
  });
});

describe("transfer lock words", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const inForce = new Date("2027-01-15T00:00:00Z");

  it("never says the domain can be transferred while the 60-day policy lock is in force", () => {
    const w = transferLockWords({ transferLock: false, transferLockedUntil: inForce }, now);
    expect(w.description).not.toMatch(/can be transferred/);
    expect(w.description).toMatch(/cannot be transferred yet/);
    expect(w.description).toContain("2027-01-15");
    expect(w.policyLockedUntil).toBe("2027-01-15");
  });

  it("says it can be transferred once the policy lock has passed and the owner's lock is off", () => {
    const w = transferLockWords({ transferLock: false, transferLockedUntil: new Date("2026-10-01T00:00:00Z") }, now);
    expect(w.description).toBe("The domain is unlocked: it can be transferred with its auth code.");
    expect(w.policyLockedUntil).toBeNull();
  });

  it("mentions the policy lock's end when the owner's lock is on too", () => {
    const w = transferLockWords({ transferLock: true, transferLockedUntil: inForce }, now);
    expect(w.description).toMatch(/^The domain is locked against transfers\. .*2027-01-15/);
  });
});
