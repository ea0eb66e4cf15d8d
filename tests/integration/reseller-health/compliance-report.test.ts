import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addDays, platformNow } from "@/server/domains/lifecycle/clock";
import { buildComplianceReport } from "@/server/reseller-health/compliance-report";
import { complianceReportCsv, complianceReportPdf } from "@/server/reseller-health/compliance-report-files";
import { evaluateAllResellers } from "@/server/reseller-health/record-findings";
import { acknowledgeHealthFinding } from "@/app/(registrar)/registrar/health/actions";
import { createRegistrarStaff, createReseller, createStaff, ensureRegistrar } from "../../support/factories";
import { readPdf } from "../../support/read-pdf";

/** RFC 4180 rows: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== "," && c !== "\n")) cell += c;
    else {
      row.push(cell);
      cell = "";
      if (c === "\n") {
        rows.push(row);
        row = [];
      }
    }
  }
  return rows;
}

describe("the compliance report", () => {
  it("holds a period's figures, findings, abuse outcomes, data requests and agreement acceptance, as guarded CSV and as PDF", async () => {
    await ensureRegistrar();
    const admin = await createRegistrarStaff("registrar_admin");
    const auditor = await createRegistrarStaff("registrar_auditor");
    // A name a spreadsheet would run as a formula if the export let it through.
    const acme = await createReseller({ slug: "acme", displayName: '=HYPERLINK("http://evil.example")' });
    const other = await createReseller({ slug: "other" });
    const owner = await createStaff(acme.id, "owner");
    const now = platformNow();
    const report = (reference: string, resellerId: string, receivedAt: Date, closed: boolean) => ({
      reference,
      source: "mail" as const,
      category: "phishing" as const,
      domainName: `${reference.toLowerCase()}.example`,
      resellerId,
      reporterEmail: "analyst@bank-security.example",
      description: "A copy of a bank's sign-in page.",
      receivedAt,
      acknowledgeBy: addDays(receivedAt, 1),
      actionBy: addDays(receivedAt, 1),
      ...(closed
        ? {
            status: "closed" as const,
            acknowledgedAt: receivedAt,
            actionedAt: receivedAt,
            closedAt: addDays(receivedAt, 1),
            outcome: "The name was suspended, +1 phishing site down.",
          }
        : {}),
    });
    await db.abuseReport.createMany({
      data: [
        report("AB-IN", acme.id, addDays(now, -10), true),
        report("AB-OLD", acme.id, addDays(now, -200), true),
        report("AB-THEIRS", other.id, addDays(now, -5), true),
      ],
    });
    await db.dataRequest.create({
      data: {
        reference: "DR-ONE",
        kind: "access",
        resellerId: acme.id,
        requesterEmail: "subject@example.test",
        status: "completed",
        receivedAt: addDays(now, -20),
        answerBy: addDays(now, 10),
        answeredAt: addDays(now, -15),
      },
    });
    const version = await db.resellerAgreementVersion.create({
      data: {
        version: "2026-11",
        title: "Abuse handling",
        body: "x".repeat(60),
        acceptBy: addDays(now, 30),
        publishedById: admin.user.id,
      },
    });
    await db.resellerAgreementAcceptance.create({
      data: {
        resellerId: acme.id,
        versionId: version.id,
        acceptedById: owner.user.id,
        acceptedByEmail: owner.user.email,
      },
    });
    await db.contact.create({
      data: {
        resellerId: acme.id,
        name: "Late Verifier",
        email: "late@example.test",
        phone: "+44.2071234567",
        street1: "1 High Street",
        city: "London",
        postalCode: "SW1A 1AA",
        countryCode: "GB",
        verificationDeadline: addDays(now, -1),
      },
    });
    await evaluateAllResellers();
    const [finding] = await db.healthFinding.findMany({ where: { resellerId: acme.id } });
    expect(
      (await acknowledgeHealthFinding.run(admin.ctx, { findingId: finding.id, note: "=cmd|' /C calc'!A0" })).ok,
    ).toBe(true);

    const period = { from: addDays(now, -90), to: addDays(now, 1) };
    await expect(buildComplianceReport(owner.ctx, acme.id, period)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const data = await buildComplianceReport(auditor.ctx, acme.id, period);

    const rows = parseCsv(complianceReportCsv(data));
    expect(rows[0]).toEqual(["section", "item", "date", "status", "figure", "detail"]);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    const section = (name: string) => rows.filter((r) => r[0] === name);
    expect(section("report")[0]).toEqual([
      "report",
      "Reseller",
      "",
      "active",
      `'=HYPERLINK("http://evil.example")`,
      acme.id,
    ]);
    expect(section("figure").find((r) => r[1] === "Abuse reports received")?.[4]).toBe("1");
    expect(section("figure").find((r) => r[1] === "Data requests received")?.[4]).toBe("1");
    expect(section("threshold").find((r) => r[1] === "Contacts past their WAPS verification deadline")).toEqual([
      "threshold",
      "Contacts past their WAPS verification deadline",
      "",
      "crossed",
      "1",
      "threshold 0",
    ]);
    const [findingRow] = section("finding");
    expect(findingRow.slice(3, 5)).toEqual([
      "acknowledged",
      "Contacts past their WAPS verification deadline: 1, above the threshold of 0.",
    ]);
    expect(findingRow[5]).toContain("=cmd|' /C calc'!A0");
    expect(findingRow[5].startsWith("acknowledged ")).toBe(true);
    // Only this reseller's report from inside the period, with its outcome; no reporter's address.
    expect(section("abuse_report").map((r) => [r[1], r[3]])).toEqual([["AB-IN ab-in.example", "closed"]]);
    expect(section("abuse_report")[0][5]).toContain("outcome: The name was suspended, +1 phishing site down.");
    expect(rows.flat().join(" ")).not.toContain("analyst@bank-security.example");
    expect(section("data_request").map((r) => [r[1], r[3], r[4]])).toEqual([["DR-ONE", "completed", "access"]]);
    expect(section("agreement").map((r) => [r[1], r[3]])).toEqual([
      ["Standing", "accepted"],
      ["Version 2026-11", "accepted"],
    ]);
    // No cell a spreadsheet would evaluate.
    expect(rows.flat().filter((c) => /^[=+@]/.test(c) || (/^-/.test(c) && !/^-?\d+(\.\d+)?$/.test(c)))).toEqual([]);

    const pdf = readPdf(complianceReportPdf(data));
    expect(pdf.badOffsets).toEqual([]);
    expect(pdf.pageCount).toBe(pdf.declaredCount);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(1);
    expect(pdf.text).toContain(`Compliance report: =HYPERLINK("http://evil.example")`);
    expect(pdf.text).toContain("AB-IN ab-in.example: phishing, closed");
    expect(pdf.text).toContain("Outcome: The name was suspended, +1 phishing site down.");
    expect(pdf.text).toContain("DR-ONE: access, completed");
    expect(pdf.text).toContain("Version 2026-11 accepted");
    expect(pdf.text).not.toContain("AB-OLD");
    expect(pdf.text).not.toContain("AB-THEIRS");
  });
});
