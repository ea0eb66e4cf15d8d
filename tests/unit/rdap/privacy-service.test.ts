import { describe, expect, it } from "vitest";
import { parsePrivacyServiceContact } from "@/server/rdap/privacy-service";

const VALID = {
  name: "Privacy Service",
  email: "privacy@registrar.example",
  phone: "+1.5555550100",
  street: ["1 Example Way"],
  city: "Example City",
  countryCode: "US",
};

describe("PRIVACY_SERVICE_CONTACT", () => {
  it("reads the proxy service's contact, filling optional fields", () => {
    expect(parsePrivacyServiceContact(JSON.stringify(VALID))).toEqual({
      ...VALID,
      organization: "",
      state: "",
      postalCode: "",
    });
  });

  it("refuses JSON that is not a usable contact, naming the variable and the field", () => {
    expect(() => parsePrivacyServiceContact("{name:")).toThrow(/PRIVACY_SERVICE_CONTACT is not valid JSON/);
    expect(() => parsePrivacyServiceContact(JSON.stringify({ ...VALID, phone: "555-0100" }))).toThrow(
      /PRIVACY_SERVICE_CONTACT: phone/,
    );
    expect(() => parsePrivacyServiceContact(JSON.stringify({ ...VALID, countryCode: "usa" }))).toThrow(/countryCode/);
  });
});
