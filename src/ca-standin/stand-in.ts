/**
 * The commercial-CA stand-in's behaviour, with no transport: orders (idempotent on the caller's
 * externalId), DCV, organisation validation for OV/EV, an approval step, signing, reissue, revocation,
 * the CRL and certificate status. The HTTP API (http-api.ts) and tests drive the same object.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { buildCrl } from "./build-crl";
import type { CaChain } from "./ca-chain";
import { checkChallenge, isConstructedAddress, type HttpFetcher, type TxtResolver } from "./dcv-checks";
import { dcvReuseDays, emailDcvAllowed } from "./lifetimes";
import {
  StandInError,
  type CertificateRecord,
  type Challenge,
  type DcvMethod,
  type Order,
  type Organisation,
  type OrganisationState,
  type RevocationReason,
  type StandInState,
} from "./model";
import { productFor, type Level } from "./products";
import { signLeaf } from "./sign-leaf";
import { x509 } from "./x509-runtime";

export type PlaceOrderInput = {
  externalId: string;
  product?: string;
  csrPem: string;
  names: string[];
  level: Level;
  dcvMethod: DcvMethod;
  dcvEmail?: Record<string, string>;
  organisation?: Organisation;
  validityDays: number;
};

export type StandInOptions = {
  chain: CaChain;
  state: StandInState;
  resolver: TxtResolver;
  fetchHttp: HttpFetcher;
  /** Base URL the CRL distribution point and email links name. */
  publicUrl: string;
  /** "auto": validated orders are approved at once; "manual": they wait for approve(). */
  approval: "auto" | "manual";
  now: () => Date;
  persist?: (state: StandInState) => void;
};

export type CertificateStatus = {
  serialNumber: string;
  status: "valid" | "revoked" | "expired";
  notAfter: string;
  revokedAt?: string;
  reason?: RevocationReason;
};

const token = () => randomBytes(20).toString("base64url"); // 160 bits, above BR's 112

function baseOf(name: string): string {
  return name.startsWith("*.") ? name.slice(2) : name;
}

function keyProblem(csr: x509.Pkcs10CertificateRequest): string | null {
  const alg = csr.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
  if (alg.name.toUpperCase().includes("RSA")) {
    const bits = alg.modulusLength ?? 0;
    return bits >= 2048 && bits <= 8192 ? null : `RSA keys must be 2048 to 8192 bits, not ${bits}.`;
  }
  if (alg.name === "ECDSA" && (alg.namedCurve === "P-256" || alg.namedCurve === "P-384")) return null;
  return `Key type ${alg.name} ${alg.namedCurve ?? ""} is not accepted.`.replace(" .", ".");
}

export class CaStandIn {
  private crlCache: x509.X509Crl | null = null;

  constructor(private readonly o: StandInOptions) {}

  get chain(): CaChain {
    return this.o.chain;
  }

  get state(): StandInState {
    return this.o.state;
  }

  setPublicUrl(url: string): void {
    this.o.publicUrl = url;
  }

  crlUrl(): string {
    return `${this.o.publicUrl}/crl/intermediate.crl`;
  }

  private save(): void {
    this.o.persist?.(this.o.state);
  }

  order(id: string): Order {
    const order = this.o.state.orders[id];
    if (!order) throw new StandInError(404, "not_found", `No order ${id}.`);
    return order;
  }

  // externalId → order id, built on first use from the state (a loaded state file included) and kept as
  // orders are placed: a scan of every order per placement made a bulk run quadratic.
  private byExternalId: Map<string, string> | null = null;

  private findByExternalId(externalId: string): Order | undefined {
    this.byExternalId ??= new Map(Object.values(this.o.state.orders).map((o) => [o.externalId, o.id]));
    const id = this.byExternalId.get(externalId);
    return id === undefined ? undefined : this.o.state.orders[id];
  }

  private async verifiedCsr(csrPem: string): Promise<x509.Pkcs10CertificateRequest> {
    let csr: x509.Pkcs10CertificateRequest;
    try {
      csr = new x509.Pkcs10CertificateRequest(csrPem);
    } catch {
      throw new StandInError(422, "bad_csr", "The CSR could not be read.");
    }
    const problem = keyProblem(csr);
    if (problem) throw new StandInError(422, "bad_csr", problem);
    if (!(await csr.verify().catch(() => false))) {
      throw new StandInError(422, "bad_csr", "The CSR's signature does not verify.");
    }
    return csr;
  }

  private challengesFor(names: string[], method: DcvMethod, dcvEmail: Record<string, string> | undefined): Challenge[] {
    const now = this.o.now();
    const reuseMs = dcvReuseDays(now) * 86_400_000;
    const bases = [...new Set(names.map(baseOf))];
    return bases.map((base) => {
      const t = token();
      const validatedAt = this.o.state.validations[base];
      const reusable = validatedAt && now.getTime() - Date.parse(validatedAt) < reuseMs;
      const c: Challenge = { name: base, method, state: reusable ? "valid" : "pending", token: t };
      if (reusable) c.validatedAt = validatedAt;
      if (method === "dns-txt") {
        c.dnsRecordName = `_dnsauth.${base}`;
        c.dnsRecordValue = t;
      } else if (method === "http-file") {
        c.httpPath = `/.well-known/pki-validation/${randomBytes(10).toString("hex")}.txt`;
        c.httpBody = t;
      } else {
        c.emailAddress = (dcvEmail?.[base] ?? dcvEmail?.[`*.${base}`] ?? `admin@${base}`).toLowerCase();
        if (!isConstructedAddress(c.emailAddress, base)) {
          throw new StandInError(
            422,
            "bad_dcv_email",
            `${c.emailAddress} is not one of the addresses a CA may use for ${base} (admin@, administrator@, webmaster@, hostmaster@, postmaster@).`,
          );
        }
      }
      return c;
    });
  }

  private mailChallenges(order: Order): void {
    for (const c of order.challenges) {
      if (c.method !== "email" || c.state === "valid") continue;
      this.o.state.outbox.push({
        to: c.emailAddress!,
        subject: `Approve the certificate for ${c.name}`,
        body: `Someone asked for a certificate for ${order.names.join(", ")}. To approve, open ${this.o.publicUrl}/dcv/email/${c.token}`,
        approvalToken: c.token,
        sentAt: this.o.now().toISOString(),
      });
    }
  }

  // Placements under way by externalId: a second call for the same one (a retry racing the first, or
  // the same item twice in a batch) waits for the first instead of making a second order.
  private readonly placing = new Map<string, Promise<Order>>();

  async placeOrder(input: PlaceOrderInput): Promise<Order> {
    const order = await this.placeUnsaved(input);
    this.save();
    return order;
  }

  /**
   * A batch of placements (the reseller APIs' bulk order), each answered as placeOrder would: its
   * order, or its own error, which leaves its neighbours alone. The state is written once.
   */
  async placeOrders(inputs: PlaceOrderInput[]): Promise<({ order: Order } | { error: unknown })[]> {
    const results = await Promise.all(
      inputs.map((input) =>
        this.placeUnsaved(input).then(
          (order) => ({ order }),
          (error: unknown) => ({ error }),
        ),
      ),
    );
    this.save();
    return results;
  }

  private placeUnsaved(input: PlaceOrderInput): Promise<Order> {
    const existing = this.findByExternalId(input.externalId);
    if (existing) return Promise.resolve(existing);
    const under = this.placing.get(input.externalId);
    if (under) return under;
    const placed = this.newOrder(input).finally(() => this.placing.delete(input.externalId));
    this.placing.set(input.externalId, placed);
    return placed;
  }

  private async newOrder(input: PlaceOrderInput): Promise<Order> {
    const names = [...new Set(input.names.map((n) => n.toLowerCase()))];
    if (names.length === 0) throw new StandInError(422, "no_names", "An order needs at least one name.");
    const csr = await this.verifiedCsr(input.csrPem);
    const product = productFor(input.level, names, input.product);
    if (typeof product === "string") throw new StandInError(422, "product", product);
    if (input.level !== "dv" && !input.organisation) {
      throw new StandInError(
        422,
        "organisation_required",
        `${input.level.toUpperCase()} orders need the organisation.`,
      );
    }
    if (input.dcvMethod === "http-file" && names.some((n) => n.startsWith("*."))) {
      throw new StandInError(422, "dcv_method", "Wildcard names cannot be validated by HTTP file (BR 3.2.2.4.18).");
    }
    if (input.dcvMethod === "email" && !emailDcvAllowed(this.o.now())) {
      throw new StandInError(422, "dcv_method", "Email validation ended on 2028-03-15 (ballot SC-090).");
    }
    const now = this.o.now().toISOString();
    const order: Order = {
      id: randomUUID(),
      externalId: input.externalId,
      product: product.code,
      level: input.level,
      names,
      csrPem: input.csrPem,
      dcvMethod: input.dcvMethod,
      dcvEmail: input.dcvEmail,
      organisation: input.organisation,
      organisationState: input.level === "dv" ? undefined : "pending",
      validityDays: input.validityDays,
      state: "pending_validation",
      challenges: this.challengesFor(names, input.dcvMethod, input.dcvEmail),
      serials: [],
      createdAt: now,
      updatedAt: now,
    };
    this.o.state.orders[order.id] = order;
    this.byExternalId?.set(order.externalId, order.id);
    this.mailChallenges(order);
    await this.advance(order, csr);
    return order;
  }

  private markValid(c: Challenge): void {
    const at = this.o.now().toISOString();
    c.state = "valid";
    c.validatedAt = at;
    delete c.error;
    this.o.state.validations[c.name] = at;
  }

  async confirmChallenge(orderId: string, name: string): Promise<Order> {
    const order = this.order(orderId);
    const c = order.challenges.find((ch) => ch.name === baseOf(name.toLowerCase()));
    if (!c) throw new StandInError(404, "not_found", `Order ${orderId} has no challenge for ${name}.`);
    if (c.state === "valid" || c.method === "email") return order;
    c.state = "processing";
    const error = await checkChallenge(c, this.o.resolver, this.o.fetchHttp);
    if (error) {
      // Commercial CAs keep a failed check open to be tried again, unlike ACME's final "invalid".
      c.state = "pending";
      c.error = error;
    } else this.markValid(c);
    await this.advance(order);
    this.save();
    return order;
  }

  async approveEmail(approvalToken: string): Promise<Order> {
    for (const order of Object.values(this.o.state.orders)) {
      const c = order.challenges.find((ch) => ch.method === "email" && ch.token === approvalToken);
      if (!c) continue;
      if (c.state !== "valid") this.markValid(c);
      await this.advance(order);
      this.save();
      return order;
    }
    throw new StandInError(404, "not_found", "This approval link is not known or has been used for another order.");
  }

  async setOrganisationState(orderId: string, state: OrganisationState, reason?: string): Promise<Order> {
    const order = this.order(orderId);
    if (order.level === "dv") throw new StandInError(409, "not_applicable", "DV orders have no organisation check.");
    order.organisationState = state;
    if (state === "rejected") order.rejectionReason = reason ?? "The organisation could not be verified.";
    await this.advance(order);
    this.save();
    return order;
  }

  /** The approval step, for orders waiting in "manual" mode. */
  async approve(orderId: string): Promise<Order> {
    const order = this.order(orderId);
    if (order.state !== "pending_approval") {
      throw new StandInError(409, "not_waiting", `Order ${orderId} is ${order.state}, not waiting for approval.`);
    }
    await this.issue(order);
    this.save();
    return order;
  }

  async reject(orderId: string, reason: string): Promise<Order> {
    const order = this.order(orderId);
    if (order.state === "issued") throw new StandInError(409, "issued", "An issued order cannot be rejected.");
    order.state = "rejected";
    order.rejectionReason = reason;
    this.save();
    return order;
  }

  /** `csr`: the order's CSR as just parsed and verified, so signing does not parse it again. */
  private async advance(order: Order, csr?: x509.Pkcs10CertificateRequest): Promise<void> {
    if (order.state !== "pending_validation" && order.state !== "pending_approval") return;
    if (order.organisationState === "rejected") {
      order.state = "rejected";
      order.updatedAt = this.o.now().toISOString();
      return;
    }
    const dcvDone = order.challenges.every((c) => c.state === "valid");
    const orgDone = order.level === "dv" || order.organisationState === "verified";
    if (!dcvDone || !orgDone) return;
    order.state = "pending_approval";
    order.updatedAt = this.o.now().toISOString();
    if (this.o.approval === "auto") await this.issue(order, csr);
  }

  private async issue(order: Order, csr?: x509.Pkcs10CertificateRequest): Promise<void> {
    order.state = "processing"; // before the await: a second caller sees it and does not sign twice
    try {
      const now = this.o.now();
      const leaf = await signLeaf({
        chain: this.o.chain,
        csrPem: order.csrPem,
        csr,
        names: order.names,
        level: order.level,
        organisation: order.organisation,
        validityDays: order.validityDays,
        now,
        crlUrl: this.crlUrl(),
      });
      const record: CertificateRecord = {
        serialNumber: leaf.serialNumber,
        orderId: order.id,
        certificatePem: leaf.certificatePem,
        names: order.names,
        notBefore: leaf.notBefore.toISOString(),
        notAfter: leaf.notAfter.toISOString(),
        spkiSha256: leaf.spkiSha256,
      };
      this.o.state.certificates[record.serialNumber] = record;
      order.serials.push(record.serialNumber);
      order.state = "issued";
      order.updatedAt = now.toISOString();
    } catch (e) {
      order.state = "pending_approval";
      throw e;
    }
  }

  /**
   * A new certificate on an issued order, with a new CSR and the same or changed names. Names
   * validated within the BR reuse window need no new DCV. The old certificate stays valid until
   * revoked (the platform revokes it once the new one is issued, or at once for key compromise).
   */
  async reissue(orderId: string, input: { csrPem: string; names?: string[]; dcvMethod?: DcvMethod }): Promise<Order> {
    const order = this.order(orderId);
    if (order.state !== "issued") {
      throw new StandInError(
        409,
        "not_issued",
        `Order ${orderId} is ${order.state}; only an issued order is reissued.`,
      );
    }
    const csr = await this.verifiedCsr(input.csrPem);
    const names = input.names ? [...new Set(input.names.map((n) => n.toLowerCase()))] : order.names;
    const product = productFor(order.level, names, order.product);
    if (typeof product === "string") throw new StandInError(422, "product", product);
    order.csrPem = input.csrPem;
    order.names = names;
    order.dcvMethod = input.dcvMethod ?? order.dcvMethod;
    order.challenges = this.challengesFor(names, order.dcvMethod, order.dcvEmail);
    order.state = "pending_validation";
    this.mailChallenges(order);
    await this.advance(order, csr);
    this.save();
    return order;
  }

  findCertificate(ref: { serialNumber?: string; certificatePem?: string }): CertificateRecord {
    let serial = ref.serialNumber?.toLowerCase();
    if (!serial && ref.certificatePem) {
      try {
        serial = new x509.X509Certificate(ref.certificatePem).serialNumber.toLowerCase();
      } catch {
        throw new StandInError(422, "bad_certificate", "The certificate could not be read.");
      }
    }
    const record = serial ? this.o.state.certificates[serial] : undefined;
    if (!record) throw new StandInError(404, "not_found", "This CA did not issue that certificate.");
    return record;
  }

  async revoke(
    ref: { serialNumber?: string; certificatePem?: string },
    reason: RevocationReason,
  ): Promise<CertificateRecord> {
    const record = this.revokeOne(ref, reason);
    this.o.state.crlNumber += 1;
    this.crlCache = null;
    this.save();
    return record;
  }

  /**
   * A batch of revocations, each answered as revoke would (its record, or its own error). One new CRL
   * number covers the batch, as a CA issues one CRL after a batch; the state is written once.
   */
  revokeMany(
    items: { ref: { serialNumber?: string; certificatePem?: string }; reason: RevocationReason }[],
  ): ({ record: CertificateRecord } | { error: unknown })[] {
    const results = items.map(({ ref, reason }) => {
      try {
        return { record: this.revokeOne(ref, reason) };
      } catch (error) {
        return { error };
      }
    });
    if (results.some((r) => "record" in r)) {
      this.o.state.crlNumber += 1;
      this.crlCache = null;
    }
    this.save();
    return results;
  }

  private revokeOne(
    ref: { serialNumber?: string; certificatePem?: string },
    reason: RevocationReason,
  ): CertificateRecord {
    const record = this.findCertificate(ref);
    if (record.revokedAt) {
      throw new StandInError(409, "already_revoked", `Certificate ${record.serialNumber} is already revoked.`);
    }
    record.revokedAt = this.o.now().toISOString();
    record.revocationReason = reason;
    return record;
  }

  status(serialNumber: string): CertificateStatus {
    const c = this.findCertificate({ serialNumber });
    const status = c.revokedAt ? "revoked" : Date.parse(c.notAfter) < this.o.now().getTime() ? "expired" : "valid";
    return {
      serialNumber: c.serialNumber,
      status,
      notAfter: c.notAfter,
      ...(c.revokedAt ? { revokedAt: c.revokedAt, reason: c.revocationReason } : {}),
    };
  }

  async crl(): Promise<x509.X509Crl> {
    if (!this.crlCache) {
      const revoked = Object.values(this.o.state.certificates).filter((c) => c.revokedAt);
      this.crlCache = await buildCrl({
        chain: this.o.chain,
        revoked,
        crlNumber: this.o.state.crlNumber,
        now: this.o.now(),
      });
    }
    return this.crlCache;
  }
}
