/**
 * The compliance report as files: one CSV table (a section column, so a spreadsheet can filter it;
 * every cell through the shared formula-injection guard of src/lib/csv.ts, since reseller names,
 * domain names, notes and outcomes come from people) and a PDF of the same content.
 */
import { csvRow } from "@/lib/csv";
import { writePdf, type PdfLine } from "@/lib/pdf/write-pdf";
import type { AgreementStanding } from "@/server/reseller-agreements/agreement-status";
import { periodWords, type ComplianceReport } from "./compliance-report";

const when = (d: Date | null) => (d ? d.toISOString() : "");
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

function standingWords(s: AgreementStanding): string {
  switch (s.state) {
    case "none":
      return "No agreement version published";
    case "accepted":
      return `Version ${s.version} in force, accepted ${day(s.acceptedAt)} by ${s.acceptedByEmail}`;
    case "due":
      return `Version ${s.version} in force, not accepted yet (due ${day(s.acceptBy)})`;
    case "overdue":
      return `Version ${s.version} in force, overdue since ${day(s.acceptBy)}`;
  }
}

export const CSV_HEADER = ["section", "item", "date", "status", "figure", "detail"] as const;

export function complianceReportCsv(r: ComplianceReport): string {
  const p = periodWords(r.period);
  const rows: string[][] = [
    ["report", "Reseller", "", r.reseller.status, r.reseller.name, r.reseller.id],
    ["report", "Period", p.from, "", p.to, `generated ${when(r.generatedAt)}`],
    ...r.figures.map((f) => ["figure", f.label, "", "", f.value, ""]),
    ...r.evaluation.map((e) => [
      "threshold",
      e.label,
      "",
      e.crossed ? "crossed" : "within",
      e.value,
      `threshold ${e.limit}`,
    ]),
    ...r.findings.map((f) => [
      "finding",
      f.label,
      when(f.openedAt),
      f.state,
      f.words,
      [
        f.acknowledgedAt
          ? `acknowledged ${when(f.acknowledgedAt)} by ${f.acknowledgedBy ?? "staff"}: ${f.note ?? ""}`
          : "",
        f.closedAt ? `closed ${when(f.closedAt)}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    ]),
    ...r.abuseReports.map((a) => [
      "abuse_report",
      `${a.reference} ${a.domainName}`,
      when(a.receivedAt),
      a.status,
      a.category + (a.fromAuthority ? " (authority)" : ""),
      [
        a.acknowledgedAt ? `reviewed ${when(a.acknowledgedAt)}` : "",
        a.actionedAt ? `actioned ${when(a.actionedAt)}` : "",
        a.actions.length ? `actions: ${a.actions.join(", ")}` : "",
        a.closedAt ? `closed ${when(a.closedAt)}` : "",
        a.outcome ? `outcome: ${a.outcome}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    ]),
    ...r.dataRequests.map((d) => [
      "data_request",
      d.reference,
      when(d.receivedAt),
      d.status,
      d.kind,
      [
        d.acknowledgedAt ? `acknowledged ${when(d.acknowledgedAt)}` : "",
        d.answeredAt ? `answered ${when(d.answeredAt)}${d.onTime === false ? " (late)" : ""}` : "",
        d.decisionReason ? `reason: ${d.decisionReason}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    ]),
    ["agreement", "Standing", "", r.agreement.standing.state, "", standingWords(r.agreement.standing)],
    ...r.agreement.acceptances.map((a) => [
      "agreement",
      `Version ${a.version}`,
      when(a.acceptedAt),
      "accepted",
      a.title,
      `accepted by ${a.acceptedByEmail}`,
    ]),
  ];
  return [csvRow(CSV_HEADER), ...rows.map((row) => csvRow(row))].join("");
}

export function complianceReportPdf(r: ComplianceReport): Uint8Array {
  const p = periodWords(r.period);
  const h = (text: string): PdfLine => ({ text, size: 12, bold: true, gapBefore: 10 });
  const l = (text: string): PdfLine => ({ text });
  const sub = (text: string): PdfLine => ({ text, indent: 18 });
  const none = (items: unknown[], words: string) => (items.length === 0 ? [l(words)] : []);
  const lines: PdfLine[] = [
    { text: `Compliance report: ${r.reseller.name}`, size: 16, bold: true },
    l(`Period ${p.from} to ${p.to} (UTC). Generated ${when(r.generatedAt)}. Reseller status: ${r.reseller.status}.`),
    h("Figures for the period"),
    ...r.figures.map((f) => l(`${f.label}: ${f.value}`)),
    h("Thresholds now"),
    ...r.evaluation.map((e) => l(`${e.crossed ? "CROSSED " : ""}${e.label}: ${e.value} (threshold ${e.limit})`)),
    h("Findings"),
    ...none(r.findings, "No finding was open during the period."),
    ...r.findings.flatMap((f) => [
      l(`${day(f.openedAt)} [${f.state}] ${f.words}`),
      ...(f.acknowledgedAt
        ? [sub(`Acknowledged ${day(f.acknowledgedAt)} by ${f.acknowledgedBy ?? "staff"}: ${f.note ?? ""}`)]
        : []),
      ...(f.closedAt ? [sub(`Closed ${day(f.closedAt)}`)] : []),
    ]),
    h("Abuse reports"),
    ...none(r.abuseReports, "No abuse report was received in the period."),
    ...r.abuseReports.flatMap((a) => [
      l(
        `${day(a.receivedAt)} ${a.reference} ${a.domainName}: ${a.category}${a.fromAuthority ? " (authority)" : ""}, ${a.status}`,
      ),
      ...(a.actions.length ? [sub(`Actions: ${a.actions.join(", ")}`)] : []),
      ...(a.outcome ? [sub(`Outcome: ${a.outcome}`)] : []),
    ]),
    h("Data requests"),
    ...none(r.dataRequests, "No data request was received in the period."),
    ...r.dataRequests.map((d) =>
      l(
        `${day(d.receivedAt)} ${d.reference}: ${d.kind}, ${d.status}${d.answeredAt ? `, answered ${day(d.answeredAt)}${d.onTime === false ? " (late)" : ""}` : ""}`,
      ),
    ),
    h("Reseller agreement"),
    l(standingWords(r.agreement.standing)),
    ...r.agreement.acceptances.map((a) =>
      l(`Version ${a.version} accepted ${day(a.acceptedAt)} by ${a.acceptedByEmail}`),
    ),
  ];
  return writePdf({ title: `Compliance report: ${r.reseller.name} ${p.from} to ${p.to}`, lines });
}
