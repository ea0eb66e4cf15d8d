/** The RDAP JSON shapes we answer with (RFC 9083, RFC 9537), typed so the builders cannot drift. */

export const RDAP_MEDIA_TYPE = "application/rdap+json";

export type RdapLink = { value?: string; rel: string; href: string; type?: string; title?: string };
export type RdapNotice = { title?: string; description: string[]; links?: RdapLink[] };
export type RdapEvent = { eventAction: string; eventDate: string };

/** A jCard property (RFC 7095): name, parameters, value type, value (adr's value is a list). */
export type JCardProperty = [string, Record<string, string>, string, string | (string | string[])[]];
export type VCardArray = ["vcard", JCardProperty[]];

export type RdapEntity = {
  objectClassName: "entity";
  handle?: string;
  roles: string[];
  publicIds?: { type: string; identifier: string }[];
  vcardArray?: VCardArray;
  status?: string[];
  remarks?: RdapNotice[];
  links?: RdapLink[];
  events?: RdapEvent[];
  entities?: RdapEntity[];
};

export type RdapNameserver = {
  objectClassName: "nameserver";
  ldhName: string;
  unicodeName?: string;
  ipAddresses?: { v4?: string[]; v6?: string[] };
  status?: string[];
  links?: RdapLink[];
  events?: RdapEvent[];
  entities?: RdapEntity[];
};

/** RFC 9537 section 4.2; paths are JSONPath over the response they sit in. */
export type RdapRedaction = {
  name: { type: string };
  prePath?: string;
  postPath?: string;
  pathLang: "jsonpath";
  method: "removal" | "emptyValue" | "replacementValue";
  reason: { description: string };
};

/** Members every top-level answer carries (RFC 9083 section 4). */
export type RdapTopLevel = {
  rdapConformance: string[];
  notices: RdapNotice[];
  redacted?: RdapRedaction[];
};

export type RdapDomain = RdapTopLevel & {
  objectClassName: "domain";
  handle?: string;
  ldhName: string;
  unicodeName?: string;
  links: RdapLink[];
  status: string[];
  events: RdapEvent[];
  nameservers: RdapNameserver[];
  secureDNS: {
    delegationSigned: boolean;
    dsData?: { keyTag: number; algorithm: number; digestType: number; digest: string }[];
  };
  entities: RdapEntity[];
};

export type RdapErrorBody = {
  rdapConformance: string[];
  errorCode: number;
  title: string;
  description: string[];
};

/** Who asks: anyone, or a registrant signed in on the platform (their own names are shown in full). */
export type RdapViewer = { kind: "anonymous" } | { kind: "registrant"; registrantId: string; resellerId: string };

/** What every builder needs to know about the request. */
export type RdapRequestContext = {
  /** The URL the client asked for (links' `value`, RFC 9083 section 4.2). */
  requestUrl: string;
  /** The registrar's RDAP base URL, ending in "/" (self links, the registrar's "about" link). */
  baseUrl: string;
  now: Date;
  viewer: RdapViewer;
};
