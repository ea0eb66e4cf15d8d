/**
 * The suffixes the CSR rules know. A certificate is only for a registrable name: one under a TLD in
 * the root zone we recognise, and not itself a public suffix. The list is deliberately a fixed,
 * small table (no download of the Public Suffix List at run time); callers may pass their own TLDs
 * (for example the catalog's) to extend it.
 */

// Every ISO 3166-1 ccTLD delegated in the root zone, plus uk, eu and ac (which are not ISO codes).
const CC_TLDS =
  "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

// Legacy gTLDs, widely sold new gTLDs, and the TLDs of the platform's own (mock) registry.
const G_TLDS =
  "com net org info biz name pro mobi asia tel travel jobs cat coop aero museum edu gov mil int app dev page shop store online site tech xyz club blog cloud design agency art studio news live life world today email digital media network solutions services company business group center global website space fun top icu vip ltd llc inc io ai me tv cc ws la fm gg sh nyc london berlin paris tokyo bloom forge vista nova";

// Multi-label suffixes under which the public registers names (a subset of the ICANN section of the PSL).
const MULTI_LABEL_PUBLIC_SUFFIXES =
  "co.uk org.uk me.uk ltd.uk plc.uk net.uk ac.uk gov.uk sch.uk nhs.uk com.au net.au org.au edu.au gov.au asn.au id.au co.nz net.nz org.nz govt.nz ac.nz co.jp ne.jp or.jp ac.jp go.jp com.br net.br org.br gov.br com.cn net.cn org.cn gov.cn edu.cn co.in net.in org.in firm.in gen.in ind.in com.mx org.mx gob.mx co.za org.za gov.za com.tr org.tr com.sg edu.sg com.hk org.hk co.kr or.kr com.ar com.tw org.tw co.il org.il com.es com.pl com.ua co.id or.id com.my com.ph com.vn com.pk com.ng com.eg co.ke com.co com.pe gov.it";

/** Suffixes no public certificate may name: RFC 6761/6762/8375 special-use and names used as internal ones. */
const INTERNAL_SUFFIXES = new Set(
  "local localhost localdomain internal intranet lan corp home private test invalid example onion arpa home.arpa alt".split(
    " ",
  ),
);

export const DEFAULT_KNOWN_TLDS: ReadonlySet<string> = new Set([...CC_TLDS.split(" "), ...G_TLDS.split(" ")]);
const PUBLIC_SUFFIXES: ReadonlySet<string> = new Set(MULTI_LABEL_PUBLIC_SUFFIXES.split(" "));

/** The name or one of its parent suffixes is special-use or internal (e.g. `nas.home.arpa`, `printer.local`). */
export function isInternalSuffix(labels: readonly string[]): boolean {
  const n = labels.length;
  const last = labels[n - 1];
  const lastTwo = n >= 2 ? `${labels[n - 2]}.${last}` : "";
  return INTERNAL_SUFFIXES.has(last) || INTERNAL_SUFFIXES.has(lastTwo);
}

/** The whole name is a TLD or a public suffix, so nobody can prove control of it. */
export function isPublicSuffix(name: string, knownTlds: ReadonlySet<string>): boolean {
  return knownTlds.has(name) || PUBLIC_SUFFIXES.has(name);
}
