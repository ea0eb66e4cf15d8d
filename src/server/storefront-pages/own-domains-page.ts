/**
 * A signed-in registrant's domain list (/account/domains), rendered once per registrant and page and
 * answered from this process while what it shows is unchanged (decision 145). Next's render of any
 * storefront page costs several times a health check (decision 141); this answer costs what the
 * page's own reads cost.
 *
 * Every answer resolves the session exactly as the page does (revocation, disabling, the host) and
 * reads the page's rows again; the entry is keyed by the registrant, the address and a digest of the
 * rows and name (own-domains-mark.ts), so a change to any domain it shows, to the name or to the
 * storefront (tags, as for decision 095's pages in src/server/cache) is on the next answer. A render
 * is stored only when the HTML carries the digest the answer read, so one that saw a later change is
 * never filed under an earlier state. Anything else (no session, a redirect, an error, a long
 * address) is answered by a render made for this visitor, as the page would be.
 */
import type { HostArea } from "@/lib/host-area";
import { resolveSession } from "@/server/auth/resolve-session";
import { decodeSession } from "@/server/auth/session-token";
import { listOwnDomains } from "@/server/domains/queries/list-own-domains";
import { OWN_DOMAINS_MARK_ATTRIBUTE, ownDomainsMark } from "@/server/domains/queries/own-domains-mark";
import { freshAsOf } from "@/server/cache/barrier";
import { cacheLive } from "@/server/cache/bus";
import { withNonce, type CachedPage, type VisitorRender } from "@/server/cache/page-cache";
import { taggedCache } from "@/server/cache/tagged-cache";

export type { VisitorRender };

export type OwnDomainsVisit = {
  host: string;
  /** The session cookie's value, if any. */
  sessionToken: string | undefined;
  /** The query string as asked ("" or "?cursor=…"). */
  search: string;
  /** This answer's CSP nonce, put where the render's placeholder was. */
  nonce: string;
  /** The page as this visitor would get it, with the placeholder nonce. */
  render: () => Promise<VisitorRender>;
};

// A longer query is not one the page's links make; it is rendered as usual.
const MAX_SEARCH_LENGTH = 320;
// ~40 KB a page: the lists of the last couple of thousand visits in about 80 MB at most.
const MAX_PAGES = 2_000;

const pages = taggedCache<CachedPage>({
  tags: (key, page) => [`host:${key.slice(0, key.indexOf("/"))}`, `reseller:${page.owner}`],
  max: MAX_PAGES,
});

class Rendered extends Error {
  constructor(readonly answer: VisitorRender) {
    super("not cacheable");
  }
}

function asAnswer(r: VisitorRender, nonce: string): VisitorRender {
  return { ...r, html: withNonce(r, nonce) };
}

async function passThrough(visit: OwnDomainsVisit): Promise<VisitorRender> {
  return asAnswer(await visit.render(), visit.nonce);
}

function cursorOf(search: string): string | null {
  return new URLSearchParams(search).get("cursor");
}

export async function answerOwnDomainsPage(visit: OwnDomainsVisit): Promise<VisitorRender> {
  if (!cacheLive() || visit.search.length > MAX_SEARCH_LENGTH) return passThrough(visit);
  const claims = await decodeSession(visit.sessionToken);
  if (!claims || claims.kind !== "registrant") return passThrough(visit);
  const where: HostArea = { area: "storefront", host: visit.host };
  const ctx = { kind: "registrant", actorId: claims.sub, resellerId: claims.resellerId, role: "registrant" } as const;
  // The rows are read beside the session check under the token's names; they are used only once the
  // check has found that same registrant, of that reseller, signed in on this host.
  // One arrival for every read of this answer, so all of them share one barrier round (decision 135).
  const arrived = performance.now();
  const [signedIn, page] = await freshAsOf(arrived, () =>
    Promise.all([resolveSession(claims, where), listOwnDomains(ctx, cursorOf(visit.search))]),
  );
  if (signedIn?.ctx.kind !== "registrant") return passThrough(visit);
  const mark = ownDomainsMark(signedIn.name, page);
  const owner = signedIn.ctx.resellerId;
  const key = `${visit.host}/${claims.sub}/${mark}${visit.search}`;
  try {
    const entry = await freshAsOf(arrived, () =>
      pages.get(key, async () => {
        const rendered = await visit.render();
        if (rendered.status !== 200 || !rendered.html.includes(` ${OWN_DOMAINS_MARK_ATTRIBUTE}="${mark}"`))
          throw new Rendered(rendered);
        return { html: rendered.html, contentType: rendered.contentType, owner };
      }),
    );
    return { status: 200, html: withNonce(entry, visit.nonce), contentType: entry.contentType, location: null };
  } catch (e) {
    if (e instanceof Rendered) return asAnswer(e.answer, visit.nonce);
    throw e;
  }
}
