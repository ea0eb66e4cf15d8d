/**
 * The signed-in domain list's page cache (decision 145), against the real database and listener: a
 * registrant's list is rendered once and then answered with a fresh nonce each time while what it
 * shows holds; a change to a shown domain, the registrant's name or the storefront is on the very
 * next answer; a render that saw a later state is never filed under an earlier one; a revoked
 * session, another registrant and a signed-out visitor never get a stored page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { resolveSession } from "@/server/auth/resolve-session";
import { decodeSession, encodeSession } from "@/server/auth/session-token";
import { cacheListenerReady, stopCacheListener } from "@/server/cache/listen";
import { answerOwnDomainsPage, type VisitorRender } from "@/server/storefront-pages/own-domains-page";
import { placeholderNonceFor, renderRequestHeaders } from "@/server/cache/page-cache";
import { listOwnDomains } from "@/server/domains/queries/list-own-domains";
import { ownDomainsMark } from "@/server/domains/queries/own-domains-mark";
import { createRegistrant, createReseller, startTestSession } from "../../support/factories";

const placeholder = placeholderNonceFor(new Headers(renderRequestHeaders())) as string;

type World = Awaited<ReturnType<typeof world>>;

async function world() {
  const reseller = await createReseller();
  const { registrant } = await createRegistrant(reseller.id, { name: "Ada Example" });
  const claims = await startTestSession({
    kind: "registrant",
    sub: registrant.id,
    resellerId: reseller.id,
    host: reseller.host,
    sv: 0,
  });
  await db.domain.createMany({
    data: ["alpha", "beta"].map((n, i) => ({
      resellerId: reseller.id,
      registrantId: registrant.id,
      name: `${n}-${registrant.id.slice(0, 8)}.com`,
      unicodeName: `${n}-${registrant.id.slice(0, 8)}.com`,
      tld: "com",
      state: "active" as const,
      expiresAt: new Date(Date.UTC(2031, 0, 1 + i)),
      autoRenew: true,
    })),
  });
  return { reseller, registrant, claims, token: await encodeSession(claims), renders: 0 };
}

/** The page as the real one renders it: its session check, its rows, its mark, the placeholder nonce. */
async function renderLikeThePage(w: World, search: string): Promise<VisitorRender> {
  w.renders += 1;
  const signedIn = await resolveSession(await decodeSession(w.token), { area: "storefront", host: w.reseller.host });
  if (!signedIn || signedIn.ctx.kind !== "registrant")
    return { status: 307, html: "", contentType: "text/plain", location: "/sign-in?next=%2Faccount%2Fdomains" };
  const page = await listOwnDomains(signedIn.ctx, new URLSearchParams(search).get("cursor"));
  const rows = page.rows.map((r) => `<li>${r.unicodeName} auto-renew ${r.autoRenew ? "on" : "off"}</li>`).join("");
  const branding = await db.resellerBranding.findUniqueOrThrow({ where: { resellerId: w.reseller.id } });
  const html =
    `<header>${signedIn.name} · ${branding.supportEmail}</header><script nonce="${placeholder}"></script>` +
    `<div data-list-mark="${ownDomainsMark(signedIn.name, page)}"><ul>${rows}</ul></div>`;
  return { status: 200, html, contentType: "text/html; charset=utf-8", location: null };
}

function visit(w: World, nonce: string, opts: { search?: string; render?: () => Promise<VisitorRender> } = {}) {
  const search = opts.search ?? "";
  return answerOwnDomainsPage({
    host: w.reseller.host,
    sessionToken: w.token,
    search,
    nonce,
    render: opts.render ?? (() => renderLikeThePage(w, search)),
  });
}

describe("the signed-in domain list's page cache", () => {
  beforeAll(async () => {
    await cacheListenerReady();
  });
  afterAll(async () => {
    await stopCacheListener();
  });

  it("renders a registrant's list once, then answers it with a fresh nonce each time", async () => {
    const w = await world();
    const first = await visit(w, "nonceOne");
    const second = await visit(w, "nonceTwo");
    expect(w.renders).toBe(1);
    expect(first.status).toBe(200);
    expect(second.html).toContain('nonce="nonceTwo"');
    expect(second.html).not.toContain(placeholder);
    expect(second.html.replace("nonceTwo", "nonceOne")).toBe(first.html);
    expect(second.html).toContain("Ada Example");
  });

  it("shows a change to a shown domain, the name or the storefront on the next answer", async () => {
    const w = await world();
    await visit(w, "n1");
    const alpha = await db.domain.findFirstOrThrow({
      where: { registrantId: w.registrant.id, name: { startsWith: "alpha" } },
    });
    await db.domain.update({ where: { id: alpha.id }, data: { autoRenew: false } });
    expect((await visit(w, "n2")).html).toContain(`${alpha.unicodeName} auto-renew off`);
    expect(w.renders).toBe(2);

    await db.registrant.update({ where: { id: w.registrant.id }, data: { name: "Ada Lovelace" } });
    expect((await visit(w, "n3")).html).toContain("Ada Lovelace");

    // The storefront's settings reach this process as a notification, like any storefront page's.
    await db.resellerBranding.update({
      where: { resellerId: w.reseller.id },
      data: { supportEmail: "help@changed.example" },
    });
    await expect.poll(async () => (await visit(w, "n4")).html, { timeout: 5_000 }).toContain("help@changed.example");

    // Back to a state shown before: its page is that state's, whichever render made it.
    await db.domain.update({ where: { id: alpha.id }, data: { autoRenew: true } });
    expect((await visit(w, "n5")).html).toContain(`${alpha.unicodeName} auto-renew on`);
  });

  it("never files a render that saw a later state under the state the answer read", async () => {
    const w = await world();
    const beta = await db.domain.findFirstOrThrow({
      where: { registrantId: w.registrant.id, name: { startsWith: "beta" } },
    });
    // The render runs after a change committed between the answer's read and the render's own.
    const racing = async () => {
      await db.domain.update({ where: { id: beta.id }, data: { autoRenew: false } });
      return renderLikeThePage(w, "");
    };
    const raced = await visit(w, "n1", { render: racing });
    expect(raced.html).toContain(`${beta.unicodeName} auto-renew off`);
    await db.domain.update({ where: { id: beta.id }, data: { autoRenew: true } });
    const after = await visit(w, "n2");
    expect(after.html).toContain(`${beta.unicodeName} auto-renew on`);
    expect(w.renders).toBe(2);
  });

  it("answers a revoked session, a signed-out visitor and a stranger's token by a render of their own", async () => {
    const w = await world();
    expect((await visit(w, "n1")).status).toBe(200);
    await db.session.update({ where: { id: w.claims.sid }, data: { revokedAt: new Date() } });
    const revoked = await visit(w, "n2");
    expect(revoked).toMatchObject({ status: 307, location: "/sign-in?next=%2Faccount%2Fdomains" });
    expect(revoked.html).not.toContain("alpha");

    const signedOut = await answerOwnDomainsPage({
      host: w.reseller.host,
      sessionToken: undefined,
      search: "",
      nonce: "n3",
      render: async () => ({ status: 307, html: "", contentType: "text/plain", location: "/sign-in" }),
    });
    expect(signedOut).toMatchObject({ status: 307, location: "/sign-in" });

    // Another registrant of the same storefront gets their own list, never the first one's page.
    const { registrant: neighbour } = await createRegistrant(w.reseller.id, { name: "Bo Neighbour" });
    const neighbourClaims = await startTestSession({
      kind: "registrant",
      sub: neighbour.id,
      resellerId: w.reseller.id,
      host: w.reseller.host,
      sv: 0,
    });
    const theirs: World = {
      ...w,
      registrant: neighbour,
      claims: neighbourClaims,
      token: await encodeSession(neighbourClaims),
    };
    const answer = await visit(theirs, "n4");
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("Bo Neighbour");
    expect(answer.html).not.toContain(w.registrant.id.slice(0, 8));
  });

  it("keeps one entry per page of the list", async () => {
    const w = await world();
    await visit(w, "n1", { search: "" });
    await visit(w, "n2", { search: "?cursor=nonsense" });
    await visit(w, "n3", { search: "" });
    await visit(w, "n4", { search: "?cursor=nonsense" });
    expect(w.renders).toBe(2);
  });
});
