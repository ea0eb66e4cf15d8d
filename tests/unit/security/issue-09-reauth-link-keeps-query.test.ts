import { describe, expect, it } from "vitest";
import { confirmPageHref, returnPath } from "@/lib/confirm-page-href";
import { safeNextPath } from "@/lib/safe-next-path";

describe("issue 9: the re-authentication link comes back to the same page, query string included", () => {
  it("keeps the query of the page that was refused", () => {
    const href = confirmPageHref(returnPath("/console/staff", "?page=2&q=jo+smith"));
    const next = new URL(href, "http://console.test").searchParams.get("next");
    expect(next).toBe("/console/staff?page=2&q=jo+smith");
    // …and the confirm page's gate lets it through unchanged.
    expect(safeNextPath(next)).toBe("/console/staff?page=2&q=jo+smith");
  });

  it("adds no question mark when there is no query", () => {
    expect(returnPath("/registrar/staff", "")).toBe("/registrar/staff");
    expect(returnPath("/registrar/staff", "?")).toBe("/registrar/staff");
  });
});
