/** The consoles' launch tables show every state, phase and registry status in words, never its token. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OrderItemState, TmchMarkState } from "@/generated/prisma/enums";
import { LaunchApplicationsTable, LaunchCalendarTable, LaunchMarksTable } from "@/components/launch-tables";
import { MARK_STATE_STAFF_WORDS } from "@/lib/launch-words";
import { APPLICATION_STATUSES } from "@/server/launch/shared/application-statuses";
import type { LaunchApplicationRow } from "@/server/launch/views/list-launch-applications";
import type { LaunchMarkRow } from "@/server/launch/views/list-launch-marks";

const AT = new Date("2026-07-01T12:00:00Z");
/**
 * Fails when a token is shown: as a cell's or badge's whole text, or anywhere in the visible text
 * when it cannot be an English word (snake_case, camelCase).
 */
function expectNoToken(html: string, t: string) {
  expect(html, t).not.toMatch(new RegExp(`>\\s*${t}\\s*<`));
  if (/[_A-Z]/.test(t)) expect(html.replace(/<[^>]*>/g, " "), t).not.toContain(t);
}

describe("launch tables", () => {
  it("name order item states, kinds and registry statuses in words", () => {
    const states = Object.values(OrderItemState);
    const rows: LaunchApplicationRow[] = states.map((state, i) => ({
      id: `item-${i}`,
      orderId: `order-${i}`,
      resellerId: "r1",
      resellerName: "Acme Domains",
      customerEmail: "buyer@acme.test",
      kind: (["sunrise_application", "landrush_application", "pre_registration"] as const)[i % 3],
      name: `name-${i}.forge`,
      state,
      applicationStatus: APPLICATION_STATUSES[i % APPLICATION_STATUSES.length],
      amount: 7_260,
      currency: "USD",
      isMaximum: i % 3 === 1,
      createdAt: AT,
    }));
    const text = renderToStaticMarkup(createElement(LaunchApplicationsTable, { rows, showReseller: true }));
    for (const t of [
      ...states,
      ...APPLICATION_STATUSES,
      "sunrise_application",
      "landrush_application",
      "pre_registration",
    ])
      expectNoToken(text, t);
    expect(text).toContain("Waiting for the registry");
    expect(text).toContain("Waiting for the phase to end");
    expect(text).toContain("$72.60");
  });

  it("name mark states and launch phases in words", () => {
    const marks: LaunchMarkRow[] = Object.values(TmchMarkState).map((state, i) => ({
      id: `mark-${i}`,
      resellerId: "r1",
      resellerName: "Acme Domains",
      customerEmail: null,
      markName: `Brand${i}`,
      labels: [`brand${i}`],
      state,
      expiresAt: null,
      createdAt: AT,
    }));
    const marksText = renderToStaticMarkup(createElement(LaunchMarksTable, { rows: marks, showReseller: false }));
    for (const s of Object.values(TmchMarkState)) {
      expectNoToken(marksText, s);
      expect(marksText).toContain(`>${MARK_STATE_STAFF_WORDS[s].label}<`);
    }
    const phase = (p: string, days: number, fee: number | null) => ({
      phase: p,
      startsAt: new Date(AT.getTime() + days * 86_400_000),
      endsAt: null,
      registryFeeUsd: fee,
      retail: fee && 7_260,
    });
    const calendarText = renderToStaticMarkup(
      createElement(LaunchCalendarTable, {
        calendar: {
          currency: "USD",
          tlds: [
            {
              tld: "forge",
              currentPhase: "landrush",
              current: phase("landrush", -10, 4_400),
              upcoming: [phase("claims", 10, null), phase("open", 100, null)],
            },
            { tld: "nova", currentPhase: "announced", current: null, upcoming: [phase("sunrise", 30, 7_200)] },
          ],
        },
      }),
    );
    for (const p of ["landrush", "claims", "open", "announced", "sunrise"]) expectNoToken(calendarText, p);
    expect(calendarText).toContain("Landrush (early access)");
    expect(calendarText).toContain("General availability");
  });
});
