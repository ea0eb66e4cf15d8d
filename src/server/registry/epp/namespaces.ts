export const NS = {
  epp: "urn:ietf:params:xml:ns:epp-1.0",
  domain: "urn:ietf:params:xml:ns:domain-1.0",
  host: "urn:ietf:params:xml:ns:host-1.0",
  contact: "urn:ietf:params:xml:ns:contact-1.0",
  secDNS: "urn:ietf:params:xml:ns:secDNS-1.1",
  rgp: "urn:ietf:params:xml:ns:rgp-1.0",
  launch: "urn:ietf:params:xml:ns:launch-1.0",
  fee: "urn:ietf:params:xml:ns:epp:fee-1.0",
  smd: "urn:ietf:params:xml:ns:signedMark-1.0",
} as const;

/** What the client asks for at login; a registry lacking one answers 2307/2103. */
export const CLIENT_OBJ_URIS = [NS.domain, NS.host, NS.contact];
export const CLIENT_EXT_URIS = [NS.secDNS, NS.rgp, NS.launch, NS.fee];
