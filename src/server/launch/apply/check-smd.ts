/**
 * The SMD of a sunrise application, checked before the registrant pays: verified the way a registry
 * does (signature, validator certificate, CRL, SMDRL, dates) against the trust of the Trademark
 * Clearinghouse the platform uses, and its labels matched against the name. The registry checks it
 * again at the create; this only spares the registrant a payment and a refund.
 */
import { AppError } from "@/server/errors";
import { tmch } from "@/server/tmch/http/access";
import { TmchError } from "@/server/tmch/port";
import { loadTmchTrust } from "@/server/tmch/smd/trust";
import { verifySmd, type SmdVerdict } from "@/server/tmch/smd/verify-smd";
import { SMD_REFUSAL_WORDS } from "./smd-refusal-words";

export type CheckedSmd = { smdId: string; labels: string[]; notAfter: string | null };

async function currentTrust() {
  const port = tmch();
  try {
    const [material, smdrl] = await Promise.all([port.trustMaterial(), port.list("smdrl")]);
    return loadTmchTrust({ ...material, smdrlCsv: smdrl.csv });
  } catch (e) {
    if (e instanceof TmchError)
      throw new AppError(
        "REGISTRY_UNAVAILABLE",
        "The Trademark Clearinghouse could not be reached to check the SMD. Please try again shortly.",
        { cause: e },
      );
    throw e;
  }
}

export async function checkSmdFor(label: string, encodedSignedMark: string, at = new Date()): Promise<CheckedSmd> {
  const verdict: SmdVerdict = verifySmd(encodedSignedMark, await currentTrust(), at);
  if (!verdict.valid) {
    const words = SMD_REFUSAL_WORDS[verdict.reason as Exclude<typeof verdict.reason, "ok">];
    throw new AppError("INVALID_INPUT", words, { fields: { smd: words } });
  }
  if (!verdict.labels.includes(label)) {
    const words = `This SMD covers ${verdict.labels.join(", ") || "no label"}, not ${label}.`;
    throw new AppError("INVALID_INPUT", words, { fields: { name: words } });
  }
  return { smdId: verdict.smdId ?? "", labels: verdict.labels, notAfter: verdict.notAfter };
}
