/**
 * The signed-in actor for server components, layouts and route handlers. Pages call
 * `requireSession(area)`; it redirects to the area's sign-in page when nobody (valid) is signed in,
 * sends staff of the other console to their own console, and 404s on the wrong host.
 */
import { notFound, redirect } from "next/navigation";
import type { ActorContext } from "@/server/context";
import { safeNextPath } from "@/lib/safe-next-path";
import { readSessionClaims } from "./session-cookie";
import { requestArea } from "./request-host";
import { resolveSession, type SignedIn } from "./resolve-session";

export type Area = "console" | "registrar" | "storefront";

/** Which kind of actor each area serves. */
export const AREA_KIND = { console: "user", registrar: "registrar", storefront: "registrant" } as const;
export type AreaContext<A extends Area> = Extract<ActorContext, { kind: (typeof AREA_KIND)[A] }>;
export type AreaSession<A extends Area> = Omit<SignedIn, "ctx"> & { ctx: AreaContext<A> };

/** Where a signed-in actor belongs, for the "after sign-in" redirect and wrong-console visits. */
export function homeOf(ctx: SignedIn["ctx"]): string {
  return ctx.kind === "registrar" ? "/registrar" : ctx.kind === "user" ? "/console" : "/account";
}

export function fitsArea<A extends Area>(signedIn: SignedIn, area: A): signedIn is AreaSession<A> {
  return signedIn.ctx.kind === AREA_KIND[area];
}

/** The valid session of this request on this host, or null. Never redirects. */
export async function getSession(): Promise<SignedIn | null> {
  return resolveSession(await readSessionClaims(), await requestArea());
}

// The one gate for return paths lives in src/lib so pages, actions and tests share it.
export { safeNextPath };

/**
 * `session` lets a page share one resolution with its layout: a per-request memo of `getSession`,
 * made with React's `cache` in the app layer (decision 110).
 */
export async function requireSession<A extends Area>(
  area: A,
  opts: { next?: string; session?: () => Promise<SignedIn | null> } = {},
): Promise<AreaSession<A>> {
  const where = await requestArea();
  if ((area === "storefront") !== (where.area === "storefront")) notFound();
  const signedIn = await (opts.session ?? getSession)();
  if (!signedIn) {
    const next = safeNextPath(opts.next);
    redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  }
  if (!fitsArea(signedIn, area)) redirect(homeOf(signedIn.ctx));
  return signedIn;
}

export async function requireContext<A extends Area>(area: A, opts: { next?: string } = {}): Promise<AreaContext<A>> {
  return (await requireSession(area, opts)).ctx;
}
