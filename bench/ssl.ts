/**
 * npm run bench -- ssl
 * Bulk reissue of 1,000 certificates (BENCH_SSL_CERTS) against the commercial-CA stand-in, through
 * the platform's own code (ssl/lifecycle/bulk-reissue.ts: CSR checks, a request row and audit entry
 * per certificate, the CA orders over HTTP with DCV reused, 25 per call (decision 139), the certificate
 * recorded with its issuance mail, the old one revoked at the CA, 50 per call), each to a new key. The baseline, measured in the same run on
 * the same CA keys, is the stand-in's own signing of a certificate (sign-leaf.ts) for the same CSRs,
 * one after another; the figure is the wall time per reissued certificate over the signing time per
 * certificate (goal < 3). The stand-in runs in this process, over HTTP on BENCH_CA_PORT (0: any free
 * port), its DNS DCV reading the platform's local DNS table. Runs in a throwaway database on
 * DATABASE_URL's server, or on an embedded cluster of its own.
 */
import { randomUUID, webcrypto } from "node:crypto";
import { performance } from "node:perf_hooks";
import { applyMigrations } from "../scripts/db/migrations";
import { openBenchDatabase } from "./_bench-database";
import type { Db } from "../src/server/db";
import { countQueries } from "./_count-queries";

const CERTS = Number(process.env.BENCH_SSL_CERTS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_SSL_CONCURRENCY ?? 8);
const RESELLERS = Number(process.env.BENCH_SSL_RESELLERS ?? 10);
const NAMESERVERS = ["ns1.dns-hosting.example", "ns2.dns-hosting.example"];

async function makeCsrs(names: string[]): Promise<string[]> {
  const { x509 } = await import("../src/server/ssl/csr/x509-runtime");
  const out: string[] = [];
  for (const name of names) {
    const keys = (await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({
      name: `CN=${name}`,
      keys,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
      extensions: [new x509.SubjectAlternativeNameExtension([{ type: "dns", value: name }])],
    });
    out.push(csr.toString("pem"));
  }
  return out;
}

/**
 * N certificates as the engine leaves them, spread over RESELLERS resellers (each reseller's audit
 * chain is written one entry at a time): held names on our nameservers, one subscription each, first
 * requests.
 */
async function seed(db: Db, csrs: string[], names: string[]) {
  const product = await db.product.create({
    data: {
      kind: "ssl",
      code: "ssl-dv-single",
      name: "DV certificate (single name)",
      maxPeriod: 5,
      details: { level: "dv", coverage: "single", sanCount: 1 },
    },
  });
  const perReseller: string[][] = [];
  const per = Math.ceil(names.length / RESELLERS);
  for (let from = 0; from < names.length; from += per)
    perReseller.push(await seedReseller(db, product, names.slice(from, from + per), csrs.slice(from, from + per)));
  // Interleaved, so the lanes work for different resellers at once, as a registrar-wide run would.
  const requestIds = Array.from({ length: per }, (_, i) =>
    perReseller.flatMap((ids) => (i < ids.length ? [ids[i]] : [])),
  );
  return { requestIds: requestIds.flat() };
}

async function seedReseller(db: Db, product: { id: string; code: string }, names: string[], csrs: string[]) {
  const reseller = await db.reseller.create({
    data: { slug: `bench-${randomUUID().slice(0, 8)}`, legalName: "Bench", displayName: "Bench" },
  });
  const registrant = await db.registrant.create({
    data: { resellerId: reseller.id, email: "bench@example.test", name: "Bench", passwordHash: "-" },
  });
  const order = await db.order.create({
    data: { resellerId: reseller.id, idempotencyKey: randomUUID(), currency: "USD", retailTotal: 0, wholesaleTotal: 0 },
  });
  const rows = names.map((name) => ({ name, itemId: randomUUID(), subId: randomUUID(), requestId: randomUUID() }));
  await db.domain.createMany({
    data: names.map((name) => ({
      resellerId: reseller.id,
      registrantId: registrant.id,
      name,
      unicodeName: name,
      tld: "com",
      state: "active" as const,
      registeredAt: new Date(),
      expiresAt: new Date(Date.now() + 365 * 86_400_000),
      nameservers: NAMESERVERS,
    })),
  });
  await db.orderItem.createMany({
    data: rows.map((r) => ({
      id: r.itemId,
      orderId: order.id,
      resellerId: reseller.id,
      kind: "ssl_issue" as const,
      productId: product.id,
      subject: r.name,
      retailAmount: 0,
      wholesaleAmount: 0,
      registryCost: 0,
      state: "completed" as const,
    })),
  });
  await db.certificateSubscription.createMany({
    data: rows.map((r) => ({
      id: r.subId,
      resellerId: reseller.id,
      registrantId: registrant.id,
      orderItemId: r.itemId,
      productCode: product.code,
      level: "dv" as const,
      coverage: "single" as const,
      sanCount: 1,
      termYears: 1,
      names: [r.name],
    })),
  });
  await db.certificateRequest.createMany({
    data: rows.map((r, i) => ({
      id: r.requestId,
      subscriptionId: r.subId,
      resellerId: reseller.id,
      purpose: "issue" as const,
      externalId: `bench-${r.requestId}`,
      csrPem: csrs[i],
      csrInspection: {},
      names: [r.name],
      dcvMethod: "dns-txt",
      caAdapter: "ca-standin",
      validityDays: 200,
    })),
  });
  return rows.map((r) => r.requestId);
}

/** BENCH_PROFILE_DIR: a CPU profile of the bulk reissue alone (not the seeding or the first issue), one file per run. */
async function startProfiler() {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return { stop: async (_name: string) => {} };
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const path = await import("node:path");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    stop: async (name: string) => {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(path.join(dir, `${name}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function inLanes<T>(items: T[], lanes: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await run(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}

export default async function sslBench(): Promise<Record<string, unknown>> {
  const database = await openBenchDatabase("ssl");
  const url = database.url;
  // The services use the process's own `db`, read from DATABASE_URL on first use.
  process.env.DATABASE_URL = url;
  process.env.DNS_ADAPTER = "local";
  const { db } = await import("../src/server/db");
  const { startCaStandIn } = await import("../src/ca-standin/index");
  const { signLeaf } = await import("../src/ca-standin/sign-leaf");
  const { localDnsResolver } = await import("../src/server/dns/local-adapter");
  const { setCertificateAuthorityForTests } = await import("../src/server/ssl/authority/certificate-authority");
  const { standInCertificateAuthority } = await import("../src/server/ssl/ca/standin/standin-adapter");
  const { pollOneRequest } = await import("../src/server/ssl/lifecycle/poll-requests");
  const { bulkReissueCertificates } = await import("../src/server/ssl/lifecycle/bulk-reissue");
  const { systemContext } = await import("../src/server/context");

  const running = await startCaStandIn({
    port: Number(process.env.BENCH_CA_PORT ?? 0),
    resolver: localDnsResolver(db),
  });
  setCertificateAuthorityForTests(standInCertificateAuthority({ baseUrl: running.url }));
  try {
    await applyMigrations(url);
    const names = Array.from({ length: CERTS }, (_, i) => `bench-${i}-${randomUUID().slice(0, 6)}.com`);
    const firstCsrs = await makeCsrs(names);
    const newCsrs = await makeCsrs(names);
    const { requestIds } = await seed(db, firstCsrs, names);
    console.log(
      `ssl bench: ${CERTS} certificates of ${RESELLERS} resellers, CA stand-in in process at ${running.url}, ${CONCURRENCY} lanes`,
    );

    // First issue, through the poll's code (DCV published and validated once per name): not the figure.
    let t = performance.now();
    await inLanes(requestIds, CONCURRENCY, async (id) => {
      // A settle that timed out on a loaded machine is left for the next poll, as in production: ask again.
      for (let attempt = 1; ; attempt++) {
        const p = await pollOneRequest(id).catch((e: unknown) => (attempt < 5 ? null : Promise.reject(e)));
        if (p?.kind === "issued") return;
        if (p) throw new Error(`first issue of ${id}: ${p.kind}`);
      }
    });
    const issueMs = (performance.now() - t) / CERTS;

    // Baseline: the stand-in signing the same CSRs with its own keys, nothing else.
    const chain = running.standIn.chain;
    t = performance.now();
    for (let i = 0; i < CERTS; i++)
      await signLeaf({
        chain,
        csrPem: newCsrs[i],
        names: [names[i]],
        level: "dv",
        validityDays: 200,
        now: new Date(),
        crlUrl: running.standIn.crlUrl(),
      });
    const signMs = (performance.now() - t) / CERTS;

    // The figure: a reseller's bulk reissue of all of them, each to its new key.
    const byName = new Map(names.map((n, i) => [n, newCsrs[i]]));
    const timings: Record<string, number> = {};
    const profiler = await startProfiler();
    // Statements per certificate: what the run sends to PostgreSQL, load-independent unlike the times.
    const counted = countQueries();
    t = performance.now();
    // The registrar's bulk reissue across resellers (the system actor: every reseller).
    const { counts, results } = await bulkReissueCertificates(
      systemContext(),
      { caAdapter: "ca-standin", limit: CERTS },
      { csrFor: (c) => byName.get(c.names[0]) ?? null, concurrency: CONCURRENCY, timings },
    );
    const reissueMs = (performance.now() - t) / CERTS;
    const sql = counted.stop();
    await profiler.stop("ssl-bulk-reissue");
    const revoked = await db.issuedCertificate.count({ where: { status: "revoked" } });
    if (counts.issued !== CERTS || revoked !== CERTS)
      throw new Error(
        `bulk reissue: ${JSON.stringify(counts)}, ${revoked} old certificates revoked; first not issued: ${
          results.find((r) => r.outcome !== "issued")?.message
        }`,
      );

    const ratio = reissueMs / signMs;
    const phases = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Number((v / CERTS).toFixed(3))]));
    console.log(`bulk reissue phases, ms per certificate: ${JSON.stringify(phases)}`);
    const statementsPerCert = Number((sql.statements / CERTS).toFixed(2));
    const roundTripsPerCert = Number((sql.roundTrips / CERTS).toFixed(2));
    console.log(
      `bulk reissue SQL per certificate: ${statementsPerCert} statements in ${roundTripsPerCert} round trips`,
    );
    console.log(
      `sign (stand-in alone) ${signMs.toFixed(2)} ms/cert · first issue ${issueMs.toFixed(2)} ms/cert · bulk reissue ${reissueMs.toFixed(2)} ms/cert · ratio ${ratio.toFixed(2)} (goal < 3)`,
    );
    return {
      certificates: CERTS,
      resellers: RESELLERS,
      lanes: CONCURRENCY,
      signMsPerCert: Number(signMs.toFixed(3)),
      firstIssueMsPerCert: Number(issueMs.toFixed(3)),
      bulkReissueMsPerCert: Number(reissueMs.toFixed(3)),
      phaseMsPerCert: phases,
      statementsPerCert,
      roundTripsPerCert,
      ratio: Number(ratio.toFixed(2)),
      goal: 3,
      revoked,
    };
  } finally {
    setCertificateAuthorityForTests(null);
    await running.close();
    await db.$disconnect();
    await database.close();
  }
}
