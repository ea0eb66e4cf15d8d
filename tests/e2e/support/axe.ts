/**
 * The axe check the finishing journeys run on every page they visit: WCAG 2.2 AA and best practice,
 * no violations. AxeBuilder injects axe twice a check and, by default, opens a blank page and injects
 * it a third time to combine results across frames: on the loaded CI machine that was most of the 4-9 s
 * a page took (decision 131). A page with one frame gets axe once and `axe.run` on the document, as
 * AxeBuilder's own legacy mode runs it; a page with frames keeps AxeBuilder's default, so nothing inside
 * a frame goes unchecked.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import axe, { type AxeResults } from "axe-core";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
// Inside the page axe is untyped: its DOM-bearing types make Playwright's serialisation types recurse.
type AxeInPage = { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } };

export async function axeResults(page: Page): Promise<AxeResults> {
  if (page.frames().length > 1) return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  await page.evaluate(axe.source);
  // What AxeBuilder passes for `.withTags(AXE_TAGS)` with no include or exclude.
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as AxeInPage).axe.run(
        { include: [], exclude: [] },
        { runOnly: { type: "tag", values: tags } },
      ),
    AXE_TAGS,
  );
  return results as AxeResults;
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await axeResults(page);
  const found = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(found, `axe on ${page.url()}`).toEqual([]);
}
