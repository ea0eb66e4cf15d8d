import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REGISTRANT_DATA_MAP } from "@/server/data-requests/registrant-data-map";
import { addWorkingDays } from "@/server/data-requests/working-days";

const SCHEMA = path.resolve(__dirname, "../../../prisma/schema");

// A field by one of these names, or a relation to one of these models, ties a row to a registrant.
const LINK_FIELDS =
  /^(registrantId|contactId|\w+ContactId|domainId|orderId|orderItemId|itemId|subscriptionId|subjectId|actorId|toAddress)$/;
const LINK_MODELS = new Set(["Registrant", "Contact", "Domain", "Order", "OrderItem", "CertificateSubscription"]);

function models(): Map<string, { name: string; type: string }[]> {
  const out = new Map<string, { name: string; type: string }[]>();
  for (const f of readdirSync(SCHEMA).filter((n) => n.endsWith(".prisma"))) {
    const text = readFileSync(path.join(SCHEMA, f), "utf8");
    for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      const fields = m[2]
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("//") && !l.startsWith("@@"))
        .map((l) => {
          const [name, type = ""] = l.split(/\s+/);
          return { name, type: type.replace(/[?[\]]/g, "") };
        });
      out.set(m[1], fields);
    }
  }
  return out;
}

describe("the registrant data map", () => {
  const all = models();
  const linked = [...all]
    .filter(
      ([name, fields]) =>
        name === "Registrant" || fields.some((f) => LINK_FIELDS.test(f.name) || LINK_MODELS.has(f.type)),
    )
    .map(([name]) => name);

  it("finds the models it checks", () => {
    expect(linked).toEqual(
      expect.arrayContaining(["Registrant", "Contact", "Domain", "Order", "Session", "OutboxMail"]),
    );
  });

  it("covers every model that links to a registrant, so a new one must be exported or excluded with a reason", () => {
    const missing = linked.filter((m) => !(m in REGISTRANT_DATA_MAP) && m !== "Reseller" && m !== "Product");
    expect(missing, "add these models to src/server/data-requests/registrant-data-map.ts").toEqual([]);
  });

  it("names only models that exist, and gives every retained or excluded model a reason", () => {
    expect(Object.keys(REGISTRANT_DATA_MAP).filter((m) => !all.has(m))).toEqual([]);
    for (const [model, rule] of Object.entries(REGISTRANT_DATA_MAP)) {
      if ("excluded" in rule) expect(rule.excluded.length, model).toBeGreaterThan(10);
      else if (rule.erase === "retain") expect(rule.why?.length ?? 0, model).toBeGreaterThan(5);
    }
  });
});

describe("working days", () => {
  it("skips the weekend", () => {
    // Friday 2026-11-27 + 2 working days = Tuesday 2026-12-01.
    expect(addWorkingDays(new Date("2026-11-27T10:00:00Z"), 2).toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(addWorkingDays(new Date("2026-11-30T10:00:00Z"), 2).toISOString()).toBe("2026-12-02T10:00:00.000Z");
  });
});
