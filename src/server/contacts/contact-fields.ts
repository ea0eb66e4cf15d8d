/** The columns of a contact that pages, RDAP and checkout show: everything but ids of other rows and audit times. */
export const CONTACT_FIELDS = {
  id: true,
  name: true,
  organization: true,
  email: true,
  phone: true,
  street1: true,
  street2: true,
  city: true,
  state: true,
  postalCode: true,
  countryCode: true,
} as const;
