/** The two demo resellers. Their looks differ on purpose, so a mix-up between tenants is obvious. */
export type DemoReseller = {
  slug: string;
  legalName: string;
  displayName: string;
  owner: { email: string; name: string };
  registrant: { email: string; name: string };
  branding: {
    tagline: string;
    primaryColor: string;
    accentColor: string;
    backgroundColor: string;
    textColor: string;
    font: "system" | "serif" | "rounded" | "mono";
    supportEmail: string;
    supportPhone: string;
    termsText: string;
    privacyText: string;
  };
};

const terms = (name: string) =>
  `These terms apply to every order placed with ${name}.\n\nDomain names are registered for the period you choose and renew only when you ask us to or turn on auto-renew. Prices include the registry fee.\n\nYou agree to keep your contact details accurate. We verify new contact details as the registrar's accreditation requires; a name whose contact is not verified within 15 days may be suspended.\n\nRefunds are possible within five days of a new registration.`;

const privacy = (name: string) =>
  `${name} collects the contact details a domain registration needs and the payment details an order needs.\n\nWe share registration data with the registry and the sponsoring registrar, and publish it in RDAP only as ICANN's policies allow, with personal data redacted.\n\nWrite to our support address to see, correct or delete the data we hold about you.`;

export const DEMO_RESELLERS: DemoReseller[] = [
  {
    slug: "acme",
    legalName: "Acme Domains LLC",
    displayName: "Acme Domains",
    owner: { email: "owner@acme.test", name: "Alex Acme" },
    registrant: { email: "jane@example.com", name: "Jane Doe" },
    branding: {
      tagline: "Friendly domain names for small businesses.",
      primaryColor: "#1d4ed8",
      accentColor: "#f59e0b",
      backgroundColor: "#ffffff",
      textColor: "#0f172a",
      font: "rounded",
      supportEmail: "support@acme.test",
      supportPhone: "+1 555 010 0100",
      termsText: terms("Acme Domains"),
      privacyText: privacy("Acme Domains"),
    },
  },
  {
    slug: "nimbus",
    legalName: "Nimbus Names GmbH",
    displayName: "Nimbus Names",
    owner: { email: "owner@nimbus.test", name: "Nora Nimbus" },
    registrant: { email: "sam@example.com", name: "Sam Smith" },
    branding: {
      tagline: "Names with room to grow.",
      primaryColor: "#14532d",
      accentColor: "#db2777",
      backgroundColor: "#f6fbf7",
      textColor: "#0b1f14",
      font: "serif",
      supportEmail: "help@nimbus.test",
      supportPhone: "+49 30 1234 5678",
      termsText: terms("Nimbus Names"),
      privacyText: privacy("Nimbus Names"),
    },
  },
];

/**
 * Fixed TOTP secrets of the demo staff accounts (base32), so `npm run dev` can print them, `npm run
 * totp -- EMAIL` can show the current code and the browser tests can sign in. Demo data only: they
 * are published here, like the demo password.
 */
export const DEMO_TOTP_SECRETS: Readonly<Record<string, string>> = {
  "admin@registrar.test": "BEFW3CJIQMA6BXMNQ5C2QSJ32DGIMTJR",
  "auditor@registrar.test": "CKFHGFMRXMFEZQTTBGAB6L67GH2SIM77",
  "owner@acme.test": "R6AGNFQY5HCOR5QYUQXK25JJECFPLMNJ",
  "owner@nimbus.test": "Y66C2XXGQ2OU35Y2QQB4BP2IJXRLY6KK",
};
