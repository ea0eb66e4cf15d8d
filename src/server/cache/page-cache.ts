/**
 * Storefront pages that are the same for every visitor (home, terms, privacy), rendered once per
 * host and kept in this process (decision 095). The proxy renders a missing page by asking this
 * same server for it over loopback, anonymously, with a secret placeholder as the CSP nonce; every
 * answer then gets a fresh nonce put in place of the placeholder, so the cached HTML still carries a
 * per-response nonce. Entries are tagged with the host and the reseller behind it and go when the
 * database notifies a change to either (bus.ts); registrar changes clear everything.
 * No database imports: this runs in the proxy's bundle.
 */
import { cacheLive } from "./bus";
import { peekNamed, taggedCache } from "./tagged-cache";

export type CachedPage = { html: string; contentType: string; owner: string };

/** Paths whose page depends on nothing but the storefront's settings and the registrar's. */
export const STATIC_STOREFRONT_PATHS: ReadonlySet<string> = new Set(["/", "/terms", "/privacy"]);

// A safety net for anything a tag does not cover (the footer's year); tags do the real work.
const MAX_AGE_MS = 10 * 60_000;

type Secrets = { placeholder: string; renderToken: string; handoffToken: string };
const SECRETS = Symbol.for("registrar-platform.page-cache-secrets");

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, "x");
}

/** Per process and never sent to anyone: a page can only carry them if this process put them there. */
function secrets(): Secrets {
  const holder = globalThis as unknown as Record<symbol, Secrets | undefined>;
  return (holder[SECRETS] ??= { placeholder: randomToken(), renderToken: randomToken(), handoffToken: randomToken() });
}

export const RENDER_HEADER = "x-storefront-page-render";

/** The nonce a page render for the cache is made with; only this process's own loopback request gets it. */
export function placeholderNonceFor(headers: { get(name: string): string | null }): string | null {
  return headers.get(RENDER_HEADER) === secrets().renderToken ? secrets().placeholder : null;
}

export function renderRequestHeaders(): Record<string, string> {
  return { [RENDER_HEADER]: secrets().renderToken };
}

const HANDOFF_HEADER = "x-storefront-page-handoff";
const HANDOFF_NONCE_HEADER = "x-storefront-page-nonce";

/**
 * What the proxy adds to a request it hands to a page-answering route handler (decision 145): the
 * nonce of the answer's CSP, vouched for by a token only this process knows, so a request sent to
 * that handler's address from outside is refused.
 */
export function handoffHeaders(nonce: string): Record<string, string> {
  return { [HANDOFF_HEADER]: secrets().handoffToken, [HANDOFF_NONCE_HEADER]: nonce };
}

/** The CSP nonce the proxy handed over with this request, or null when the proxy did not hand it over. */
export function handedOffNonce(headers: { get(name: string): string | null }): string | null {
  if (headers.get(HANDOFF_HEADER) !== secrets().handoffToken) return null;
  return headers.get(HANDOFF_NONCE_HEADER);
}

/** The page with this answer's nonce where the render's placeholder was. */
export function withNonce(page: { html: string }, nonce: string): string {
  return page.html.replaceAll(secrets().placeholder, nonce);
}

const pages = taggedCache<CachedPage>({
  tags: (key, page) => [`host:${key.slice(0, key.indexOf("/"))}`, `reseller:${page.owner}`],
  expiresAt: () => Date.now() + MAX_AGE_MS,
  // Three pages of ~30 KB per storefront: the busiest couple of thousand storefronts stay in memory.
  max: 6_000,
  name: "storefront-pages",
});

export type RenderedPage = { status: number; html: string; contentType: string };
/** A render with its redirect target, for a page whose answer may be a redirect (a signed-in one). */
export type VisitorRender = RenderedPage & { location: string | null };

/**
 * The cached page of this host and path, rendering it when missing. Null when it cannot be cached
 * (not a 200, the host has no storefront, the process is not receiving invalidations): the caller
 * then renders the request as usual.
 */
export async function storefrontPage(
  host: string,
  path: string,
  render: () => Promise<RenderedPage>,
): Promise<CachedPage | null> {
  // A host already known to have no storefront is answered by the usual 404 render, once.
  if (!cacheLive() || peekNamed("storefront-by-host", host) === null) return null;
  const key = `${host}${path}`;
  try {
    return await pages.get(key, async () => {
      const rendered = await render();
      // The render resolved the host through the storefront cache: its owner tags the page.
      const owner = peekNamed<{ id: string } | null>("storefront-by-host", host)?.id;
      if (rendered.status !== 200 || !owner) throw new NotCacheable();
      return { html: rendered.html, contentType: rendered.contentType, owner };
    });
  } catch (e) {
    if (e instanceof NotCacheable) return null;
    throw e;
  }
}

class NotCacheable extends Error {}
