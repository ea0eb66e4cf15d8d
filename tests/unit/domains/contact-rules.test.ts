import { describe, expect, it } from "vitest";
import { contactProblems, normalizePhone, registryContactsFor, type ContactFields } from "@/lib/contact-rules";

const good: ContactFields = {
  name: "Ada Lovelace",
  organization: "",
  email: "ada@example.org",
  phone: "+44.2071234567",
  street1: "1 High St",
  street2: "",
  city: "London",
  state: "",
  postalCode: "SW1A 1AA",
  countryCode: "GB",
};

describe("contact rules", () => {
  it("accepts a complete contact", () => {
    expect(contactProblems(good)).toEqual({});
  });

  it("names each missing or malformed field", () => {
    const p = contactProblems({ ...good, name: "", email: "nope", phone: "020 7123 4567", countryCode: "XX" });
    expect(Object.keys(p).sort()).toEqual(["countryCode", "email", "name", "phone"]);
    expect(p.phone).toMatch(/\+1\.5555551234/);
  });

  it("asks for a state in countries whose addresses need one and no postcode where none exists", () => {
    expect(contactProblems({ ...good, countryCode: "US", state: "", postalCode: "10001" }).state).toBeDefined();
    expect(contactProblems({ ...good, countryCode: "IE", postalCode: "" }).postalCode).toBeUndefined();
  });

  it("normalises a spaced international phone number into the EPP form", () => {
    expect(normalizePhone("+1 (555) 555-1234")).toBe("+1.5555551234");
    expect(normalizePhone("+44.2071234567")).toBe("+44.2071234567");
  });

  it("knows which registries take contacts", () => {
    expect(registryContactsFor("com")).toBe("prohibited");
    expect(registryContactsFor("org")).toBe("required");
    expect(registryContactsFor("io")).toBe("optional");
    expect(registryContactsFor("com", "required")).toBe("required");
  });
});
