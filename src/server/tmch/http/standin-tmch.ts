/** TmchPort over the TMCH stand-in's HTTP API (src/tmch-standin, decision 098). */
import { z } from "zod";
import type { TmchMarkStatus, TmchPort } from "../port";
import { TmchError } from "../port";
import { callTmchJson, callTmchText, type TmchHttpOptions } from "./tmch-http";

const date = z.iso.datetime().transform((s) => new Date(s));

const markSchema = z.object({
  id: z.string().min(1).max(100),
  externalId: z.string(),
  state: z.enum(["submitted", "verifying", "incorrect", "corrected", "verified", "expired", "deactivated"]),
  reasons: z.array(z.string()),
  labels: z.array(z.string()),
  termYears: z.number().int(),
  submittedAt: date,
  verifiedAt: date.nullable(),
  expiresAt: date.nullable(),
  smd: z.object({ smdId: z.string(), notBefore: date, notAfter: date }).nullable(),
});

const enc = encodeURIComponent;
/** Lookup keys carry slashes the TMCH expects as they are; anything else is refused before sending. */
const LOOKUP_KEY = /^\d{10}\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/[A-Za-z0-9]{1,64}$/;

export function standInTmch(o: TmchHttpOptions): TmchPort {
  const mark = (method: "GET" | "POST", path: string, body?: unknown): Promise<TmchMarkStatus> =>
    callTmchJson(o, method, path, markSchema, body);
  return {
    name: "tmch-standin",
    submitMark: (request) => mark("POST", "/v1/marks", request),
    async findMark(externalId) {
      try {
        return await mark("GET", `/v1/marks?externalId=${enc(externalId)}`);
      } catch (e) {
        if (e instanceof TmchError && e.kind === "not_found") return null;
        throw e;
      }
    },
    getMark: (id) => mark("GET", `/v1/marks/${enc(id)}`),
    correctMark: (id, submission) => mark("POST", `/v1/marks/${enc(id)}/correct`, { submission }),
    renewMark: (id, externalId, years) => mark("POST", `/v1/marks/${enc(id)}/renew`, { externalId, years }),
    uploadProofOfUse: (id, proof) => mark("POST", `/v1/marks/${enc(id)}/proof-of-use`, proof),
    async smdFile(id) {
      try {
        return await callTmchText(o, `/v1/marks/${enc(id)}/smd`);
      } catch (e) {
        if (e instanceof TmchError && e.kind === "not_found") return null;
        throw e;
      }
    },
    async trustMaterial() {
      const [caPem, crlPem] = await Promise.all([
        callTmchText(o, "/ca/tmch-ca.pem"),
        callTmchText(o, "/ca/tmch-ca.crl"),
      ]);
      return { caPem, crlPem };
    },
    async list(kind) {
      const base = kind === "dnl" ? "/dnl/dnl-latest" : "/smdrl/smdrl-latest";
      const [csv, signature] = await Promise.all([callTmchText(o, `${base}.csv`), callTmchText(o, `${base}.sig`)]);
      return { csv, signature };
    },
    listsPublicKey: () => callTmchText(o, "/keys/lists-public-key.asc"),
    async claimsNotice(lookupKey) {
      if (!LOOKUP_KEY.test(lookupKey)) throw new TmchError("refused", "Not a TMCH lookup key.");
      return callTmchText(o, `/cnis/${lookupKey}.xml`);
    },
  };
}
