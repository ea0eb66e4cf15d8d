/**
 * The registry's answer in words a registrant understands. The code and the registry's own message
 * are kept alongside (history, support), but the sentence is what the page shows.
 */
const WORDS: Record<number, string> = {
  1000: "The registry completed the request.",
  1001: "The registry accepted the request; it completes later.",
  2002: "The registry does not allow this command in the domain's current situation.",
  2003: "The registry needs information that was missing from the request.",
  2004: "The registry refused a value as out of range (for example the period or the current expiry date).",
  2005: "The registry refused a value as badly formed.",
  2104: "The registry refused the request for billing reasons.",
  2105: "The domain is not eligible for renewal.",
  2106: "The domain is not eligible for transfer.",
  2201: "The registry says we are not authorised to do this for this domain.",
  2202: "The auth code is not valid.",
  2300: "A transfer is already pending for this domain.",
  2301: "There is no pending transfer to act on.",
  2302: "It already exists at the registry.",
  2303: "The registry has no such object.",
  2304: "The domain's status does not allow this (for example a lock, a pending transfer or a pending delete).",
  2305: "Other objects depend on this one (for example host names under the domain), so the registry refused.",
  2306: "The registry's policy does not allow this value.",
  2308: "The registry's data management policy does not allow this.",
  2400: "The registry could not complete the command. Please try again shortly.",
  2500: "The registry closed the connection. Please try again shortly.",
  2502: "The registry is busy. Please try again shortly.",
};

export function describeRegistryResult(code: number, message: string): string {
  const words =
    WORDS[code] ?? (code < 2000 ? "The registry completed the request." : "The registry refused the request.");
  return `${words} (registry code ${code}: ${message})`;
}
