/** Tenancy test inputs that the shared factories do not cover. */
import { RESELLER_AGREEMENT_VERSION } from "@/lib/reseller-agreement";
import type { ApplicationInput } from "@/server/tenancy/application-input";

/** A valid application; overrides may be deliberately invalid, as a form post could be. */
export function applicationInput(over: Record<string, unknown> = {}): ApplicationInput {
  return {
    companyName: "Orbit Web Services",
    desiredSlug: "orbit",
    contactName: "Olivia Orbit",
    contactEmail: "olivia@orbit.test",
    contactPhone: "+44 20 7946 0000",
    country: "gb",
    website: "https://orbit.test",
    expectedVolume: "250",
    agreementVersion: RESELLER_AGREEMENT_VERSION,
    acceptAgreement: true,
    ...over,
  } as ApplicationInput;
}
