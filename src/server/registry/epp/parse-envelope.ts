import type { z } from "zod";
import { NS } from "./namespaces";
import { envelopeSchema } from "./schemas";
import { child, parseXml, textOf, type XNode } from "./xml";

export interface Envelope extends z.infer<typeof envelopeSchema> {
  resData?: XNode;
  extension?: XNode;
}

/** The <response> around every answer: result, message queue, data, extensions, transaction ids. */
export function parseEnvelope(xml: string): Envelope {
  const root = parseXml(xml);
  const response = child(root, NS.epp, "response");
  if (root.ns !== NS.epp || !response) throw new Error("Registry answered with something other than an EPP response");
  const result = child(response, NS.epp, "result");
  const msgQ = child(response, NS.epp, "msgQ");
  const trID = child(response, NS.epp, "trID");
  const valueNode = child(result, NS.epp, "value");
  const envelope = envelopeSchema.parse({
    code: Number(result?.attrs.code),
    message: textOf(result, NS.epp, "msg") ?? "",
    value: valueNode ? (valueNode.children[0]?.text ?? valueNode.text).trim() || undefined : undefined,
    clTRID: textOf(trID, NS.epp, "clTRID"),
    svTRID: textOf(trID, NS.epp, "svTRID"),
    msgQ: msgQ
      ? {
          count: Number(msgQ.attrs.count),
          id: msgQ.attrs.id,
          qDate: textOf(msgQ, NS.epp, "qDate"),
          msg: textOf(msgQ, NS.epp, "msg"),
        }
      : undefined,
  });
  return { ...envelope, resData: child(response, NS.epp, "resData"), extension: child(response, NS.epp, "extension") };
}

/**
 * A response belongs to our command only if it echoes our clTRID (RFC 5730 §2.6). Anything else (a
 * stale or foreign answer, or none at all) means the session is out of step: the caller must drop the
 * connection and treat the command's outcome as unknown.
 */
export function clTRIDMismatch(envelope: Envelope, sent: string): string | undefined {
  if (envelope.clTRID === sent) return undefined;
  const got = envelope.clTRID === undefined ? "no clTRID" : `clTRID ${JSON.stringify(envelope.clTRID.slice(0, 64))}`;
  return `Registry answered command ${sent} with ${got}`;
}
