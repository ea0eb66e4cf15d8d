/**
 * The demo registrants' names and the story of each: when it was bought, for how long, and whether
 * it was left to lapse. Dates are days before the moment the seed runs; the registry decides the
 * expiry dates themselves.
 */
import type { ContactFields } from "../../src/lib/contact-rules";

export type DemoName = {
  name: string;
  years: number;
  boughtDaysAgo: number;
  /** The registrant turned auto-renew off after buying (the lifecycle then leaves renewing to them). */
  autoRenewOff?: boolean;
  /** Not renewed: expired, the registry's grace ran out, and the lifecycle sweep deleted it (redemption). */
  lapses?: boolean;
};

export type DemoPortfolio = {
  resellerSlug: string;
  registrantEmail: string;
  contact: ContactFields;
  names: DemoName[];
};

// A year and a bit: a lapsed name's expiry, its 45-day auto-renew grace and a few days of
// redemption fit before today. 353 and 339 days ago put expiries 12 and 26 days ahead.
const story = (label: string, [lapsed, dueFirst, dueNext, recent]: [string, string, string, string]): DemoName[] => [
  { name: `${label}-${lapsed}.com`, years: 1, boughtDaysAgo: 414, autoRenewOff: true, lapses: true },
  { name: `${label}-${dueFirst}.com`, years: 1, boughtDaysAgo: 353, autoRenewOff: true },
  { name: `${label}-${dueNext}.net`, years: 1, boughtDaysAgo: 339 },
  { name: `${label}.org`, years: 2, boughtDaysAgo: 200 },
  { name: `${label}-${recent}.io`, years: 1, boughtDaysAgo: 40 },
];

export const DEMO_PORTFOLIOS: DemoPortfolio[] = [
  {
    resellerSlug: "acme",
    registrantEmail: "jane@example.com",
    contact: {
      name: "Jane Doe",
      organization: "",
      email: "jane@example.com",
      phone: "+1.5555550123",
      street1: "1 Main Street",
      street2: "",
      city: "Springfield",
      state: "IL",
      postalCode: "62701",
      countryCode: "US",
    },
    names: story("janedoe", ["oldshop", "studio", "photos", "blog"]),
  },
  {
    resellerSlug: "nimbus",
    registrantEmail: "sam@example.com",
    contact: {
      name: "Sam Smith",
      organization: "Smith Bakery",
      email: "sam@example.com",
      phone: "+49.301234567",
      street1: "Lindenstrasse 5",
      street2: "",
      city: "Berlin",
      state: "",
      postalCode: "10969",
      countryCode: "DE",
    },
    names: story("samsmith", ["archive", "bakery", "bikes", "notes"]),
  },
];

/** Each name's order carries this key, so a second run finds the first one's orders. */
export const demoOrderKey = (name: string) => `demo-seed:${name}`;
