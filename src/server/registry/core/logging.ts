/** Per-operation audit hook; secrets are masked before any entry leaves the adapter. */

export interface RegistryLogEntry {
  registry: string;
  operation: string;
  clTRID?: string;
  svTRID?: string;
  code?: number;
  durationMs: number;
  /** Request and response as sent (XML for EPP, JSON for in-process), auth codes and passwords masked. */
  request: string;
  response?: string;
  error?: string;
}

export type RegistryLogger = (entry: RegistryLogEntry) => void;

const XML_SECRETS = /<((?:[\w-]+:)?(?:pw|newPW))(\s[^>]*)?>[^<]*<\/\1>/g;

export function maskXml(xml: string): string {
  return xml.replace(XML_SECRETS, (_m, tag: string, attrs: string | undefined) => `<${tag}${attrs ?? ""}>***</${tag}>`);
}

const SECRET_KEYS = new Set(["authInfo", "password", "pw", "newPw"]);

export function maskJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (SECRET_KEYS.has(key) && typeof v === "string" ? "***" : v));
}
