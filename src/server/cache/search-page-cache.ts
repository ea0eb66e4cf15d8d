/**
 * Anonymous storefront searches (`/search?q=…` with no session and no cart), rendered once and
 * answered for a few seconds from this process (decision 110). Such a page depends on the storefront's
 * settings, its price tables and the registries' answers in the check cache, and on nothing of the
 * visitor's: the settings are covered by the same tags and notifications as the storefront pages
 * (page-cache.ts), prices by the search context's own end of validity (the next promotion start or end),
 * and availability by a lifetime far shorter than the check cache's own. The CSP nonce is swapped per
 * answer exactly as for the storefront pages. No database imports: this runs in the proxy's bundle.
 */
import { cacheLive } from "./bus";
import type { CachedPage, RenderedPage } from "./page-cache";
import { peekNamed, taggedCache } from "./tagged-cache";

/**
 * How long one rendered search is answered. The registries' answers it shows are already up to 45 s
 * old (check-cache.ts); this adds at most this much, and turns a burst of the same search (a shared
 * link, a campaign) into one render.
 */
export const SEARCH_PAGE_TTL_MS = 5_000;

// Search pages are ~45 KB: a few hundred popular searches at once, a dozen MB at most.
const MAX_PAGES = 300;
// A longer query is not a search anyone shares; it is rendered as usual.
const MAX_KEY_LENGTH = 300;

type Entry = CachedPage & { expiresAt: number };

const pages = taggedCache<Entry>({
  tags: (key, page) => [`host:${key.slice(0, key.indexOf("/"))}`, `reseller:${page.owner}`],
  expiresAt: (page) => page.expiresAt,
  max: MAX_PAGES,
});

class NotCacheable extends Error {}

/**
 * The cached search page of this host and query string, rendering it when missing. Null when it
 * cannot be cached (not a 200, no storefront, the listener is down, prices about to change): the
 * caller then renders the request as usual.
 */
export async function storefrontSearchPage(
  host: string,
  search: string,
  render: () => Promise<RenderedPage>,
): Promise<CachedPage | null> {
  const key = `${host}/search${search}`;
  if (key.length > MAX_KEY_LENGTH) return null;
  if (!cacheLive() || peekNamed("storefront-by-host", host) === null) return null;
  try {
    const entry = await pages.get(key, async () => {
      const rendered = await render();
      const owner = peekNamed<{ id: string } | null>("storefront-by-host", host)?.id;
      // The render read the search context through its cache; a page outlives neither its prices.
      const pricesUntil = owner ? peekNamed<{ validUntil: number }>("search-context", owner)?.validUntil : undefined;
      if (rendered.status !== 200 || !owner || pricesUntil === undefined) throw new NotCacheable();
      const expiresAt = Math.min(Date.now() + SEARCH_PAGE_TTL_MS, pricesUntil);
      return { html: rendered.html, contentType: rendered.contentType, owner, expiresAt };
    });
    return entry.expiresAt > Date.now() ? entry : null;
  } catch (e) {
    if (e instanceof NotCacheable) return null;
    throw e;
  }
}
