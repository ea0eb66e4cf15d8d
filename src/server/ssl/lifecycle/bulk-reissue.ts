/**
 * Bulk reissue (issue 13): after a key compromise (select by the key's SPKI fingerprint), a CA
 * incident (by CA) or a bad batch (by issue date), every current certificate selected gets a new one.
 * Each is a `reissue` request on the subscription, like a registrant's reissue but with no order (it
 * costs nothing and nobody pays), advanced at once with the poll's own code, the issued certificates
 * recorded a chunk per transaction; the old certificates are revoked as superseded at the end of the
 * run (decision 119). A certificate given a new CSR moves to the new
 * key; one without keeps its CSR (a CA-side reason: the key is sound). With `keyCompromise` the old
 * certificates are revoked at once, before anything new exists, and each one needs a new CSR. With
 * `newKeys` a certificate given none waits for its registrant's, who is mailed (ask-for-new-keys.ts).
 * Requests still waiting for DCV afterwards finish through the poll job like any other.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCanWrite, assertRole, assertTenant, systemContext, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { appendCollectedAudit, collectAuditIn, recordAudit } from "@/server/audit/record-audit";
import { AppError, isAppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { certificateAuthority } from "@/server/ssl/authority/certificate-authority";
import { checkCertificateRequest } from "@/server/ssl/requests/check-request";
import { validityDaysFor } from "@/server/ssl/requests/lifetimes";
import { revokeRequested } from "@/server/ssl/requests/revoke-requested";
import { sslProductOf, type SslProduct } from "@/server/ssl/requests/ssl-product";
import {
  advanceRequest,
  orderRequestOf,
  type IssuedOrder,
  type LoadedRequest,
  type RequestProgress,
} from "@/server/ssl/requests/advance-request";
import { recordIssuedMany } from "@/server/ssl/requests/record-issued";
import type { CaOrder, IssuedCertificate, PerItem } from "@/server/ssl/ca/port";
import { placeOrders } from "@/server/ssl/ca/batch";
import { chunks } from "@/lib/chunks";
import { settleRequest } from "./poll-requests";
import { askForNewKeys, type KeyAsk } from "./ask-for-new-keys";

const ROLES = ["owner", "admin", "registrar_admin", "system"] as const;
const OPEN_STATES = ["new", "pending_dcv", "processing"] as const;

export const bulkReissueSchema = z
  .object({
    resellerId: z.string().min(1).optional(),
    spkiSha256: z
      .string()
      .trim()
      .toLowerCase()
      .transform((s) => s.replaceAll(":", ""))
      .pipe(z.string().regex(/^[0-9a-f]{64}$/, "A SHA-256 fingerprint is 64 hexadecimal digits."))
      .optional(),
    caAdapter: z.string().trim().min(1).optional(),
    issuedFrom: z.coerce.date().optional(),
    issuedTo: z.coerce.date().optional(),
    keyCompromise: z.boolean().default(false),
    /** Certificates given no new CSR wait for their registrants' new keys (decision 125) instead of keeping theirs. */
    newKeys: z.boolean().default(false),
    limit: z.number().int().min(1).max(5_000).default(1_000),
  })
  .refine((s) => s.spkiSha256 || s.caAdapter || s.issuedFrom || s.issuedTo, {
    message: "Choose certificates by key fingerprint, CA or issue dates.",
    path: ["spkiSha256"],
  });

export type BulkReissueSelection = z.input<typeof bulkReissueSchema>;

export type BulkReissueResult = {
  certificateId: string;
  names: string[];
  outcome: "issued" | "waiting" | "refused" | "skipped";
  message: string;
  newCertificateId?: string;
};

export type BulkReissueOptions = {
  /** A new CSR for a certificate (its new key), or null to keep the current CSR. */
  csrFor?: (cert: { id: string; names: string[] }) => string | null | Promise<string | null>;
  concurrency?: number;
  onResult?: (r: BulkReissueResult, done: number, total: number) => void;
  /** Only these certificates (a bulk job's list), where the selection still names them. */
  certificateIds?: string[];
  /** Filled with each phase's wall time in ms (checks, requests, compromised, ca, revoke), for the bench. */
  timings?: Record<string, number>;
};

function scope(ctx: ActorContext, resellerId: string | undefined): Prisma.IssuedCertificateWhereInput {
  const tenant = resellerId ?? ctx.resellerId;
  if (tenant) {
    assertTenant(ctx, tenant);
    return { resellerId: tenant };
  }
  return {};
}

/**
 * The current certificates a selection names: issued, not superseded, no revocation asked for. A bulk
 * job passes the certificates it listed when it started, so it works on those that are still current.
 */
export async function selectCertificatesForReissue(ctx: ActorContext, raw: BulkReissueSelection, onlyIds?: string[]) {
  assertRole(ctx, ROLES);
  const s = parseInput(bulkReissueSchema, raw);
  return db.issuedCertificate.findMany({
    where: {
      ...scope(ctx, s.resellerId),
      ...(onlyIds ? { id: { in: onlyIds } } : {}),
      status: "issued",
      revokeRequestedAt: null,
      ...(s.spkiSha256 ? { spkiSha256: s.spkiSha256 } : {}),
      ...(s.caAdapter ? { caAdapter: s.caAdapter } : {}),
      ...(s.issuedFrom || s.issuedTo
        ? { notBefore: { ...(s.issuedFrom ? { gte: s.issuedFrom } : {}), ...(s.issuedTo ? { lte: s.issuedTo } : {}) } }
        : {}),
    },
    orderBy: { notBefore: "asc" },
    take: s.limit,
    select: {
      id: true,
      names: true,
      subscriptionId: true,
      resellerId: true,
      requestId: true,
      subscription: { select: { productCode: true, organisation: true } },
    },
  });
}

type Selected = Awaited<ReturnType<typeof selectCertificatesForReissue>>[number];
type NewCsr = { csrPem: string; names: string[]; inspection: Prisma.InputJsonValue };
type Prepared = { cert: Selected; csr: NewCsr | null };

/** Runs `run` over the items in a few lanes: the CA and the database each take several at once, not a thousand. */
async function inLanes<T>(items: T[], lanes: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await run(items[i], i);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}

/** The new CSR's own checks and the product's rules, as a registrant's reissue gets them. */
async function prepare(
  cert: Selected,
  newCsr: string | null,
  products: Map<string, SslProduct>,
): Promise<NewCsr | null> {
  if (!newCsr) return null;
  const code = cert.subscription.productCode;
  const product = products.get(code) ?? sslProductOf(await db.product.findUniqueOrThrow({ where: { code } }));
  products.set(code, product);
  const checked = await checkCertificateRequest({
    product,
    csrPem: newCsr,
    dcvMethod: "dns-txt",
    hasOrganisation: Boolean(cert.subscription.organisation),
    caName: certificateAuthority().name,
  });
  return {
    csrPem: checked.csrPem,
    names: checked.names,
    inspection: checked.report as unknown as Prisma.InputJsonValue,
  };
}

/**
 * Makes the reissue requests of one chunk in one transaction, under the subscriptions' row locks
 * (taken in id order, so two bulk runs never deadlock), with one audit entry per certificate. A
 * subscription with a request under way, or whose term has ended, gets none (returned as null).
 */
async function startRequests(
  ctx: ActorContext,
  chunk: Prepared[],
  keyCompromise: boolean,
  batch: string,
): Promise<(string | null)[]> {
  const caAdapter = certificateAuthority().name;
  const subIds = [...new Set(chunk.map((p) => p.cert.subscriptionId))].sort();
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`select id from "CertificateSubscription" where id = any(${subIds}::text[]) order by id for update`;
      const now = new Date();
      const [subs, busy, lasts] = await Promise.all([
        tx.certificateSubscription.findMany({ where: { id: { in: subIds } } }),
        tx.certificateRequest.findMany({
          where: { subscriptionId: { in: subIds }, state: { in: [...OPEN_STATES] } },
          select: { subscriptionId: true },
        }),
        tx.certificateRequest.findMany({ where: { id: { in: chunk.map((p) => p.cert.requestId) } } }),
      ]);
      const subOf = new Map(subs.map((x) => [x.id, x]));
      const lastOf = new Map(lasts.map((x) => [x.id, x]));
      const taken = new Set(busy.map((b) => b.subscriptionId));
      const ids: (string | null)[] = [];
      const rows: Prisma.CertificateRequestCreateManyInput[] = [];
      for (const { cert, csr } of chunk) {
        const sub = subOf.get(cert.subscriptionId);
        const last = lastOf.get(cert.requestId);
        if (!sub || !last || taken.has(sub.id) || !sub.termEndsAt || sub.termEndsAt <= now) {
          ids.push(null);
          continue;
        }
        taken.add(sub.id);
        const id = randomUUID();
        ids.push(id);
        rows.push({
          id,
          subscriptionId: sub.id,
          resellerId: sub.resellerId,
          purpose: "reissue",
          externalId: `bulk-${batch}-${cert.id}`,
          csrPem: csr?.csrPem ?? last.csrPem,
          csrInspection: csr?.inspection ?? (last.csrInspection as Prisma.InputJsonValue),
          names: csr?.names ?? last.names,
          dcvMethod: last.dcvMethod,
          dcvEmail: (last.dcvEmail as Prisma.InputJsonValue | null) ?? undefined,
          caAdapter,
          replacesId: cert.id,
          keyCompromise,
          validityDays: validityDaysFor(now, sub.termEndsAt),
        });
      }
      await tx.certificateRequest.createMany({ data: rows });
      const started = chunk.filter((_, i) => ids[i] !== null);
      if (keyCompromise && started.length)
        await tx.issuedCertificate.updateMany({
          where: { id: { in: started.map((p) => p.cert.id) } },
          data: { revokeRequestedAt: now, revocationReason: "keyCompromise" },
        });
      // One entry per chunk and reseller naming every certificate: each new certificate gets its own
      // "issued" entry (with what it replaces) when it is recorded.
      const byReseller = new Map<string, { certificateId: string; requestId: string; newKey: boolean }[]>();
      chunk.forEach(({ cert, csr }, i) => {
        const id = ids[i];
        if (!id) return;
        const list = byReseller.get(cert.resellerId) ?? [];
        list.push({ certificateId: cert.id, requestId: id, newKey: Boolean(csr) });
        byReseller.set(cert.resellerId, list);
      });
      collectAuditIn(tx);
      for (const [resellerId, certificates] of byReseller)
        await recordAudit(tx, ctx.kind === "system" ? systemContext(resellerId) : ctx, {
          action: "ssl.certificate.bulk_reissue_started",
          entity: "certificateBulkReissue",
          entityId: batch,
          resellerId,
          after: { batch, keyCompromise, certificates },
        });
      // Every reseller's entry in one lock call and one insert.
      await appendCollectedAudit(tx);
      return ids;
    },
    { timeout: 30_000 },
  );
}

type Started = { id: string; i: number };

/**
 * The CA part of the poll's code for one request: place (DCV is reused), confirm, fetch. `placed`:
 * its answer from the group's batch placement.
 */
async function askCa(request: SettleTarget & LoadedRequest, placed: PerItem<CaOrder>): Promise<RequestProgress> {
  try {
    // The request is written with the recorded certificate (its chunk's one statement), not here.
    const progress = await advanceRequest(request.id, request, { deferIssued: true, placed });
    if (progress.kind === "rejected") await settleRequest(request, progress);
    return progress;
  } catch (e) {
    return {
      kind: "waiting",
      message: `The certificate authority could not be reached (${(e as Error).message}); the poll job keeps trying.`,
    };
  }
}

type SettleTarget = Parameters<typeof settleRequest>[0];
type Issued = { started: Started; request: SettleTarget; certificate: IssuedCertificate; order?: IssuedOrder };

/**
 * Records one reseller's issued certificates a chunk per transaction, as the poll's settle records one
 * (the request locked, nothing recorded twice). A chunk holds one reseller, so a transaction takes one
 * audit chain's lock and two recorders never wait on each other in a cycle.
 */
async function recordChunk(chunk: Issued[]): Promise<Map<string, string>> {
  const sorted = [...chunk].sort((x, y) =>
    x.request.resellerId === y.request.resellerId
      ? x.request.id.localeCompare(y.request.id)
      : x.request.resellerId < y.request.resellerId
        ? -1
        : 1,
  );
  const ids = sorted.map((x) => x.request.id);
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`select id from "CertificateRequest" where id = any(${[...ids].sort()}::text[]) order by id for update`;
      // The chunk's "issued" entries go to the audit chain together: one lock call and one insert.
      collectAuditIn(tx);
      const recorded = await recordIssuedMany(
        tx,
        sorted.map((x) => ({ requestId: x.request.id, certificate: x.certificate, order: x.order })),
      );
      await appendCollectedAudit(tx);
      return recorded;
    },
    { timeout: 60_000 },
  );
}

const RECORD_CHUNK = 25;
const RECORDERS = 4;
const RECORD_WAIT_MS = 200;

/** Runs at most `n` of the given tasks at once; the others wait their turn. */
function limiter(n: number) {
  let active = 0;
  const waiters: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    while (active >= n) await new Promise<void>((resolve) => waiters.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiters.shift()?.();
    }
  };
}

const CHUNK = 100;
/**
 * Orders placed per CA call, and such calls under way at once. One call per certificate spent more
 * of the process on HTTP than the CA spent signing (decision 139); with two groups in flight the CA
 * signs one while the other's certificates are checked and recorded.
 */
const CA_GROUP = 25;
const CA_GROUPS_AT_ONCE = 2;

export async function bulkReissueCertificates(
  ctx: ActorContext,
  raw: BulkReissueSelection,
  opts: BulkReissueOptions = {},
): Promise<{ batch: string; results: BulkReissueResult[]; counts: Record<BulkReissueResult["outcome"], number> }> {
  assertCanWrite(ctx);
  const s = parseInput(bulkReissueSchema, raw);
  const selected = await selectCertificatesForReissue(ctx, raw, opts.certificateIds);
  if (selected.length === 0) throw new AppError("NOT_FOUND", "No current certificate matches that selection.");
  const batch = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
  const lanes = opts.concurrency ?? 8;
  const results: BulkReissueResult[] = selected.map((c) => ({
    certificateId: c.id,
    names: c.names,
    outcome: "skipped",
    message: "",
  }));
  let done = 0;
  const settle = (i: number, r: Partial<BulkReissueResult>) => {
    results[i] = { ...results[i], ...r };
    opts.onResult?.(results[i], ++done, selected.length);
  };

  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    if (opts.timings) opts.timings[phase] = now - mark;
    mark = now;
  };

  // 1. New CSRs checked (CPU: each one parsed and its signature verified).
  const prepared: (Prepared | null)[] = new Array(selected.length).fill(null);
  const products = new Map<string, SslProduct>();
  const askKey: number[] = [];
  await inLanes(selected, lanes, async (cert, i) => {
    try {
      const newCsr = (await opts.csrFor?.(cert)) ?? null;
      if (s.newKeys && !newCsr) return void askKey.push(i);
      if (s.keyCompromise && !newCsr)
        return settle(i, { outcome: "skipped", message: "A key compromise needs a new CSR (a new key)." });
      prepared[i] = { cert, csr: await prepare(cert, newCsr, products) };
    } catch (e) {
      if (!isAppError(e)) throw e;
      settle(i, { outcome: "refused", message: Object.values(e.fields ?? {})[0] ?? e.userMessage });
    }
  });

  lap("checks");

  // 2. Requests recorded, a chunk per transaction.
  const requestOf: (string | null)[] = new Array(selected.length).fill(null);
  const ready = prepared.flatMap((p, i) => (p ? [{ p, i }] : []));
  for (let c = 0; c < ready.length; c += CHUNK) {
    const chunk = ready.slice(c, c + CHUNK);
    const ids = await startRequests(
      ctx,
      chunk.map((x) => x.p),
      s.keyCompromise,
      batch,
    );
    chunk.forEach((x, k) => {
      if (ids[k]) requestOf[x.i] = ids[k];
      else settle(x.i, { outcome: "skipped", message: "A reissue or replacement is already under way." });
    });
  }

  lap("requests");

  const started = requestOf.flatMap((id, i) => (id ? [{ id, i }] : []));

  // 2b. Certificates without a new CSR on a "new keys" run: their registrants are asked for one.
  const askedCompromised: string[] = [];
  if (askKey.length) {
    const asks: KeyAsk[] = askKey.map((i) => ({
      certificateId: selected[i].id,
      subscriptionId: selected[i].subscriptionId,
      resellerId: selected[i].resellerId,
    }));
    const answers = new Map(
      (await askForNewKeys(ctx, asks, { keyCompromise: s.keyCompromise, batch })).map((a) => [a.certificateId, a]),
    );
    for (const i of askKey) {
      const a = answers.get(selected[i].id);
      if (a?.asked && s.keyCompromise) askedCompromised.push(selected[i].id);
      settle(i, a?.asked ? { outcome: "waiting", message: a.message } : { outcome: "skipped", message: a?.message });
    }
  }

  // 3. After a key compromise the old certificates are revoked before anything new exists.
  if (s.keyCompromise) {
    const ids = [...started.map(({ i }) => selected[i].id), ...askedCompromised];
    if (ids.length) await revokeRequested({ certificateIds: ids, limit: ids.length, lanes });
  }
  lap("compromised");

  // 4. The CA asked a group at a time, one call placing the group's orders (DCV reused, the
  // certificates signed), and what it issued recorded a chunk per transaction (the certificate, its predecessor marked for revocation, the
  // issuance mail and audit entry, as the poll's settle records one) while the lanes go on.
  const superseded: string[] = [];
  const targets = new Map(
    // With their subscriptions, so asking the CA reads nothing more per certificate. Read here, after
    // the requests' transactions committed, as the poll's code would read each.
    (
      await db.certificateRequest.findMany({
        where: { id: { in: started.map((x) => x.id) } },
        include: { subscription: true },
      })
    ).map((r) => [r.id, r]),
  );
  // Per reseller, so each transaction takes one audit chain's lock; a few recorders at once.
  const buffers = new Map<string, Issued[]>();
  const slot = limiter(RECORDERS);
  const recordings: Promise<void>[] = [];
  const record = (chunk: Issued[]) =>
    slot(async () => {
      const recorded = await recordChunk(chunk).catch((e: unknown) => {
        const message = `The certificate was issued but could not be recorded yet (${(e as Error).message}); the poll job records it.`;
        for (const x of chunk) settle(x.started.i, { outcome: "waiting", message });
        return null;
      });
      if (!recorded) return;
      for (const x of chunk) {
        if (!s.keyCompromise) superseded.push(selected[x.started.i].id);
        settle(x.started.i, { outcome: "issued", message: "Reissued.", newCertificateId: recorded.get(x.request.id) });
      }
    });
  const flush = (resellerId: string) => {
    const chunk = buffers.get(resellerId) ?? [];
    buffers.delete(resellerId);
    if (chunk.length) recordings.push(record(chunk));
  };
  const onProgress = (st: Started, request: SettleTarget & LoadedRequest, progress: RequestProgress) => {
    if (progress.kind === "issued") {
      const buffer = buffers.get(request.resellerId) ?? [];
      buffer.push({ started: st, request, certificate: progress.certificate, order: progress.order });
      buffers.set(request.resellerId, buffer);
      if (buffer.length >= RECORD_CHUNK) flush(request.resellerId);
      // A reseller with few certificates is not kept waiting for a full chunk: its results show soon.
      else if (buffer.length === 1)
        setTimeout(() => buffers.get(request.resellerId) === buffer && flush(request.resellerId), RECORD_WAIT_MS);
    } else if (progress.kind === "rejected") settle(st.i, { outcome: "refused", message: progress.reason });
    else settle(st.i, { outcome: "waiting", message: progress.message });
  };
  const groups = chunks(started, CA_GROUP);
  const ca = certificateAuthority();
  await inLanes(groups, CA_GROUPS_AT_ONCE, async (group) => {
    const present: { st: Started; request: SettleTarget & LoadedRequest }[] = [];
    for (const st of group) {
      const request = targets.get(st.id);
      if (request) present.push({ st, request });
      else settle(st.i, { outcome: "skipped", message: "The reissue request has gone." });
    }
    // One call places the group's orders; each answer (or error) goes on through the poll's own code.
    const placed = await placeOrders(
      ca,
      present.map((x) => orderRequestOf(x.request)),
    );
    await Promise.all(
      present.map(async ({ st, request }, k) => onProgress(st, request, await askCa(request, placed[k]))),
    );
  });
  for (const resellerId of [...buffers.keys()]) flush(resellerId);
  await Promise.all(recordings);
  lap("ca");

  // 5. The superseded certificates revoked at the CA in the same lanes, recorded in batches. Should
  // this run die first, the poll job revokes them within a minute: the marks are committed.
  if (superseded.length) await revokeRequested({ certificateIds: superseded, limit: superseded.length, lanes });
  lap("revoke");

  const counts = { issued: 0, waiting: 0, refused: 0, skipped: 0 };
  for (const r of results) counts[r.outcome]++;
  return { batch, results, counts };
}
