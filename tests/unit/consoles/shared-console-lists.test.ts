/**
 * The list pieces both consoles share: the certificate table (the reseller's and the registrar's
 * lists), keyset paging, and the registrar's request queues (data requests, reveal requests).
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CertificateTable } from "@/components/certificate-table";
import { CursorPager } from "@/components/cursor-pager";
import { RequestQueue } from "@/app/(registrar)/registrar/_components/request-queue";
import type { CertificateListRow } from "@/server/ssl/views/list-certificates";

const AT = new Date("2026-07-01T12:00:00Z");

function row(over: Partial<CertificateListRow>): CertificateListRow {
  return {
    id: "sub-1",
    resellerId: "r1",
    resellerName: "Acme Domains",
    registrantEmail: "buyer@acme.test",
    productCode: "ssl-dv-single",
    level: "dv",
    names: ["shop.example", "www.shop.example"],
    state: "active",
    termYears: 1,
    createdAt: AT,
    current: { id: "c1", serialNumber: "01", notAfter: AT, status: "issued" },
    openRequest: null,
    ...over,
  };
}

const text = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");

describe("the certificate table", () => {
  const rows = [
    row({}),
    row({
      id: "sub-2",
      registrantEmail: null,
      state: "active",
      openRequest: { id: "q1", state: "pending_dcv", purpose: "reissue" },
    }),
  ];

  it("links each certificate's names to its page below the list, with its state and any open request in words", () => {
    const html = renderToStaticMarkup(
      createElement(CertificateTable, {
        caption: "Certificates",
        rows,
        base: "/console/certificates",
        emptyTitle: "None",
        ownOrder: "Your own (console order)",
      }),
    );
    expect(html).toContain('href="/console/certificates/sub-1"');
    expect(text(html)).toContain("shop.example, www.shop.example");
    expect(text(html)).toContain("Your own (console order)");
    expect(text(html)).toContain("Validating domain control");
    expect(text(html)).not.toContain("pending_dcv");
    expect(text(html)).not.toContain("Reseller");
  });

  it("adds the reseller column only where the list spans resellers, and says when it is empty", () => {
    const html = renderToStaticMarkup(
      createElement(CertificateTable, {
        caption: "Certificates across resellers",
        rows,
        base: "/registrar/certificates",
        emptyTitle: "None",
        ownOrder: "The reseller's own",
        resellerCell: (c) => `at ${c.resellerName}`,
      }),
    );
    expect(text(html)).toContain("Reseller");
    expect(text(html)).toContain("at Acme Domains");
    const empty = renderToStaticMarkup(
      createElement(CertificateTable, {
        caption: "Certificates",
        rows: [],
        base: "/console/certificates",
        emptyTitle: "No certificates here yet.",
        ownOrder: "",
      }),
    );
    expect(text(empty)).toContain("No certificates here yet.");
  });
});

describe("keyset paging", () => {
  it("offers the first page only past it, and the next page only when there is one", () => {
    const first = renderToStaticMarkup(createElement(CursorPager, { firstHref: null, nextHref: "/x?cursor=abc" }));
    expect(first).not.toContain("First page");
    expect(first).toMatch(/rel="next" href="\/x\?cursor=abc"/);
    const last = renderToStaticMarkup(createElement(CursorPager, { firstHref: "/x", nextHref: null }));
    expect(last).toContain('href="/x"');
    expect(last).not.toContain('rel="next"');
  });
});

describe("a registrar request queue", () => {
  const list = { page: 1, pageCount: 1, total: 0, items: [] };
  const queue = (open: boolean) =>
    renderToStaticMarkup(
      createElement(RequestQueue, {
        title: "Reveal requests",
        description: "Requests to disclose the customer behind the privacy service.",
        basePath: "/registrar/privacy-reveals",
        open,
        finishedLabel: "Decided requests",
        headers: ["Request", "Status"],
        list,
      }),
    );

  it("links from the open requests to the finished ones and back, and says when there are none", () => {
    const open = queue(true);
    expect(open).toMatch(/href="\/registrar\/privacy-reveals\?done=1"[^>]*>Decided requests</);
    expect(text(open)).toContain("No requests here.");
    expect(queue(false)).toMatch(/href="\/registrar\/privacy-reveals"[^>]*>Open requests</);
  });
});
