/**
 * The agreement an applicant reads and accepts: the newest version the registrar published, or the
 * built-in first version while none has been. Applying and the console banner name the same version.
 */
import { RESELLER_AGREEMENT_SECTIONS, RESELLER_AGREEMENT_VERSION } from "@/lib/reseller-agreement";
import { currentAgreement } from "./agreement-status";

export type ApplicationAgreement = {
  version: string;
  title: string;
  sections: { heading: string; text: string }[];
};

export async function applicationAgreement(): Promise<ApplicationAgreement> {
  const current = await currentAgreement();
  if (!current)
    return { version: RESELLER_AGREEMENT_VERSION, title: "Reseller agreement", sections: RESELLER_AGREEMENT_SECTIONS };
  // A published body is plain text; its paragraphs are separated by blank lines.
  const paragraphs = current.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    version: current.version,
    title: current.title,
    sections: paragraphs.map((text) => ({ heading: "", text })),
  };
}
