/**
 * npm run bench -- xml
 * Both EPP XML readers (the mock registry's and the platform client's) on a ~1 MB frame of namespace
 * declarations (security finding 4), against a plain frame of the same size read in the same run:
 * once with the readers' own limits (the flood is refused) and once with the limits lifted (the
 * flood is read in full, which shows the reading itself is linear). Then spaced attributes at ten
 * times the size: linear reading takes about ten times as long, quadratic a hundred. Median of several runs each.
 */
import { parseXml, type XmlLimits as MockLimits } from "@/mock-registry/epp/xml";
import { readXml, type XmlLimits as ClientLimits } from "@/server/registry/epp/xml-reader";
import { namespaceFlood, plainFrame, spacedAttributesFrame } from "../tests/support/xml-floods";

const BYTES = Number(process.env.BENCH_XML_BYTES ?? 1_048_576);
const RUNS = Number(process.env.BENCH_XML_RUNS ?? 7);
const UNLIMITED = { attributes: Infinity, namespaceDeclarations: Infinity };

type Reader = (xml: string, limits?: Partial<MockLimits & ClientLimits>) => unknown;
const READERS: Record<"mock" | "client", Reader> = { mock: parseXml, client: readXml };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Median ms of one read; a refusal counts as the answer (the time to reach it is what matters). */
function time(read: Reader, xml: string, limits?: Partial<MockLimits & ClientLimits>): { ms: number; outcome: string } {
  const samples: number[] = [];
  let outcome = "read";
  for (let i = 0; i < RUNS + 2; i++) {
    const t = performance.now();
    try {
      read(xml, limits);
      outcome = "read";
    } catch (e) {
      outcome = `refused: ${(e as Error).message.slice(0, 80)}`;
    }
    // The first two runs warm the JIT up.
    if (i >= 2) samples.push(performance.now() - t);
  }
  return { ms: round(median(samples)), outcome };
}

export default async function xmlBench(): Promise<Record<string, unknown>> {
  const plain = plainFrame(BYTES);
  const flood = namespaceFlood(BYTES);
  console.log(
    `xml bench: ${flood.xml.length} B flood (${flood.rootDeclarations} root declarations, ${flood.declaringElements} declaring elements) vs ${plain.length} B plain frame, median of ${RUNS}`,
  );
  const figures: Record<string, unknown> = { bytes: flood.xml.length, runs: RUNS };
  for (const [name, read] of Object.entries(READERS)) {
    const base = time(read, plain);
    const limited = time(read, flood.xml);
    const lifted = time(read, flood.xml, UNLIMITED);
    const ratioLimited = round(limited.ms / base.ms, 4);
    const ratioLifted = round(lifted.ms / base.ms, 3);
    console.log(
      `  ${name.padEnd(6)} plain ${base.ms} ms | flood, own limits ${limited.ms} ms (${ratioLimited}x plain; ${limited.outcome})`,
    );
    console.log(
      `  ${"".padEnd(6)}                | flood, limits lifted ${lifted.ms} ms (${ratioLifted}x plain; ${lifted.outcome})`,
    );
    figures[name] = {
      plainMs: base.ms,
      floodMs: limited.ms,
      floodRatio: ratioLimited,
      floodOutcome: limited.outcome,
      liftedMs: lifted.ms,
      liftedRatio: ratioLifted,
    };
  }
  const small = spacedAttributesFrame(4_000);
  const large = spacedAttributesFrame(40_000);
  // The client's reader only: the mock's refuses a frame without the EPP namespace at its first byte.
  const s = time(readXml, small);
  const l = time(readXml, large);
  const growth = round(l.ms / s.ms, 2);
  console.log(
    `  client spaced attributes ${small.length} B ${s.ms} ms | ${large.length} B ${l.ms} ms (${growth}x for 10x the size; ${l.outcome})`,
  );
  (figures.client as Record<string, unknown>).spacedGrowthFor10x = growth;
  return figures;
}
