/**
 * How launch application forms name their registrant contact inputs: prefixed, because the form's
 * own `name` field is the domain name; "new" in the saved-contact select means details typed below.
 * Client-safe, shared by the forms and the services that name a field in an error.
 */
export const CONTACT_FIELD_PREFIX = "contact-";
export const NEW_CONTACT = "new";
