/** An EPP frame from a client: hello, login, logout, or an object command (RFC 5730 §2). */
import { NS } from "../config/services";
import type { Command, LoginRequest } from "../model/commands";
import { child, children, parseXml, text, XmlSyntaxError, type XNode } from "./xml";
import { DecodeError, optText, reqText, syntax } from "./decode-helpers";
import { decodeDomain } from "./decode-domain";
import { Extensions } from "./decode-extensions";
import { decodeContact, decodeHost } from "./decode-host-contact";

export type ClientFrame =
  | { kind: "hello" }
  | { kind: "login"; req: LoginRequest; clTRID?: string }
  | { kind: "logout"; clTRID?: string }
  | { kind: "command"; cmd: Command; clTRID?: string; extensions: string[] };

const VERBS = ["check", "create", "delete", "info", "login", "logout", "poll", "renew", "transfer", "update"];
const OBJECT_NS: Record<string, "domain" | "host" | "contact"> = {
  [NS.domain]: "domain",
  [NS.host]: "host",
  [NS.contact]: "contact",
};

/** The clTRID, read leniently so even a failed decode can echo it. */
export function peekClTRID(xml: string): string | undefined {
  const m = /<(?:[\w-]+:)?clTRID>([^<]{3,64})<\/(?:[\w-]+:)?clTRID>/.exec(xml);
  // U+FFFD stands for bytes that were not UTF-8: that is not the client's clTRID, so none is echoed.
  return m && !m[1].includes("\uFFFD") ? m[1] : undefined;
}

export function decodeFrame(xml: string): ClientFrame {
  let root: XNode;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new DecodeError(2001, `XML is not well-formed: ${e.message}`);
    throw e;
  }
  if (root.ns !== NS.epp || root.local !== "epp") syntax(`Root element must be <epp> in namespace ${NS.epp}.`);
  const [top] = root.children;
  if (!top || root.children.length !== 1 || top.ns !== NS.epp) syntax("<epp> must hold exactly one hello or command.");
  if (top.local === "hello") return { kind: "hello" };
  if (top.local !== "command") syntax(`<${top.local}> is not something a client sends.`);
  const clTRID = optText(top, NS.epp, "clTRID");
  if (clTRID !== undefined && (clTRID.length < 3 || clTRID.length > 64)) syntax("clTRID must be 3 to 64 characters.");
  const verbNode = top.children.find((c) => c.local !== "extension" && c.local !== "clTRID");
  if (!verbNode) syntax("<command> holds no command.");
  if (verbNode.ns !== NS.epp) syntax(`Unexpected element <${verbNode.local}> in <command>.`);
  if (!VERBS.includes(verbNode.local)) throw new DecodeError(2000, `Unknown command <${verbNode.local}>.`);
  const ext = new Extensions(child(top, NS.epp, "extension"));
  const frame = decodeVerb(verbNode, clTRID, ext);
  ext.assertAllConsumed();
  return frame;
}

function decodeVerb(node: XNode, clTRID: string | undefined, ext: Extensions): ClientFrame {
  if (node.local === "login") return { kind: "login", req: decodeLogin(node), clTRID };
  if (node.local === "logout") return { kind: "logout", clTRID };
  if (node.local === "poll") {
    const op = node.attrs.op;
    if (op === "req") {
      // msgID belongs to op="ack"; a request naming one is refused (Nomulus: "Unexpected message id").
      if (node.attrs.msgID !== undefined) throw new DecodeError(2005, "Unexpected message id.", node.attrs.msgID);
      return { kind: "command", cmd: { type: "poll", op }, clTRID, extensions: ext.used };
    }
    if (op === "ack")
      return { kind: "command", cmd: { type: "poll", op, msgId: node.attrs.msgID }, clTRID, extensions: ext.used };
    syntax("poll op must be req or ack.");
  }
  const [body] = node.children;
  if (!body || node.children.length !== 1) syntax(`<${node.local}> must hold exactly one object element.`);
  const object = OBJECT_NS[body.ns];
  if (!object) throw new DecodeError(2307, "Unimplemented object service.", body.ns);
  if (body.local !== node.local) syntax(`<${body.local}> does not belong in <${node.local}>.`);
  const cmd =
    object === "domain"
      ? decodeDomain(node.local, node, body, ext)
      : object === "host"
        ? decodeHost(node.local, body)
        : contactOrTransfer(node, body);
  return { kind: "command", cmd, clTRID, extensions: ext.used };
}

function contactOrTransfer(node: XNode, body: XNode): Command {
  if (node.local === "transfer") throw new DecodeError(2101, "Contact transfers are not implemented by this registry.");
  return decodeContact(node.local, body);
}

function decodeLogin(node: XNode): LoginRequest {
  const options = child(node, NS.epp, "options");
  const svcs = child(node, NS.epp, "svcs");
  if (!options || !svcs) syntax("login needs options and svcs.");
  return {
    clID: reqText(node, NS.epp, "clID"),
    pw: reqText(node, NS.epp, "pw"),
    newPw: optText(node, NS.epp, "newPW"),
    version: reqText(options, NS.epp, "version"),
    lang: reqText(options, NS.epp, "lang"),
    objURIs: children(svcs, NS.epp, "objURI").map((o) => text(o) ?? ""),
    extURIs: children(child(svcs, NS.epp, "svcExtension"), NS.epp, "extURI").map((o) => text(o) ?? ""),
  };
}
