import { EXT_URIS, NS, OBJ_URIS } from "../config/services";
import type { RegistryResponse } from "../model/responses";
import { encodeData, iso } from "./encode-data";
import { el, tel } from "./xml";

const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>';

export function encodeGreeting(now: number): string {
  const menu = el(
    "svcMenu",
    null,
    el("version", null, "1.0"),
    el("lang", null, "en"),
    ...OBJ_URIS.map((u) => el("objURI", null, u)),
    el("svcExtension", null, ...EXT_URIS.map((u) => el("extURI", null, u))),
  );
  const dcp = el(
    "dcp",
    null,
    el("access", null, el("all")),
    el(
      "statement",
      null,
      el("purpose", null, el("admin"), el("prov")),
      el("recipient", null, el("ours"), el("public")),
      el("retention", null, el("stated")),
    ),
  );
  return (
    PROLOG +
    el(
      "epp",
      { xmlns: NS.epp },
      el("greeting", null, el("svID", null, "Mock EPP Registry"), tel("svDate", iso(now)), menu, dcp),
    )
  );
}

export function encodeResponse(r: RegistryResponse): string {
  const encoded = r.data ? encodeData(r.data) : { extension: [] };
  const result = el(
    "result",
    { code: r.code },
    tel("msg", r.message),
    r.value ? el("value", null, tel("text", r.value)) : undefined,
  );
  const q = r.msgQ;
  const msgQ = q
    ? el(
        "msgQ",
        { count: q.count, id: q.id },
        q.qDate !== undefined ? tel("qDate", iso(q.qDate)) : undefined,
        q.msg ? tel("msg", q.msg) : undefined,
      )
    : undefined;
  const body = el(
    "response",
    null,
    result,
    msgQ,
    encoded.resData ? el("resData", null, encoded.resData) : undefined,
    encoded.extension.length > 0 ? el("extension", null, ...encoded.extension) : undefined,
    el("trID", null, r.clTRID ? tel("clTRID", r.clTRID) : undefined, tel("svTRID", r.svTRID)),
  );
  return PROLOG + el("epp", { xmlns: NS.epp }, body);
}
