/** Raw EPP frames for the mock registry's wire tests: what a registrar's client puts on the wire. */
import { RawEppClient, resultCode } from "../../support/epp-raw-client";

const EPP = 'xmlns="urn:ietf:params:xml:ns:epp-1.0"';
export const D = 'xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"';
export const H = 'xmlns:host="urn:ietf:params:xml:ns:host-1.0"';
export const C = 'xmlns:contact="urn:ietf:params:xml:ns:contact-1.0"';
export const FEE = 'xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0"';
export const SEC = 'xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.1"';

let tr = 0;

export function command(verb: string, extension = ""): string {
  tr += 1;
  const ext = extension ? `<extension>${extension}</extension>` : "";
  return `<epp ${EPP}><command>${verb}${ext}<clTRID>wire-${tr}</clTRID></command></epp>`;
}

export function login(clID: string, pw: string, newPw?: string): string {
  const np = newPw === undefined ? "" : `<newPW>${newPw}</newPW>`;
  return `<epp ${EPP}><command><login><clID>${clID}</clID><pw>${pw}</pw>${np}<options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI><objURI>urn:ietf:params:xml:ns:host-1.0</objURI><objURI>urn:ietf:params:xml:ns:contact-1.0</objURI><svcExtension><extURI>urn:ietf:params:xml:ns:secDNS-1.1</extURI><extURI>urn:ietf:params:xml:ns:rgp-1.0</extURI><extURI>urn:ietf:params:xml:ns:epp:fee-1.0</extURI></svcExtension></svcs></login><clTRID>login-${++tr}</clTRID></command></epp>`;
}

/** A logged-in client that answers with result codes and keeps the last response to read. */
export class Registrar {
  last = "";

  constructor(readonly raw: RawEppClient) {}

  async send(xml: string): Promise<number | undefined> {
    this.last = (await this.raw.send(xml)) ?? "";
    return resultCode(this.last);
  }

  createDomain(name: string, authInfo = "domain-secret-1", extension = ""): Promise<number | undefined> {
    return this.send(
      command(
        `<create><domain:create ${D}><domain:name>${name}</domain:name><domain:authInfo><domain:pw>${authInfo}</domain:pw></domain:authInfo></domain:create></create>`,
        extension,
      ),
    );
  }

  createHost(name: string, addrs: string[]): Promise<number | undefined> {
    const a = addrs.map((x) => `<host:addr ip="${x.includes(":") ? "v6" : "v4"}">${x}</host:addr>`).join("");
    return this.send(command(`<create><host:create ${H}><host:name>${name}</host:name>${a}</host:create></create>`));
  }

  updateDomain(name: string, add: string, rem: string, extension = ""): Promise<number | undefined> {
    const part = (tag: string, inner: string) => (inner ? `<domain:${tag}>${inner}</domain:${tag}>` : "");
    return this.send(
      command(
        `<update><domain:update ${D}><domain:name>${name}</domain:name>${part("add", add)}${part("rem", rem)}</domain:update></update>`,
        extension,
      ),
    );
  }

  infoDomain(name: string, authInfo?: string): Promise<number | undefined> {
    const auth = authInfo === undefined ? "" : `<domain:authInfo><domain:pw>${authInfo}</domain:pw></domain:authInfo>`;
    return this.send(
      command(`<info><domain:info ${D}><domain:name hosts="all">${name}</domain:name>${auth}</domain:info></info>`),
    );
  }

  checkDomains(names: string[], extension = ""): Promise<number | undefined> {
    const n = names.map((x) => `<domain:name>${x}</domain:name>`).join("");
    return this.send(command(`<check><domain:check ${D}>${n}</domain:check></check>`, extension));
  }
}

export function ds(keyTag: number): string {
  return `<secDNS:dsData><secDNS:keyTag>${keyTag}</secDNS:keyTag><secDNS:alg>8</secDNS:alg><secDNS:digestType>2</secDNS:digestType><secDNS:digest>D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A</secDNS:digest></secDNS:dsData>`;
}
