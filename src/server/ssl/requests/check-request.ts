/**
 * Everything checked before a certificate order or reissue is paid for or sent: the CSR's own checks
 * (src/server/ssl/csr), that its names fit the product, that the CA in use can issue this level and
 * DCV method, and that email DCV goes only to a constructed address (BR 3.2.2.4.4) at the name or a
 * parent of it. Problems come back as one INVALID_INPUT error with a message per field.
 */
import { AppError } from "@/server/errors";
import { inspectCsr, type CsrReport } from "@/server/ssl/csr/inspect-csr";
import type { DcvMethod } from "@/server/ssl/ca/port";
import { coverageProblem, type SslProduct } from "./ssl-product";

const CONSTRUCTED = new Set(["admin", "administrator", "hostmaster", "postmaster", "webmaster"]);

export type CheckedRequest = { report: CsrReport; csrPem: string; names: string[] };

function emailProblem(names: string[], dcvEmail: Record<string, string> | undefined): string | null {
  for (const name of names) {
    const base = name.replace(/^\*\./, "");
    const address = dcvEmail?.[name] ?? dcvEmail?.[base];
    if (!address) return `Choose the approval address for ${name}.`;
    const [local, domain] = address.toLowerCase().split("@");
    if (!CONSTRUCTED.has(local) || !(domain === base || (base.endsWith(`.${domain}`) && domain.includes("."))))
      return `${address} cannot approve ${name}: use admin@, administrator@, hostmaster@, postmaster@ or webmaster@ ${base} or a parent domain.`;
  }
  return null;
}

export async function checkCertificateRequest(input: {
  product: SslProduct;
  csrPem: string;
  dcvMethod: DcvMethod;
  dcvEmail?: Record<string, string>;
  hasOrganisation: boolean;
  /** The CA in use: ACME CAs issue DV certificates validated by DNS or HTTP only. */
  caName: string;
}): Promise<CheckedRequest> {
  const fields: Record<string, string> = {};
  const report = await inspectCsr(input.csrPem);
  if (!report.ok) fields.csr = report.problems.map((p) => p.message).join(" ");
  else {
    const coverage = coverageProblem(input.product, report.names);
    if (coverage) fields.csr = coverage;
  }
  const acme = input.caName.startsWith("acme");
  if (acme && input.product.level !== "dv")
    fields.product = `${input.product.name} is not available from this certificate authority.`;
  if (input.product.level !== "dv" && !input.hasOrganisation)
    fields.organisation = "Enter the organisation the certificate authority is to validate.";
  if (input.dcvMethod === "email") {
    if (acme) fields.dcvMethod = "Email validation is not available from this certificate authority.";
    else if (report.ok) {
      const email = emailProblem(report.names, input.dcvEmail);
      if (email) fields.dcvEmail = email;
    }
  }
  if (Object.keys(fields).length)
    throw new AppError("INVALID_INPUT", "The certificate request needs your attention before you can pay.", {
      fields,
    });
  return { report, csrPem: report.csrPem ?? input.csrPem, names: report.names };
}
