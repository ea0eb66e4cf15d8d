/**
 * Server answers in each layout RFC 8748 (fee-1.0), RFC 5731-5733, RFC 8334 and RFC 5910 allow, as
 * real registries write them, read by the platform's EPP client. Every frame here validates against
 * the schemas, so each layout is one a registry may lawfully send.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { OperationName, OpInput } from "@/server/registry";
import { parseEnvelope } from "@/server/registry/epp/parse-envelope";
import { parseOutput } from "@/server/registry/epp/parse-objects";
import { invalidFrames } from "../../support/epp-xsd";

const frames = new Set<string>();

const EPP = "urn:ietf:params:xml:ns:epp-1.0";
const DOMAIN = 'xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"';
const FEE = 'xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0"';
const LAUNCH = 'xmlns:launch="urn:ietf:params:xml:ns:launch-1.0"';
const SECDNS = 'xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.1"';

function response(body: { resData?: string; extension?: string; code?: number }): string {
  const { resData, extension, code = 1000 } = body;
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<epp xmlns="${EPP}">
  <response>
    <result code="${code}">
      <msg>Command completed successfully</msg>
    </result>${resData ? `\n    <resData>${resData}</resData>` : ""}${extension ? `\n    <extension>${extension}</extension>` : ""}
    <trID>
      <clTRID>ABC-12345</clTRID>
      <svTRID>54322-XYZ</svTRID>
    </trID>
  </response>
</epp>`;
}

/** Parses as the adapter does, after keeping the frame for the schema check. */
function read<K extends OperationName>(op: K, xml: string, input?: OpInput<K>) {
  frames.add(xml);
  return parseOutput(op, parseEnvelope(xml), input);
}

const domainChk = (...names: string[]) =>
  `<domain:chkData ${DOMAIN}>${names.map((n) => `<domain:cd><domain:name avail="1">${n}</domain:name></domain:cd>`).join("")}</domain:chkData>`;

const command = (name: string, period: number, fee: string, attrs = "") =>
  `<fee:command name="${name}"${attrs}><fee:period unit="y">${period}</fee:period><fee:fee description="${name === "restore" ? "Restore" : "Registration"}" refundable="1" grace-period="P5D" applied="immediate">${fee}</fee:fee></fee:command>`;

afterAll(async () => {
  const invalid = await invalidFrames(frames);
  expect(invalid, `${invalid.length} of ${frames.size} frames fail the schemas`).toEqual([]);
});

describe("fee checks (RFC 8748) in each layout", () => {
  it("keeps every command's price when the registry sends one <fee:cd> per command per name", () => {
    const cds = ["example.tld", "premium.tld"]
      .flatMap((name, i) =>
        [
          ["create", "10.00"],
          ["renew", "11.00"],
          ["transfer", "12.00"],
          ["restore", "40.00"],
        ].map(
          ([c, fee]) =>
            `<fee:cd><fee:objID>${name}</fee:objID>${i === 1 ? "<fee:class>premium</fee:class>" : ""}${command(c, 1, i === 1 ? `${Number(fee) * 10}.00` : fee, ' phase="open"')}</fee:cd>`,
        ),
      )
      .join("");
    const xml = response({
      resData: domainChk("example.tld", "premium.tld"),
      extension: `<fee:chkData ${FEE}><fee:currency>USD</fee:currency>${cds}</fee:chkData>`,
    });
    const [plain, premium] = read("checkDomains", xml, { names: ["example.tld", "premium.tld"] });
    expect(plain).toMatchObject({
      available: true,
      premium: false,
      phase: "open",
      prices: {
        create: { amount: 1000, currency: "USD" },
        renew: { amount: 1100, currency: "USD" },
        transfer: { amount: 1200, currency: "USD" },
        restore: { amount: 4000, currency: "USD" },
      },
    });
    expect(plain.quotes).toHaveLength(4);
    expect(premium.premium).toBe(true);
    expect(premium.prices).toEqual({
      create: { amount: 10_000, currency: "USD" },
      renew: { amount: 11_000, currency: "USD" },
      transfer: { amount: 12_000, currency: "USD" },
      restore: { amount: 40_000, currency: "USD" },
    });
  });

  it("keeps each period quoted for one command, and prices create for the period asked", () => {
    // One <fee:cd> with three create periods, and a second <fee:cd> for the same name in months.
    const xml = response({
      resData: domainChk("example.tld"),
      extension: `<fee:chkData ${FEE}><fee:currency>EUR</fee:currency>
        <fee:cd><fee:objID>example.tld</fee:objID>${command("create", 1, "10.00")}${command("create", 2, "20.00")}${command("create", 3, "30.00")}${command("renew", 1, "9.50")}</fee:cd>
        <fee:cd><fee:objID>example.tld</fee:objID><fee:command name="renew"><fee:period unit="m">24</fee:period><fee:fee>19.00</fee:fee></fee:command></fee:cd>
      </fee:chkData>`,
    });
    const [check] = read("checkDomains", xml, { names: ["example.tld"], years: 2 });
    expect(check.prices).toEqual({
      create: { amount: 2000, currency: "EUR" },
      renew: { amount: 950, currency: "EUR" },
    });
    expect(check.quotes?.map((q) => [q.command, q.period?.value, q.period?.unit, q.price?.amount])).toEqual([
      ["create", 1, "y", 1000],
      ["create", 2, "y", 2000],
      ["create", 3, "y", 3000],
      ["renew", 1, "y", 950],
      ["renew", 24, "m", 1900],
    ]);
    // A one-year quote is never taken for a three-year create.
    const [three] = read("checkDomains", xml.replace(">3</fee:period>", ">4</fee:period>"), {
      names: ["example.tld"],
      years: 3,
    });
    expect(three.prices.create).toBeUndefined();
  });

  it("keeps update, delete and custom commands typed instead of failing the check", () => {
    const xml = response({
      resData: domainChk("example.tld"),
      extension: `<fee:chkData ${FEE}><fee:currency>USD</fee:currency><fee:cd avail="1"><fee:objID element="name">example.tld</fee:objID><fee:class>standard</fee:class>
        ${command("create", 1, "10.00", ' phase="sunrise" subphase="trademark" standard="1"')}
        <fee:command name="update"><fee:fee description="Owner change">5.00</fee:fee></fee:command>
        <fee:command name="delete"><fee:fee>0.00</fee:fee><fee:credit description="AGP refund">-10.00</fee:credit></fee:command>
        <fee:command name="custom" customName="ownerChange" phase="open"><fee:period unit="y">1</fee:period><fee:fee lang="en">25.00</fee:fee></fee:command>
      </fee:cd></fee:chkData>`,
    });
    const [check] = read("checkDomains", xml, { names: ["example.tld"] });
    expect(check).toMatchObject({ premium: false, phase: "sunrise", prices: { create: { amount: 1000 } } });
    expect(check.quotes).toEqual([
      {
        command: "create",
        period: { value: 1, unit: "y" },
        phase: "sunrise",
        subphase: "trademark",
        price: { amount: 1000, currency: "USD" },
        standard: true,
      },
      { command: "update", price: { amount: 500, currency: "USD" }, standard: false },
      { command: "delete", price: { amount: -1000, currency: "USD" }, standard: false },
      {
        command: "custom",
        customName: "ownerChange",
        period: { value: 1, unit: "y" },
        phase: "open",
        price: { amount: 2500, currency: "USD" },
        standard: false,
      },
    ]);
  });

  it("reads a name the registry will not quote, and a command it refuses, as no price (never zero)", () => {
    const xml = response({
      resData: `<domain:chkData ${DOMAIN}>
        <domain:cd><domain:name avail="0">reserved.tld</domain:name><domain:reason lang="en">Reserved</domain:reason></domain:cd>
        <domain:cd><domain:name avail="true">discount.tld</domain:name></domain:cd>
      </domain:chkData>`,
      extension: `<fee:chkData ${FEE}><fee:currency>USD</fee:currency>
        <fee:cd avail="0"><fee:objID>reserved.tld</fee:objID><fee:reason>Fees are not available for reserved names</fee:reason></fee:cd>
        <fee:cd avail="true"><fee:objID>DISCOUNT.TLD</fee:objID>
          <fee:command name="create"><fee:period unit="y">1</fee:period><fee:fee>20.00</fee:fee><fee:credit description="Launch promotion">-5.00</fee:credit></fee:command>
          <fee:command name="transfer"><fee:period unit="y">1</fee:period><fee:reason>Transfers are not allowed in this phase</fee:reason></fee:command>
        </fee:cd>
      </fee:chkData>`,
    });
    const [reserved, discount] = read("checkDomains", xml, { names: ["reserved.tld", "discount.tld"] });
    expect(reserved).toMatchObject({
      available: false,
      reason: "Reserved",
      prices: {},
      quotes: [],
      feeReason: "Fees are not available for reserved names",
    });
    expect(discount.available).toBe(true);
    expect(discount.prices).toEqual({ create: { amount: 1500, currency: "USD" } });
    expect(discount.quotes?.[1]).toEqual({
      command: "transfer",
      period: { value: 1, unit: "y" },
      standard: false,
      reason: "Transfers are not allowed in this phase",
    });
  });

  it("reads the fee a transform command charged, with credits, balance and credit limit", () => {
    const created = read(
      "createDomain",
      response({
        resData: `<domain:creData ${DOMAIN}><domain:name>example.tld</domain:name><domain:crDate>2026-11-30T20:00:00.0Z</domain:crDate><domain:exDate>2028-11-30T20:00:00.0Z</domain:exDate></domain:creData>`,
        extension: `<fee:creData ${FEE}><fee:currency>USD</fee:currency><fee:period unit="y">2</fee:period><fee:fee description="Registration Fee" refundable="1" grace-period="P5D">10.00</fee:fee><fee:fee description="Registration Fee, year 2">10.00</fee:fee><fee:balance>-5.00</fee:balance><fee:creditLimit>1000.00</fee:creditLimit></fee:creData>`,
      }),
    );
    expect(created.fee).toEqual({
      fees: [
        { amount: 1000, currency: "USD" },
        { amount: 1000, currency: "USD" },
      ],
      credits: [],
      balance: { amount: -500, currency: "USD" },
    });
    const deleted = read(
      "deleteDomain",
      response({
        extension: `<fee:delData ${FEE}><fee:currency>USD</fee:currency><fee:credit description="AGP Credit">-5.00</fee:credit><fee:credit description="Renewal credit">-11.00</fee:credit><fee:balance>1005.00</fee:balance></fee:delData>`,
      }),
    );
    expect(deleted.credits).toEqual([
      { amount: -500, currency: "USD" },
      { amount: -1100, currency: "USD" },
    ]);
  });
});

describe("XML a registry may lawfully write", () => {
  it("reads spaced and single-quoted attributes, CDATA, comments, references and any prefix", () => {
    const xml = `<?xml version = '1.0' encoding = 'UTF-8'?>
<!-- written by another registry's software -->
<e:epp xmlns:e="${EPP}">
  <e:response>
    <e:result code = "1000"><e:msg lang = 'en'>Command completed <![CDATA[successfully]]></e:msg></e:result>
    <e:resData>
      <chkData xmlns="urn:ietf:params:xml:ns:domain-1.0">
        <cd><name avail = "1">xn&#x2D;&#45;caf-dma.tld</name></cd>
        <cd><?registry-hint cached?><name
            avail =
            '0'>taken.tld</name><reason>In use <!-- since 2019 --></reason></cd>
      </chkData>
    </e:resData>
    <e:extension>
      <f:chkData xmlns:f="urn:ietf:params:xml:ns:epp:fee-1.0"><f:currency>USD</f:currency>
        <f:cd avail=" 1 "><f:objID>xn--caf-dma.tld</f:objID><f:command name = "create" standard = "1"><f:period unit = "y">1</f:period><f:fee>8.99</f:fee></f:command></f:cd>
      </f:chkData>
    </e:extension>
    <e:trID><e:clTRID>ABC-12345</e:clTRID><e:svTRID>54322-XYZ</e:svTRID></e:trID>
  </e:response>
</e:epp>`;
    const [free, taken] = read("checkDomains", xml, { names: ["xn--caf-dma.tld", "taken.tld"] });
    expect(free).toMatchObject({ name: "xn--caf-dma.tld", available: true, prices: { create: { amount: 899 } } });
    expect(taken).toMatchObject({ name: "taken.tld", available: false, reason: "In use" });
    expect(parseEnvelope(xml).message).toBe("Command completed successfully");
  });
});

describe("object answers (RFC 5731-5733, RFC 5910) in each layout", () => {
  const infData = (inner: string) =>
    `<domain:infData ${DOMAIN}><domain:name>example.tld</domain:name><domain:roid>EXAMPLE1-REP</domain:roid>${inner}</domain:infData>`;

  it("reads nameservers given as host attributes, with several addresses each", () => {
    const info = read(
      "infoDomain",
      response({
        resData: infData(`<domain:status s="ok"/><domain:registrant>jd1234</domain:registrant>
          <domain:contact type="admin">sh8013</domain:contact><domain:contact type="tech">sh8013</domain:contact>
          <domain:ns>
            <domain:hostAttr><domain:hostName>ns1.example.tld</domain:hostName><domain:hostAddr ip="v4">192.0.2.2</domain:hostAddr><domain:hostAddr ip="v6">2001:db8::2</domain:hostAddr></domain:hostAttr>
            <domain:hostAttr><domain:hostName>ns1.example.net</domain:hostName></domain:hostAttr>
          </domain:ns>
          <domain:host>ns1.example.tld</domain:host><domain:clID>ClientX</domain:clID><domain:crID>ClientY</domain:crID><domain:crDate>1999-04-03T22:00:00.0Z</domain:crDate>
          <domain:exDate>2005-04-03T22:00:00.0Z</domain:exDate><domain:authInfo><domain:pw roid="JD1234-REP">2fooBAR</domain:pw></domain:authInfo>`),
      }),
    );
    expect(info).toMatchObject({
      nameservers: ["ns1.example.tld", "ns1.example.net"],
      nameserverAddresses: { "ns1.example.tld": ["192.0.2.2", "2001:db8::2"], "ns1.example.net": [] },
      subordinateHosts: ["ns1.example.tld"],
      contacts: [
        { type: "admin", id: "sh8013" },
        { type: "tech", id: "sh8013" },
      ],
      authInfo: "2fooBAR",
    });
  });

  it("reads the short answer a registry gives a client that is not the sponsor", () => {
    const info = read("infoDomain", response({ resData: infData("<domain:clID>ClientX</domain:clID>") }));
    expect(info).toMatchObject({ name: "example.tld", statuses: [], contacts: [], sponsor: "ClientX", ds: [] });
    expect(info.nameservers).toBeUndefined();
    expect(info.registrant).toBeUndefined();
  });

  const PUBKEY = "AQPJ////4Q==";
  const keyData = `<secDNS:keyData><secDNS:flags>257</secDNS:flags><secDNS:protocol>3</secDNS:protocol><secDNS:alg>1</secDNS:alg><secDNS:pubKey>${PUBKEY}</secDNS:pubKey></secDNS:keyData>`;
  const ds = (withKey: boolean) =>
    `<secDNS:dsData><secDNS:keyTag>12345</secDNS:keyTag><secDNS:alg>3</secDNS:alg><secDNS:digestType>1</secDNS:digestType><secDNS:digest>49FD46E6C4B45C55D4AC</secDNS:digest>${withKey ? keyData : ""}</secDNS:dsData>`;
  const secInfo = (inner: string) =>
    read(
      "infoDomain",
      response({
        resData: infData('<domain:status s="ok"/><domain:clID>ClientX</domain:clID>'),
        extension: `<secDNS:infData ${SECDNS}>${inner}</secDNS:infData>`,
      }),
    );

  it("reads DS data with and without key data, key data alone, and maxSigLife", () => {
    const key = { flags: 257, protocol: 3, alg: 1, pubKey: PUBKEY };
    const record = { keyTag: 12345, alg: 3, digestType: 1, digest: "49FD46E6C4B45C55D4AC" };
    expect(secInfo(ds(false))).toMatchObject({ ds: [record] });
    expect(secInfo(ds(false)).dnsKeys).toBeUndefined();
    expect(secInfo(`<secDNS:maxSigLife>604800</secDNS:maxSigLife>${ds(true)}`)).toMatchObject({
      ds: [record],
      dnsKeys: [key],
      maxSigLife: 604800,
    });
    expect(secInfo(keyData)).toMatchObject({ ds: [], dnsKeys: [key] });
  });

  it("reads a host with several addresses of both families and several statuses", () => {
    const host = read(
      "infoHost",
      response({
        resData: `<host:infData xmlns:host="urn:ietf:params:xml:ns:host-1.0"><host:name>ns1.example.tld</host:name><host:roid>NS1_EXAMPLE1-REP</host:roid>
          <host:status s="linked"/><host:status s="clientUpdateProhibited" lang="en">Locked by the registrant</host:status>
          <host:addr ip="v4">192.0.2.2</host:addr><host:addr ip="v4">192.0.2.29</host:addr><host:addr ip="v6">1080:0:0:0:8:800:200C:417A</host:addr>
          <host:clID>ClientY</host:clID><host:crID>ClientX</host:crID><host:crDate>1999-04-03T22:00:00.0Z</host:crDate><host:upID>ClientX</host:upID><host:upDate>1999-12-03T09:00:00.0Z</host:upDate><host:trDate>2000-04-08T09:00:00.0Z</host:trDate>
        </host:infData>`,
      }),
    );
    expect(host).toMatchObject({
      statuses: ["linked", "clientUpdateProhibited"],
      addresses: ["192.0.2.2", "192.0.2.29", "1080:0:0:0:8:800:200C:417A"],
      updatedAt: "1999-12-03T09:00:00.0Z",
    });
  });

  it("reads a contact with both internationalized and localized postal info, and a disclose element", () => {
    const contact = read(
      "infoContact",
      response({
        resData: `<contact:infData xmlns:contact="urn:ietf:params:xml:ns:contact-1.0"><contact:id>sh8013</contact:id><contact:roid>SH8013-REP</contact:roid>
          <contact:status s="linked"/><contact:status s="clientDeleteProhibited"/>
          <contact:postalInfo type="int"><contact:name>John Doe</contact:name><contact:org>Example Inc.</contact:org><contact:addr><contact:street>123 Example Dr.</contact:street><contact:street>Suite 100</contact:street><contact:city>Dulles</contact:city><contact:sp>VA</contact:sp><contact:pc>20166-6503</contact:pc><contact:cc>US</contact:cc></contact:addr></contact:postalInfo>
          <contact:postalInfo type="loc"><contact:name>Jürgen Größ</contact:name><contact:addr><contact:city>München</contact:city><contact:cc>DE</contact:cc></contact:addr></contact:postalInfo>
          <contact:voice x="1234">+1.7035555555</contact:voice><contact:fax/><contact:email>jdoe@example.com</contact:email>
          <contact:clID>ClientY</contact:clID><contact:crID>ClientX</contact:crID><contact:crDate>1999-04-03T22:00:00.0Z</contact:crDate>
          <contact:authInfo><contact:pw>2fooBAR</contact:pw></contact:authInfo>
          <contact:disclose flag="0"><contact:voice/><contact:email/></contact:disclose>
        </contact:infData>`,
      }),
    );
    expect(contact.postal).toEqual([
      {
        type: "int",
        name: "John Doe",
        org: "Example Inc.",
        street: ["123 Example Dr.", "Suite 100"],
        city: "Dulles",
        sp: "VA",
        pc: "20166-6503",
        cc: "US",
      },
      { type: "loc", name: "Jürgen Größ", street: [], city: "München", cc: "DE" },
    ]);
    expect(contact).toMatchObject({ voice: "+1.7035555555", email: "jdoe@example.com", authInfo: "2fooBAR" });
  });
});

describe("launch answers (RFC 8334) in each layout", () => {
  it("reads claims checks with and without a validator on the claim key, and several keys", () => {
    const checks = read(
      "claimsCheck",
      response({
        extension: `<launch:chkData ${LAUNCH}><launch:phase>claims</launch:phase>
          <launch:cd><launch:name exists="1">example1.tld</launch:name><launch:claimKey>2013041500/2/6/9/rJ1NrDO92vDsAzf7EQzgjX4R0000000001</launch:claimKey></launch:cd>
          <launch:cd><launch:name exists="0">example2.tld</launch:name></launch:cd>
          <launch:cd><launch:name exists="true">example3.tld</launch:name><launch:claimKey validatorID="tmch">2013041500/2/6/9/rJ1NrDO92vDsAzf7EQzgjX4R0000000001</launch:claimKey><launch:claimKey validatorID="custom-tmch">20140423200/1/2/3/rJ1Nr2vDsAzasdff7EasdfgjX4R000000002</launch:claimKey></launch:cd>
        </launch:chkData>`,
      }),
    );
    expect(checks).toEqual([
      {
        name: "example1.tld",
        claim: true,
        claimKey: "2013041500/2/6/9/rJ1NrDO92vDsAzf7EQzgjX4R0000000001",
        phase: "claims",
      },
      { name: "example2.tld", claim: false, phase: "claims" },
      {
        name: "example3.tld",
        claim: true,
        claimKey: "2013041500/2/6/9/rJ1NrDO92vDsAzf7EQzgjX4R0000000001",
        claimKeys: [
          { key: "2013041500/2/6/9/rJ1NrDO92vDsAzf7EQzgjX4R0000000001", validatorId: "tmch" },
          { key: "20140423200/1/2/3/rJ1Nr2vDsAzasdff7EasdfgjX4R000000002", validatorId: "custom-tmch" },
        ],
        phase: "claims",
      },
    ]);
  });

  it("reads a custom phase by its name, in a check without a phase and in an application's info", () => {
    const noPhase = read(
      "claimsCheck",
      response({
        extension: `<launch:chkData ${LAUNCH}><launch:cd><launch:name exists="0">example1.tld</launch:name></launch:cd></launch:chkData>`,
      }),
    );
    expect(noPhase).toEqual([{ name: "example1.tld", claim: false, phase: "claims" }]);
    const custom = read(
      "claimsCheck",
      response({
        extension: `<launch:chkData ${LAUNCH}><launch:phase name="qualified-launch">custom</launch:phase><launch:cd><launch:name exists="0">example1.tld</launch:name></launch:cd></launch:chkData>`,
      }),
    );
    expect(custom[0]).toMatchObject({ phase: "custom", customPhase: "qualified-launch" });
    const info = read(
      "infoDomain",
      response({
        resData: `<domain:infData ${DOMAIN}><domain:name>example.tld</domain:name><domain:roid>EXAMPLE1-REP</domain:roid><domain:status s="pendingCreate"/><domain:clID>ClientX</domain:clID></domain:infData>`,
        extension: `<launch:infData ${LAUNCH}><launch:phase name="qualified-launch">custom</launch:phase><launch:applicationID>abc123</launch:applicationID><launch:status s="custom" name="underReview">Under review by the registry</launch:status></launch:infData>`,
      }),
    );
    expect(info.launch).toEqual({
      phase: "custom",
      customPhase: "qualified-launch",
      applicationId: "abc123",
      status: "custom",
      // The status's free text is kept: the mock registry states a landrush clearing price there (decision 121).
      statusText: "Under review by the registry",
    });
  });
});
