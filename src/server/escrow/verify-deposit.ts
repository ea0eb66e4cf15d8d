/**
 * What the agent would check, and more: the manifest is signed by the registrar's key; every file
 * matches the manifest's hash, decrypts with the agent's key, carries the registrar's signature, and
 * parses with the layout's header; and its rows agree with the database (counts taken by their own
 * queries, and every deposited name one we sponsor). An incremental is compared with what changed
 * after its `since`, so verify it soon after it is made: later changes show up as differences.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type * as openpgp from "openpgp";
import type { Db, Tx } from "@/server/db";
import { SPONSORED_STATES } from "@/server/rdap/load-rdap-data";
import { manifestSchema, sha256Hex, type DepositManifest } from "./build-deposit";
import { depositDomainIds } from "./collect-deposit-rows";
import { manifestNameFor } from "./deposit-names";
import { decryptAndVerify, readClearSigned } from "./deposit-pgp";
import { CsvError, DOMAIN_COLUMNS, HANDLE_COLUMNS, parseCsv } from "./escrow-csv";

export type VerifyReport = {
  ok: boolean;
  type: DepositManifest["type"] | null;
  depositDate: string | null;
  rows: Record<string, number>;
  db: { domains: number; handles: number } | null;
  problems: string[];
};

type Counts = { domains: number; handles: number };

async function countDatabase(db: Db | Tx, manifest: DepositManifest): Promise<Counts> {
  const states = SPONSORED_STATES as string[];
  let ids: string[] | null = null;
  if (manifest.type === "incremental") {
    ids = [];
    const since = manifest.since ? new Date(manifest.since) : null;
    for (let page = await depositDomainIds(db, since); page.length;) {
      ids.push(...page);
      page = await depositDomainIds(db, since, page[page.length - 1]);
    }
  }
  const [row] = await db.$queryRaw<{ domains: number; contacts: number; privacy: boolean }[]>`
    with picked as (
      select * from "Domain" d
      where d.state::text = any(${states}) and (${ids}::text[] is null or d.id = any(${ids}::text[])))
    select (select count(*) from picked)::int as domains,
      (select count(distinct c) from picked p,
        unnest(array[p."registrantContactId", p."adminContactId", p."techContactId", p."billingContactId"]) c
        where c is not null)::int as contacts,
      exists (select 1 from picked where privacy) as privacy`;
  return { domains: row.domains, handles: row.contacts + (row.privacy ? 1 : 0) };
}

async function namesNotSponsored(db: Db | Tx, names: string[]): Promise<string[]> {
  const states = SPONSORED_STATES as string[];
  const found = await db.$queryRaw<{ name: string }[]>`
    select name from "Domain" where name = any(${names}::text[]) and state::text = any(${states})`;
  const sponsored = new Set(found.map((r) => r.name));
  return names.filter((n) => !sponsored.has(n));
}

export async function verifyDeposit(input: {
  file: string;
  agentPrivateKey: openpgp.PrivateKey;
  signerKey: openpgp.PublicKey;
  db: Db | Tx;
}): Promise<VerifyReport> {
  const report: VerifyReport = { ok: false, type: null, depositDate: null, rows: {}, db: null, problems: [] };
  const problem = (text: string) => void report.problems.push(text);
  const dir = path.dirname(input.file);
  const manifestName = manifestNameFor(path.basename(input.file));
  if (!manifestName) {
    problem(`${path.basename(input.file)} is not named like a deposit file (<IANA ID>_RDE_<date>_…)`);
    return report;
  }

  let manifest: DepositManifest;
  try {
    const text = await readClearSigned(await readFile(path.join(dir, manifestName), "utf8"), input.signerKey);
    manifest = manifestSchema.parse(JSON.parse(text));
  } catch (err) {
    problem(`manifest ${manifestName} refused: ${(err as Error).message}`);
    return report;
  }
  report.type = manifest.type;
  report.depositDate = manifest.depositDate;

  const domainNames: string[] = [];
  for (const listed of manifest.files) {
    let encrypted: Uint8Array;
    try {
      encrypted = await readFile(path.join(dir, listed.name));
    } catch {
      problem(`${listed.name}: missing`);
      continue;
    }
    if (sha256Hex(encrypted) !== listed.sha256) problem(`${listed.name}: SHA-256 differs from the manifest`);
    let plain: Uint8Array;
    try {
      plain = await decryptAndVerify(encrypted, { agentPrivateKey: input.agentPrivateKey, signerKey: input.signerKey });
    } catch (err) {
      problem(`${listed.name}: refused (decryption or signature): ${(err as Error).message}`);
      continue;
    }
    if (sha256Hex(plain) !== listed.plainSha256) problem(`${listed.name}: plaintext SHA-256 differs from the manifest`);
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(plain);
      const rows = listed.kind === "domains" ? parseCsv(DOMAIN_COLUMNS, text) : parseCsv(HANDLE_COLUMNS, text);
      report.rows[listed.name] = rows.length;
      if (rows.length !== listed.rows) problem(`${listed.name}: ${rows.length} rows, the manifest says ${listed.rows}`);
      if (listed.kind === "domains") for (const r of rows) domainNames.push((r as { domain: string }).domain);
    } catch (err) {
      problem(
        `${listed.name}: ${err instanceof CsvError ? err.message : `not UTF-8 text (${(err as Error).message})`}`,
      );
    }
  }

  const registrar = await input.db.registrar.findUnique({ where: { id: "registrar" }, select: { ianaId: true } });
  if (registrar?.ianaId !== manifest.registrarIanaId)
    problem(`the deposit is for IANA ID ${manifest.registrarIanaId}, the database's registrar is ${registrar?.ianaId}`);
  const counts = await countDatabase(input.db, manifest);
  report.db = counts;
  const byKind = (kind: "domains" | "handles") => manifest.files.find((f) => f.kind === kind)!;
  const fileDomains = report.rows[byKind("domains").name];
  const fileHandles = report.rows[byKind("handles").name];
  if (fileDomains !== undefined && fileDomains !== counts.domains)
    problem(`domains: ${fileDomains} in the deposit, ${counts.domains} in the database`);
  if (fileHandles !== undefined && fileHandles !== counts.handles)
    problem(`handles: ${fileHandles} in the deposit, ${counts.handles} in the database`);
  const strangers = await namesNotSponsored(input.db, domainNames);
  if (strangers.length)
    problem(`${strangers.length} deposited names are not sponsored by us: ${strangers.slice(0, 5).join(", ")}`);

  report.ok = report.problems.length === 0;
  return report;
}
