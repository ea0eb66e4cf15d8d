/**
 * The ICANN gTLD RDAP Response Profile (2024) and Technical Implementation Guide rules for a registrar's
 * domain answer, as explicit checks (ICANN's conformance tool implements them in Java, not schema;
 * codes in the messages are the tool's test cases). Each returns problems as readable lines; a
 * conforming answer gives none.
 */
import { jsonPath } from "./json-path";

type Json = Record<string, unknown>;
type Expect = { requestUrl: string; ianaId: number };

const REQUIRED_CONFORMANCE = [
  "rdap_level_0",
  "icann_rdap_response_profile_1",
  "icann_rdap_technical_implementation_guide_1",
];

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function obj(v: unknown): Json {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
}

function squash(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/[.\s]+$/, "")
    .trim();
}

export function conformanceProblems(body: Json): string[] {
  const problems: string[] = [];
  const values = arr(body.rdapConformance);
  for (const v of REQUIRED_CONFORMANCE) if (!values.includes(v)) problems.push(`-62000: rdapConformance lacks ${v}`);
  if (body.redacted !== undefined && !values.includes("redacted"))
    problems.push("-62001: redacted member without the redacted conformance value");
  return problems;
}

function noticeProblems(body: Json, want: Expect): string[] {
  const notices = arr(body.notices).map(obj);
  const rules = [
    {
      title: "Status Codes",
      text: "For more information on domain status codes, please visit https://icann.org/epp",
      href: "https://icann.org/epp",
      rel: "glossary",
      code: -46600,
    },
    {
      title: "RDDS Inaccuracy Complaint Form",
      text: "URL of the ICANN RDDS Inaccuracy Complaint Form: https://icann.org/wicf",
      href: "https://icann.org/wicf",
      rel: "help",
      code: -46700,
    },
  ];
  const problems: string[] = [];
  for (const r of rules) {
    const notice = notices.find((n) => n.title === r.title);
    if (!notice) {
      problems.push(`${r.code - 1}: no "${r.title}" notice`);
      continue;
    }
    if (!arr(notice.description).some((d) => typeof d === "string" && squash(d) === squash(r.text)))
      problems.push(`${r.code - 2}: "${r.title}" description is not the profile's sentence`);
    const link = arr(notice.links)
      .map(obj)
      .find((l) => l.href === r.href);
    if (!link) problems.push(`${r.code - 4}: "${r.title}" has no link to ${r.href}`);
    else {
      if (link.rel !== r.rel) problems.push(`${r.code - 5}: "${r.title}" link rel is ${String(link.rel)}`);
      if (link.value !== want.requestUrl)
        problems.push(`${r.code - 6}: "${r.title}" link value is not the request URL`);
    }
  }
  return problems;
}

function eventProblems(body: Json): string[] {
  const actions = arr(body.events).map((e) => obj(e).eventAction);
  const problems: string[] = [];
  for (const a of ["registration", "expiration", "registrar expiration", "last update of RDAP database"])
    if (!actions.includes(a)) problems.push(`events lack "${a}"`);
  if (new Set(actions).size !== actions.length) problems.push("an event action appears twice");
  return problems;
}

export function registrarProblems(entities: Json[], want: Expect & { about: string }): string[] {
  const registrars = entities.filter((e) => arr(e.roles).includes("registrar"));
  if (registrars.length !== 1) return [`-47300: ${registrars.length} registrar entities, want exactly one`];
  const r = registrars[0];
  const problems: string[] = [];
  const id = String(want.ianaId);
  if (r.handle !== id) problems.push(`registrar handle ${String(r.handle)} is not the IANA ID ${id}`);
  const publicIds = arr(r.publicIds).map(obj);
  if (!publicIds.some((p) => p.type === "IANA Registrar ID" && p.identifier === id))
    problems.push("-26100: registrar has no publicId of type IANA Registrar ID");
  if (!jsonPath(r, "$.vcardArray[1][?(@[0]=='fn')][3]").some((v) => typeof v === "string" && v.length > 0))
    problems.push("registrar vcard has no fn");
  const about = arr(r.links)
    .map(obj)
    .find((l) => l.rel === "about");
  if (!about) problems.push("-47700: registrar has no about link");
  else {
    if (typeof about.href !== "string" || !about.href.startsWith("https://"))
      problems.push("-47702: registrar RDAP base URL is not https");
    if (about.href !== want.about) problems.push(`about link ${String(about.href)} is not ${want.about}`);
  }
  const abuse = arr(r.entities)
    .map(obj)
    .filter((e) => arr(e.roles).includes("abuse"));
  if (abuse.length !== 1) problems.push("-47500: registrar has no abuse entity");
  else {
    if (jsonPath(abuse[0], "$.vcardArray[1][?(@[0]=='tel')][3]").length === 0)
      problems.push("-47501: abuse has no tel");
    if (jsonPath(abuse[0], "$.vcardArray[1][?(@[0]=='email')][3]").length === 0)
      problems.push("-47502: abuse has no email");
  }
  return problems;
}

type Redaction = { name: Json; prePath?: string; postPath?: string; pathLang?: string; method?: string; reason?: Json };

function redactionNamed(body: Json, type: string): Redaction | undefined {
  return arr(body.redacted)
    .map((r) => obj(r) as Redaction)
    .find((r) => obj(r.name).type === type);
}

function select(body: Json, p: string | undefined): unknown[] | "invalid" {
  if (p === undefined) return "invalid";
  try {
    return jsonPath(body, p);
  } catch {
    return "invalid";
  }
}

/** A field shown empty must be declared as an emptyValue redaction whose postPath finds it. */
function emptied(body: Json, type: string): string[] {
  const r = redactionNamed(body, type);
  if (!r) return [`a redaction of type ${type} is required`];
  const found = select(body, r.postPath);
  if (found === "invalid") return [`jsonpath is invalid for ${type}`];
  if (found.length === 0) return [`${type}: postPath must select the emptied value`];
  return r.method === "emptyValue" ? [] : [`${type} redaction method must be emptyValue`];
}

/** A field left out must be declared as a removal whose prePath finds nothing. */
function removed(body: Json, type: string): string[] {
  const r = redactionNamed(body, type);
  if (!r) return [`a redaction of type ${type} is required`];
  if (r.prePath !== undefined) {
    const found = select(body, r.prePath);
    if (found === "invalid") return [`jsonpath is invalid for ${type}`];
    if (found.length > 0) return [`${type}: prePath must select nothing once removed`];
  }
  return r.method === undefined || r.method === "removal" ? [] : [`${type} redaction method must be removal`];
}

function property(entity: Json, name: string): unknown[][] {
  return arr(arr(entity.vcardArray)[1]).filter((p): p is unknown[] => Array.isArray(p) && p[0] === name);
}

function emailRedaction(body: Json, entity: Json, type: string): string[] {
  const r = redactionNamed(body, type);
  if (!r) return [];
  const email = property(entity, "email");
  const uri = property(entity, "contact-uri");
  const problems: string[] = [];
  if (email.length > 0 && uri.length > 0) problems.push(`${type}: email and contact-uri together`);
  if (email.length === 0 && uri.length === 0) problems.push(`${type}: neither email nor contact-uri`);
  if (r.method !== "replacementValue") problems.push(`${type} redaction method must be replacementValue`);
  if (email.length > 0 && r.postPath !== undefined) {
    const found = select(body, r.postPath);
    if (found === "invalid" || found.length === 0) problems.push(`${type}: postPath must select the replacement`);
  }
  return problems;
}

function contactProblems(body: Json, entity: Json, role: "registrant" | "technical"): string[] {
  const label = role === "registrant" ? "Registrant" : "Tech";
  const problems: string[] = [];
  if (entity.handle === undefined) problems.push(...removed(body, `Registry ${label} ID`));
  const fn = property(entity, "fn");
  if (fn.length === 0) problems.push(`${label}: the fn property is required`);
  else if (fn[0][3] === "") problems.push(...emptied(body, `${label} Name`));
  const tel = property(entity, "tel").filter((p) => {
    const type = obj(p[1]).type;
    return type === "voice" || (Array.isArray(type) && type.includes("voice"));
  });
  if (tel.length === 0) problems.push(...removed(body, `${label} Phone`));
  problems.push(...emailRedaction(body, entity, `${label} Email`));
  if (role === "registrant") {
    if (property(entity, "org").length === 0) problems.push(...removed(body, "Registrant Organization"));
    const adr = property(entity, "adr");
    if (adr.length === 0) problems.push("Registrant: the adr property is required");
    for (const a of adr) {
      const value = arr(a[3]);
      const fields: [number, string][] = [
        [2, "Registrant Street"],
        [3, "Registrant City"],
        [5, "Registrant Postal Code"],
      ];
      for (const [i, type] of fields) {
        if (value[i] === undefined) problems.push(`${type}: value missing from adr`);
        else if (value[i] === "" || (Array.isArray(value[i]) && arr(value[i]).every((s) => s === "")))
          problems.push(...emptied(body, type));
      }
      if (value[6] !== "") problems.push("-62100: the country name in adr must be empty");
      if (typeof obj(a[1]).cc !== "string") problems.push("-62101: adr has no cc parameter");
    }
  }
  return problems;
}

function redactionShapeProblems(body: Json): string[] {
  const problems: string[] = [];
  for (const r of arr(body.redacted).map((x) => obj(x) as Redaction)) {
    const name = String(obj(r.name).type ?? obj(r.name).description);
    if (typeof obj(r.name).type !== "string") problems.push(`${name}: redaction names its field by type`);
    if (r.pathLang !== "jsonpath") problems.push(`${name}: pathLang is not jsonpath`);
    if (!["removal", "emptyValue", "replacementValue", "partialValue"].includes(String(r.method)))
      problems.push(`${name}: unknown method ${String(r.method)}`);
    if (typeof obj(r.reason).description !== "string" && typeof obj(r.reason).type !== "string")
      problems.push(`${name}: no reason`);
    // RFC 9537 section 3: what a redaction says must be true of the answer it sits in.
    const pre = r.prePath === undefined ? [] : select(body, r.prePath);
    const post = r.postPath === undefined ? [] : select(body, r.postPath);
    if (pre === "invalid" || post === "invalid") problems.push(`${name}: jsonpath is invalid`);
    else if (r.method === "removal" && pre.length > 0) problems.push(`${name}: removed, yet its prePath finds a value`);
    else if (r.method === "emptyValue" && (post.length === 0 || post.some((v) => v !== "")))
      problems.push(`${name}: emptied, yet its postPath finds no empty value`);
    else if (r.method === "replacementValue" && r.postPath !== undefined && post.length === 0)
      problems.push(`${name}: replaced, yet its postPath finds nothing`);
  }
  return problems;
}

/** Every profile rule for a registrar's domain answer. */
export function domainProfileProblems(body: Json, want: Expect & { about: string }): string[] {
  const entities = arr(body.entities).map(obj);
  const problems = [
    ...conformanceProblems(body),
    ...noticeProblems(body, want),
    ...eventProblems(body),
    ...registrarProblems(entities, want),
    ...redactionShapeProblems(body),
  ];
  if (arr(body.status).length === 0) problems.push("-47100: no status");
  if (arr(body.status).includes("active") && arr(body.status).length > 1)
    problems.push("-46900: active beside other statuses");
  const self = arr(body.links)
    .map(obj)
    .find((l) => l.rel === "self");
  if (!self || self.value !== want.requestUrl) problems.push("self link missing or its value is not the request URL");
  if (body.handle === undefined) problems.push(...removed(body, "Registry Domain ID"));
  const registrants = entities.filter((e) => arr(e.roles).includes("registrant"));
  if (registrants.length !== 1) problems.push(`-63000: ${registrants.length} registrants, want exactly one`);
  for (const e of registrants) problems.push(...contactProblems(body, e, "registrant"));
  for (const e of entities.filter((x) => arr(x.roles).includes("technical")))
    problems.push(...contactProblems(body, e, "technical"));
  return problems;
}
