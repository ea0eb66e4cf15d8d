/**
 * ICANN's RDAP JSON Schemas (tests/fixtures/rdap-json-schema, from icann/rdap-conformance-tool) in
 * ajv 8, loaded as the shared reference notes say: no unicode regexps, the nested `$id` in
 * jcard.json removed, and the tool's custom formats registered. Those that name an IANA registry
 * (status, role, event action, notice type, link relation, extension) are backed by the registry's
 * values, so a misspelt status fails; the rest are checked loosely.
 */
import { readdirSync, readFileSync } from "node:fs";
import { isIPv4, isIPv6 } from "node:net";
import path from "node:path";
import { domainToASCII } from "node:url";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const DIR = path.resolve(__dirname, "../../../fixtures/rdap-json-schema");

// IANA "RDAP JSON Values" (status, role, event action, notice and remark type), as of 2024.
const STATUS = [
  "validated",
  "renew prohibited",
  "update prohibited",
  "transfer prohibited",
  "delete prohibited",
  "proxy",
  "private",
  "removed",
  "obscured",
  "associated",
  "active",
  "inactive",
  "locked",
  "pending create",
  "pending renew",
  "pending transfer",
  "pending update",
  "pending delete",
  "add period",
  "auto renew period",
  "client delete prohibited",
  "client hold",
  "client renew prohibited",
  "client transfer prohibited",
  "client update prohibited",
  "pending restore",
  "redemption period",
  "renew period",
  "server delete prohibited",
  "server renew prohibited",
  "server transfer prohibited",
  "server update prohibited",
  "server hold",
  "transfer period",
  "administrative",
  "reserved",
];
const ROLES = [
  "registrant",
  "technical",
  "administrative",
  "abuse",
  "billing",
  "registrar",
  "reseller",
  "sponsor",
  "proxy",
  "notifications",
  "noc",
];
const EVENT_ACTIONS = [
  "registration",
  "reregistration",
  "last changed",
  "expiration",
  "deletion",
  "reinstantiation",
  "transfer",
  "locked",
  "unlocked",
  "last update of RDAP database",
  "registrar expiration",
  "enum validation expiration",
];
const NOTICE_TYPES = [
  "result set truncated due to authorization",
  "result set truncated due to excessive load",
  "result set truncated due to unexplainable reasons",
  "object truncated due to authorization",
  "object truncated due to excessive load",
  "object truncated due to unexplainable reasons",
  "object redacted due to authorization",
];
// IANA link relations that RDAP answers use (a subset of the registry).
const LINK_RELATIONS = [
  "about",
  "alternate",
  "copyright",
  "describedby",
  "glossary",
  "help",
  "license",
  "related",
  "self",
  "terms-of-service",
  "up",
  "down",
  "next",
  "prev",
  "privacy-policy",
];
// IANA RDAP Extensions registry entries an ICANN gTLD server may name.
const EXTENSIONS = [
  "rdap_level_0",
  "icann_rdap_response_profile_0",
  "icann_rdap_response_profile_1",
  "icann_rdap_technical_implementation_guide_0",
  "icann_rdap_technical_implementation_guide_1",
  "redacted",
  "nro_rdap_profile_0",
  "cidr0",
  "arin_originas0",
  "rdap_objectTag",
  "fred",
  "platformNS",
  "regType",
  "paging",
  "sorting",
  "subsetting",
  "exts",
  "rdap_x",
  "jscontact",
];

function oneOf(values: string[]): (s: string) => boolean {
  const set = new Set(values);
  return (s) => set.has(s);
}

function hostnameOk(s: string): boolean {
  return s.length > 0 && s.length <= 253 && domainToASCII(s) !== "";
}

function buildAjv(): Ajv {
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat("status", oneOf(STATUS));
  ajv.addFormat("role", oneOf(ROLES));
  ajv.addFormat("eventAction", oneOf(EVENT_ACTIONS));
  ajv.addFormat("noticeAndRemark", oneOf(NOTICE_TYPES));
  ajv.addFormat("linkRelations", oneOf(LINK_RELATIONS));
  ajv.addFormat("rdapExtensions", oneOf(EXTENSIONS));
  ajv.addFormat("mediaTypes", (s: string) => /^[a-z]+\/[a-z0-9.+-]+$/i.test(s));
  ajv.addFormat(
    "variantRelation",
    oneOf(["registered", "unregistered", "registration restricted", "open registration", "conjoined"]),
  );
  ajv.addFormat("hostname-in-uri", (s: string) => {
    try {
      const host = new URL(s).hostname.replace(/^\[|\]$/g, "");
      return isIPv4(host) || isIPv6(host) || hostnameOk(host);
    } catch {
      return false;
    }
  });
  ajv.addFormat("ipv4-validation", (s: string) => isIPv4(s));
  ajv.addFormat("ipv6-validation", (s: string) => isIPv6(s));
  ajv.addFormat("image", () => true);
  ajv.addFormat("idn-hostname", hostnameOk);
  ajv.addFormat("idn-email", (s: string) => /^[^\s@]+@[^\s@]+$/.test(s));
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".json"))) {
    const schema = JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as Record<string, unknown>;
    if (file === "jcard.json") {
      const defs = schema.definitions as Record<string, Record<string, unknown>>;
      delete defs.vcardArray.$id;
    }
    ajv.addSchema(schema);
  }
  return ajv;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

export type RdapSchema =
  "rdap_domain.json" | "rdap_entity.json" | "rdap_nameserver.json" | "rdap_help.json" | "rdap_error.json";

/**
 * Schema errors of `body` as readable lines (empty when valid). The tool's schemas predate RFC 9537
 * and list no `redacted` member; the tool accepts members of extensions named in rdapConformance, so
 * `redacted` is taken out here and checked by the profile rules instead.
 */
export function schemaErrors(schema: RdapSchema, body: unknown): string[] {
  ajv ??= buildAjv();
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.getSchema(schema);
    if (!validate) throw new Error(`No schema ${schema}`);
    compiled.set(schema, validate);
  }
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const conformance = Array.isArray(copy.rdapConformance) ? copy.rdapConformance : [];
  if (conformance.includes("redacted")) delete copy.redacted;
  if (validate(copy)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
