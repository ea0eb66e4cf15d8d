/**
 * The reseller agreement applicants accept. Its version is stored with each application, so a later
 * revision never changes what an earlier applicant agreed to. Bump the version with any change.
 */
export const RESELLER_AGREEMENT_VERSION = "2026-01";

export const RESELLER_AGREEMENT_SECTIONS: { heading: string; text: string }[] = [
  {
    heading: "1. Sponsoring registrar",
    text: "The registrar remains the sponsoring registrar of every domain name you sell. Your storefront shows the registrar's name and the disclosure text it provides, and you identify the registrar to any registrant who asks.",
  },
  {
    heading: "2. Registration agreement",
    text: "Your registrants accept a registration agreement that includes every provision the registrar's accreditation requires. You do not use ICANN's name or logos or claim to be accredited.",
  },
  {
    heading: "3. Prepaid balance",
    text: "Registrations, renewals and transfers are paid from your prepaid balance at your wholesale prices. You set your own retail prices.",
  },
  {
    heading: "4. Abuse and compliance",
    text: "You pass abuse reports to the registrar's abuse contact without delay, keep registrant contact data accurate, and cooperate with verification, data escrow and data-disclosure requests.",
  },
  {
    heading: "5. Suspension",
    text: "The registrar may suspend your account for non-payment or non-compliance. While suspended, your storefront sells nothing and your console is read-only; the domains you manage stay registered.",
  },
];
