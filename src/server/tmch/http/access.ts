/**
 * The process's TMCH port, chosen by TMCH_ADAPTER: the stand-in over HTTP at TMCH_URL, or "off"
 * (a port that refuses everything as unavailable, for deployments that do not sell TMCH services).
 */
import { env } from "@/env";
import { TmchError, type TmchPort } from "../port";
import { standInTmch } from "./standin-tmch";

let override: TmchPort | null = null;
let cached: TmchPort | null = null;

function offPort(): TmchPort {
  const off = async (): Promise<never> => {
    throw new TmchError("unavailable", "No Trademark Clearinghouse is configured (TMCH_ADAPTER=off).");
  };
  return {
    name: "off",
    submitMark: off,
    findMark: off,
    getMark: off,
    correctMark: off,
    renewMark: off,
    uploadProofOfUse: off,
    smdFile: off,
    trustMaterial: off,
    list: off,
    listsPublicKey: off,
    claimsNotice: off,
  };
}

export function tmch(): TmchPort {
  if (override) return override;
  const e = env();
  cached ??= e.TMCH_ADAPTER === "off" ? offPort() : standInTmch({ baseUrl: e.TMCH_URL, apiKey: e.TMCH_API_KEY });
  return cached;
}

/** Tests point the platform at a stand-in they started; null goes back to the environment's. */
export function setTmchForTests(port: TmchPort | null): void {
  override = port;
}
