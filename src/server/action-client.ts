/**
 * The one way a server action is written (DESIGN §9.2). `defineAction` authenticates the session of
 * the area, resolves tenant and role, refuses writes by auditors and by suspended resellers' people,
 * checks roles, parses the input with zod (FormData or an object), calls the handler and maps every
 * failure to an ActionResult a form can show. `definePublicAction` does the same for actions that
 * need no session (sign-in, registration, password reset). Each action also has `.run(…)`, the same
 * pipeline with an explicit actor instead of a session, for integration tests.
 */
import { headers } from "next/headers";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ResellerStatus } from "@/generated/prisma/enums";
import { hostArea, requestHostHeader } from "@/lib/host-area";
import { env } from "@/env";
import { assertCanWrite, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError, toPublicError, type ErrorCode } from "@/server/errors";
import { findStorefrontByHost, type Storefront } from "@/server/tenancy/find-storefront-by-host";
import { AREA_KIND, type Area, type AreaContext } from "@/server/auth/require-context";
import { clearSessionCookie, readSessionClaims, writeSessionCookie } from "@/server/auth/session-cookie";
import { resolveSession } from "@/server/auth/resolve-session";
import type { SessionClaims, TokenClaims } from "@/server/auth/session-token";
import { clientAddressFrom } from "@/server/auth/client-address";
import { startSession } from "@/server/auth/start-session";
import { assertRecentlyAuthenticated } from "@/server/auth/reauthentication";
import { readChallengeCookie, writeChallengeCookie } from "@/server/auth/second-factor/challenge-cookie";
import { formDataToObject, keptValues, zodFieldErrors } from "@/server/action-input";
import { assertAgreementCurrent } from "@/server/reseller-agreements/agreement-status";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fields?: Record<string, string>; values?: Record<string, string> };

/** What an action may do to the request besides returning data: start or end the session. */
export type ActionRequest = {
  host: string;
  clientAddress: string;
  userAgent: string;
  /** The session record the request runs under; null before sign-in (public actions). */
  sessionId: string | null;
  /** Starts a session record for `claims` (this address and device) and sets its cookie. */
  setSession(claims: SessionClaims): Promise<void>;
  clearSession(): Promise<void>;
  /** The console sign-in challenge between password and second factor (its own cookie), or null. */
  challenge: string | null;
  setChallenge(token: string | null): Promise<void>;
};

export type ServerAction<T> = (
  prev: ActionResult<T> | null,
  input: FormData | Record<string, unknown>,
) => Promise<ActionResult<T>>;

type Handler<C, S extends z.ZodType, T> = (ctx: C, input: z.output<S>, req: ActionRequest) => Promise<T>;

export type ActionDef<A extends Area, S extends z.ZodType, T> = {
  area: A;
  roles?: readonly AreaContext<A>["role"][];
  input: S;
  /** Writes are refused to auditors and to people of a suspended reseller. Default true. */
  write?: boolean;
  /** Lets a write through for a suspended reseller (e.g. changing one's own password). */
  allowSuspended?: boolean;
  handler: Handler<AreaContext<A>, S, T>;
  /** Where the browser goes after success; applied only when called as a server action. */
  redirectTo?: (data: T) => string;
  /** Re-render the page after success; writes always do. */
  refresh?: boolean;
  /** Sensitive change: the session must have proved its person within 10 minutes (REAUTH_REQUIRED). */
  reauth?: boolean;
};

/** A request stand-in for tests and for `.run`: session records are made, cookies only recorded. */
export function testRequest(
  over: Partial<ActionRequest> = {},
): ActionRequest & { sessions: (TokenClaims | null)[]; challenges: (string | null)[] } {
  const sessions: (TokenClaims | null)[] = [];
  const challenges: (string | null)[] = [];
  const req: ActionRequest = {
    host: env().CONSOLE_HOST,
    clientAddress: "203.0.113.1",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
    sessionId: null,
    setSession: async (c) => void sessions.push(await startSession(c, req)),
    clearSession: async () => void sessions.push(null),
    // Like a cookie jar: the challenge set by one action is what the next action on this request reads.
    challenge: null,
    setChallenge: async (token) => {
      challenges.push(token);
      req.challenge = token;
    },
    ...over,
  };
  return Object.assign(req, { sessions, challenges });
}

async function liveRequest(): Promise<ActionRequest & { origin: string | null; rawHost: string | null }> {
  const h = await headers();
  const rawHost = requestHostHeader(h);
  const where = hostArea(rawHost, env().CONSOLE_HOST);
  const device = {
    clientAddress: clientAddressFrom(h.get("x-forwarded-for"), env().TRUSTED_PROXY_COUNT),
    userAgent: h.get("user-agent") ?? "",
  };
  return {
    rawHost,
    host: where.area === "storefront" ? where.host : env().CONSOLE_HOST,
    origin: h.get("origin"),
    ...device,
    sessionId: null,
    setSession: async (claims) => writeSessionCookie(await startSession(claims, device)),
    clearSession: clearSessionCookie,
    challenge: await readChallengeCookie(),
    setChallenge: writeChallengeCookie,
  };
}

/** Next refuses cross-origin action posts already; this is the second wall, on our own terms. */
function assertSameOrigin(origin: string | null, rawHost: string | null): void {
  if (origin === null) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN");
  }
  if (originHost.toLowerCase() !== rawHost?.toLowerCase()) throw new AppError("FORBIDDEN");
}

function failure<T>(e: unknown, raw: Record<string, unknown> | undefined): ActionResult<T> {
  if (!(e instanceof AppError)) console.error("Unexpected error in a server action", e);
  const { code, message, fields } = toPublicError(e);
  return { ok: false, code, message, ...(fields ? { fields } : {}), ...(raw ? { values: keptValues(raw) } : {}) };
}

function parse<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError("INVALID_INPUT", undefined, { fields: zodFieldErrors(result.error) });
  return result.data;
}

async function resellerStatusOf(ctx: ActorContext): Promise<ResellerStatus | null> {
  if (ctx.kind === "registrar" || ctx.resellerId === null) return null;
  const r = await db.reseller.findUnique({ where: { id: ctx.resellerId }, select: { status: true } });
  if (!r) throw new AppError("NOT_FOUND");
  return r.status;
}

function authorise<A extends Area>(
  def: ActionDef<A, z.ZodType, unknown>,
  ctx: ActorContext,
  status: ResellerStatus | null,
): AreaContext<A> {
  if (ctx.kind !== AREA_KIND[def.area]) throw new AppError("FORBIDDEN");
  if (def.write !== false) {
    assertCanWrite(ctx);
    if (status !== null && status !== "active" && !def.allowSuspended) throw new AppError("RESELLER_SUSPENDED");
  }
  if (def.roles && !(def.roles as readonly string[]).includes(ctx.role)) throw new AppError("FORBIDDEN");
  return ctx as AreaContext<A>;
}

/** A registrant acts only on the storefront of its own reseller, whatever host the request came to. */
async function assertOwnStorefront(ctx: ActorContext, host: string): Promise<void> {
  const storefront = await findStorefrontByHost(host);
  if (!storefront || storefront.id !== ctx.resellerId) throw new AppError("NOT_FOUND");
}

/** For `.run` without a request: a storefront action runs on the actor's own platform host. */
async function defaultHostFor(area: Area, ctx: ActorContext): Promise<string> {
  if (area !== "storefront" || ctx.resellerId === null) return env().CONSOLE_HOST;
  const h = await db.hostName.findFirst({
    where: { resellerId: ctx.resellerId, kind: "platform" },
    select: { host: true },
  });
  return h?.host ?? env().CONSOLE_HOST;
}

export function defineAction<A extends Area, S extends z.ZodType, T>(def: ActionDef<A, S, T>) {
  const pipeline = async (
    ctx: ActorContext,
    status: ResellerStatus | null,
    raw: Record<string, unknown>,
    req: ActionRequest,
  ) => {
    const areaCtx = authorise(def as ActionDef<A, z.ZodType, unknown>, ctx, status);
    // Past its acceptance date an unaccepted agreement makes the console read-only (decision 107).
    if (def.area === "console" && def.write !== false && !def.allowSuspended) await assertAgreementCurrent(areaCtx);
    if (def.area === "storefront") await assertOwnStorefront(areaCtx, req.host);
    if (def.reauth) await assertRecentlyAuthenticated(ctx.actorId, req);
    return def.handler(areaCtx, parse(def.input, raw), req);
  };

  const action: ServerAction<T> = async (_prev, input) => {
    const raw = formDataToObject(input);
    let data: T;
    try {
      const req = await liveRequest();
      assertSameOrigin(req.origin, req.rawHost);
      const where = hostArea(req.rawHost, env().CONSOLE_HOST);
      if ((def.area === "storefront") !== (where.area === "storefront")) throw new AppError("NOT_FOUND");
      const signedIn = await resolveSession(await readSessionClaims(), where);
      if (!signedIn) throw new AppError("UNAUTHENTICATED");
      data = await pipeline(signedIn.ctx, signedIn.resellerStatus, raw, { ...req, sessionId: signedIn.sessionId });
    } catch (e) {
      return failure<T>(e, raw);
    }
    if (def.redirectTo) redirect(def.redirectTo(data));
    // After a change, the page re-renders with fresh data in the same response.
    if (def.write !== false || def.refresh) refresh();
    return { ok: true, data };
  };

  /** The same pipeline as `action`, acting as `ctx` (tests: "reseller A acts on B's object"). */
  const run = async (
    ctx: ActorContext,
    input: FormData | Record<string, unknown>,
    req?: ActionRequest,
  ): Promise<ActionResult<T>> => {
    const raw = formDataToObject(input);
    try {
      const request = req ?? testRequest({ host: await defaultHostFor(def.area, ctx) });
      return { ok: true, data: await pipeline(ctx, await resellerStatusOf(ctx), raw, request) };
    } catch (e) {
      return failure<T>(e, raw);
    }
  };

  return Object.assign(action, { run, area: def.area });
}

export type PublicRequest<A extends Area> = ActionRequest & { storefront: A extends "storefront" ? Storefront : null };

export type PublicActionDef<A extends Area, S extends z.ZodType, T> = {
  area: A;
  input: S;
  handler: (req: PublicRequest<A>, input: z.output<S>) => Promise<T>;
  redirectTo?: (data: T) => string;
};

async function publicRequest<A extends Area>(area: A, req: ActionRequest): Promise<PublicRequest<A>> {
  const where = hostArea(req.host, env().CONSOLE_HOST);
  if ((area === "storefront") !== (where.area === "storefront")) throw new AppError("NOT_FOUND");
  const storefront = area === "storefront" ? await findStorefrontByHost(req.host) : null;
  if (area === "storefront" && !storefront) throw new AppError("NOT_FOUND", "No storefront lives at this address.");
  return { ...req, storefront } as PublicRequest<A>;
}

export function definePublicAction<A extends Area, S extends z.ZodType, T>(def: PublicActionDef<A, S, T>) {
  const pipeline = async (req: ActionRequest, raw: Record<string, unknown>) =>
    def.handler(await publicRequest(def.area, req), parse(def.input, raw));

  const action: ServerAction<T> = async (_prev, input) => {
    const raw = formDataToObject(input);
    let data: T;
    try {
      const req = await liveRequest();
      assertSameOrigin(req.origin, req.rawHost);
      data = await pipeline(req, raw);
    } catch (e) {
      return failure<T>(e, raw);
    }
    if (def.redirectTo) redirect(def.redirectTo(data));
    return { ok: true, data };
  };

  /** The same pipeline with an explicit request (host, client address, recorded sessions). */
  const run = async (req: ActionRequest, input: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const raw = formDataToObject(input);
    try {
      return { ok: true, data: await pipeline(req, raw) };
    } catch (e) {
      return failure<T>(e, raw);
    }
  };

  return Object.assign(action, { run, area: def.area });
}
