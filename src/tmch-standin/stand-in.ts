/**
 * The Trademark Clearinghouse as an agent meets it: submissions, verification on a clock, terms
 * with renewal and expiry, SMD files for verified marks with proof of use, the DNL and SMDRL, and
 * CNIS. Every read first advances the clock (`tick`), so no timer is needed to see a mark move.
 */
import { createHash, randomBytes } from "node:crypto";
import { deriveLabels, LabelDerivationError } from "../server/tmch/standin/derive-labels";
import type { MarkInput } from "../server/tmch/standin/build-signed-mark";
import { signSmd } from "../server/tmch/standin/sign-smd";
import { issueCrl } from "../server/tmch/standin/tmch-ca";
import { claimsNoticeXml } from "./claims-notice";
import { dnlCsv, ListPublisher, smdrlCsv, type PublishedList } from "./lists";
import { TmchStandInError, type MarkRecord, type MarkState, type MarkSubmission, type StandInState } from "./model";
import type { StandInKeys } from "./pki";
import { findProblems } from "./verification-checks";

export const ISSUER_ID = "77777";
const DAY = 86_400_000;
export const MAX_PROOF_BYTES = 5 * 1024 * 1024;

export type ProofUpload = { filename: string; mediaType: string; content: Buffer };

export type StandInOptions = {
  keys: StandInKeys;
  state: StandInState;
  now: () => Date;
  /** How long each review step (submitted → verifying → decision) takes. */
  reviewDelayMs: number;
  persist?: (state: StandInState) => void;
  saveProof?: (sha256: string, content: Buffer) => void;
};

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function lookupKey(now: Date): string {
  const hour = now.toISOString().replace(/[-T:]/g, "").slice(0, 10);
  const hex = randomBytes(3).toString("hex").slice(0, 3).split("");
  const tail = Array.from(randomBytes(32), (b) => ALPHANUM[b % ALPHANUM.length]).join("");
  return `${hour}/${hex.join("/")}/${tail}`;
}

function addYears(iso: string, years: number): string {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}

export class TmchStandIn {
  readonly state: StandInState;
  private readonly dnl: ListPublisher;
  private readonly smdrl: ListPublisher;
  private crlCache: { pem: string; madeAt: number } | null = null;
  /** Outcomes set on the admin API, applied when the mark's review comes due. */
  private readonly decisions = new Map<string, { outcome: "verified" | "incorrect"; reasons: string[] }>();

  constructor(private readonly o: StandInOptions) {
    this.state = o.state;
    this.dnl = new ListPublisher(
      (at) => dnlCsv(this.state, at),
      () => JSON.stringify(this.state.dnl),
      o.keys.pgpPrivateKey,
    );
    this.smdrl = new ListPublisher(
      (at) => smdrlCsv(this.state, at),
      () => String(this.state.smdrl.length),
      o.keys.pgpPrivateKey,
    );
  }

  get keys(): StandInKeys {
    return this.o.keys;
  }

  private now(): Date {
    return this.o.now();
  }

  private save(): void {
    this.o.persist?.(this.state);
  }

  mark(id: string): MarkRecord {
    this.tick();
    const m = this.state.marks[id];
    if (!m) throw new TmchStandInError(404, "not_found", "No such mark.");
    return m;
  }

  markByExternalId(externalId: string): MarkRecord | null {
    this.tick();
    return Object.values(this.state.marks).find((m) => m.externalId === externalId) ?? null;
  }

  private labelsFor(s: MarkSubmission): string[] {
    let derived: string[];
    try {
      derived = deriveLabels(s.name);
    } catch (e) {
      if (e instanceof LabelDerivationError) throw new TmchStandInError(422, "labels", e.message);
      throw e;
    }
    if (!s.labels?.length) return derived;
    const foreign = s.labels.filter((l) => !derived.includes(l));
    if (foreign.length)
      throw new TmchStandInError(
        422,
        "labels",
        `Not derived from the mark by the matching rules: ${foreign.join(", ")}.`,
      );
    return [...new Set(s.labels)].sort();
  }

  private move(m: MarkRecord, state: MarkState, reasons: string[] = [], at = this.now()): void {
    m.state = state;
    m.reasons = reasons;
    m.history.push({ state, at: at.toISOString(), ...(reasons.length ? { reasons } : {}) });
  }

  async submit(input: {
    externalId: string;
    termYears: 1 | 3 | 5;
    submission: MarkSubmission;
    proofOfUse?: ProofUpload;
  }): Promise<MarkRecord> {
    const existing = this.markByExternalId(input.externalId);
    if (existing) return existing;
    const labels = this.labelsFor(input.submission);
    const now = this.now();
    const id = `${String(this.state.nextMark++).padStart(8, "0")}-${ISSUER_ID}`;
    const m: MarkRecord = {
      id,
      externalId: input.externalId,
      submission: input.submission,
      labels,
      termYears: input.termYears,
      state: "submitted",
      reasons: [],
      reviewDueAt: new Date(now.getTime() + this.o.reviewDelayMs).toISOString(),
      submittedAt: now.toISOString(),
      verifiedAt: null,
      expiresAt: null,
      proofOfUse: null,
      smds: [],
      history: [{ state: "submitted", at: now.toISOString() }],
      renewals: [],
    };
    this.state.marks[id] = m;
    if (input.proofOfUse) this.storeProof(m, input.proofOfUse);
    this.save();
    return m;
  }

  private storeProof(m: MarkRecord, p: ProofUpload): void {
    if (p.content.length === 0 || p.content.length > MAX_PROOF_BYTES)
      throw new TmchStandInError(422, "proof_of_use", "A proof of use is 1 byte to 5 MiB.");
    const sha256 = createHash("sha256").update(p.content).digest("hex");
    this.o.saveProof?.(sha256, p.content);
    m.proofOfUse = {
      filename: p.filename,
      mediaType: p.mediaType,
      sha256,
      size: p.content.length,
      receivedAt: this.now().toISOString(),
    };
  }

  async uploadProofOfUse(id: string, p: ProofUpload): Promise<MarkRecord> {
    const m = this.mark(id);
    if (m.state === "expired" || m.state === "deactivated")
      throw new TmchStandInError(409, "wrong_state", `The mark is ${m.state}.`);
    this.storeProof(m, p);
    if (m.state === "verified" && !this.currentSmd(m)) this.issueSmd(m);
    this.save();
    return m;
  }

  async correct(id: string, submission: MarkSubmission): Promise<MarkRecord> {
    const m = this.mark(id);
    if (m.state === "corrected" && JSON.stringify(m.submission) === JSON.stringify(submission)) return m;
    if (m.state !== "incorrect")
      throw new TmchStandInError(
        409,
        "wrong_state",
        `Only an incorrect submission can be corrected; this one is ${m.state}.`,
      );
    m.labels = this.labelsFor(submission);
    m.submission = submission;
    this.move(m, "corrected");
    m.reviewDueAt = new Date(this.now().getTime() + this.o.reviewDelayMs).toISOString();
    this.save();
    return m;
  }

  async renew(id: string, externalId: string, years: 1 | 3 | 5): Promise<MarkRecord> {
    const m = this.mark(id);
    if (m.renewals.some((r) => r.externalId === externalId)) return m;
    if (m.state !== "verified")
      throw new TmchStandInError(409, "wrong_state", `Only a verified mark can be renewed; this one is ${m.state}.`);
    m.expiresAt = addYears(m.expiresAt!, years);
    m.renewals.push({ externalId, years, at: this.now().toISOString() });
    if (m.proofOfUse) this.issueSmd(m);
    this.save();
    return m;
  }

  /** The outcome of a mark's next (or current) review, for tests and demos; applied at once when due. */
  decide(id: string, outcome: "verified" | "incorrect", reasons: string[]): MarkRecord {
    const m = this.mark(id);
    if (!["submitted", "verifying", "corrected"].includes(m.state))
      throw new TmchStandInError(409, "wrong_state", `The mark is ${m.state}, not under review.`);
    this.decisions.set(id, { outcome, reasons });
    if (m.state !== "verifying") this.move(m, "verifying");
    this.conclude(m);
    this.save();
    return m;
  }

  /** The TMCH withdraws a mark (a court order, a cancelled registration): its SMDs are revoked. */
  deactivate(id: string): MarkRecord {
    const m = this.mark(id);
    const now = this.now().toISOString();
    for (const smd of m.smds.filter((s) => !s.revokedAt)) {
      smd.revokedAt = now;
      this.state.smdrl.push({ smdId: smd.smdId, revokedAt: now });
    }
    this.move(m, "deactivated");
    m.reviewDueAt = null;
    this.refreshDnl();
    this.save();
    return m;
  }

  /** Moves every mark whose review or term is due; called before every read. */
  tick(): void {
    const now = this.now();
    let changed = false;
    for (const m of Object.values(this.state.marks)) {
      // Catch up on every step that came due since the last look, each at its own time.
      while (m.reviewDueAt && new Date(m.reviewDueAt) <= now) {
        changed = true;
        const due = new Date(m.reviewDueAt);
        if (m.state === "submitted" || m.state === "corrected") {
          this.move(m, "verifying", [], due);
          m.reviewDueAt = new Date(due.getTime() + this.o.reviewDelayMs).toISOString();
        } else if (m.state === "verifying") this.conclude(m, due);
        else m.reviewDueAt = null;
      }
      if (m.state === "verified" && m.expiresAt && new Date(m.expiresAt) <= now) {
        this.move(m, "expired");
        changed = true;
      }
    }
    if (changed) {
      this.refreshDnl();
      this.save();
    }
  }

  private conclude(m: MarkRecord, now = this.now()): void {
    const decided = this.decisions.get(m.id);
    this.decisions.delete(m.id);
    const reasons = decided ? decided.reasons : findProblems(m.submission, m.labels, now);
    m.reviewDueAt = null;
    if ((decided?.outcome ?? (reasons.length ? "incorrect" : "verified")) === "incorrect") {
      this.move(m, "incorrect", reasons.length ? reasons : ["The submission does not match the registration."], now);
      return;
    }
    this.move(m, "verified", [], now);
    m.verifiedAt = now.toISOString();
    m.expiresAt = addYears(m.verifiedAt, m.termYears);
    if (m.proofOfUse) this.issueSmd(m);
    this.refreshDnl();
  }

  private refreshDnl(): void {
    const now = this.now().toISOString();
    const live = new Set(
      Object.values(this.state.marks)
        .filter((m) => m.state === "verified")
        .flatMap((m) => m.labels),
    );
    for (const label of Object.keys(this.state.dnl)) if (!live.has(label)) delete this.state.dnl[label];
    for (const label of live) this.state.dnl[label] ??= { lookupKey: lookupKey(this.now()), insertedAt: now };
  }

  currentSmd(m: MarkRecord) {
    const now = this.now();
    return (
      [...m.smds].reverse().find((s) => !s.revokedAt && new Date(s.notAfter) > now && new Date(s.notBefore) <= now) ??
      null
    );
  }

  private issueSmd(m: MarkRecord): void {
    const now = this.now();
    const smdId = `${String(this.state.nextSmd++).padStart(21, "0")}-${ISSUER_ID}`;
    const notAfter = new Date(m.expiresAt!);
    const signed = signSmd(
      {
        smdId,
        issuer: { id: ISSUER_ID, org: "TMCH Stand-in", email: "support@tmch-standin.invalid" },
        notBefore: now,
        notAfter,
        mark: markInput(m),
      },
      this.o.keys.ca,
    );
    m.smds.push({ smdId, notBefore: now.toISOString(), notAfter: notAfter.toISOString(), file: signed.file });
  }

  dnlList(): Promise<PublishedList> {
    this.tick();
    return this.dnl.get(this.now());
  }

  smdrlList(): Promise<PublishedList> {
    this.tick();
    return this.smdrl.get(this.now());
  }

  /** The CA's CRL, made again once a day (valid for a week). */
  async crlPem(): Promise<string> {
    const now = this.now();
    if (!this.crlCache || now.getTime() - this.crlCache.madeAt > DAY || now.getTime() < this.crlCache.madeAt) {
      const pem = await issueCrl(this.o.keys.ca, { thisUpdate: now, nextUpdate: new Date(now.getTime() + 7 * DAY) });
      this.crlCache = { pem, madeAt: now.getTime() };
    }
    return this.crlCache.pem;
  }

  claimsNotice(key: string): string {
    this.tick();
    const label = Object.entries(this.state.dnl).find(([, e]) => e.lookupKey === key)?.[0];
    if (!label) throw new TmchStandInError(404, "not_found", "No claims notice for this lookup key.");
    const marks = Object.values(this.state.marks).filter((m) => m.state === "verified" && m.labels.includes(label));
    const id = this.state.nextNotice;
    this.state.nextNotice = (BigInt(id) + 1n).toString();
    this.save();
    return claimsNoticeXml(label, marks, id, this.now());
  }
}

function markInput(m: MarkRecord): MarkInput {
  const s = m.submission;
  const common = {
    id: m.id,
    name: s.name,
    holder: { ...s.holder },
    labels: m.labels,
    goodsAndServices: s.goodsAndServices,
  };
  const d = s.details;
  if (d.type === "trademark")
    return {
      ...common,
      type: "trademark",
      jurisdiction: d.jurisdiction,
      classes: d.classes,
      regNum: d.regNum,
      regDate: new Date(d.regDate),
      exDate: d.exDate ? new Date(d.exDate) : undefined,
    };
  if (d.type === "treatyOrStatute")
    return {
      ...common,
      type: "treatyOrStatute",
      protections: d.protections,
      refNum: d.refNum,
      proDate: new Date(d.proDate),
      title: d.title,
      execDate: new Date(d.execDate),
    };
  return {
    ...common,
    type: "court",
    refNum: d.refNum,
    proDate: new Date(d.proDate),
    cc: d.cc,
    regions: d.regions,
    courtName: d.courtName,
  };
}
