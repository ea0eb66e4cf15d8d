import { NS } from "../config/services";
import type { Command, PostalInfoChange } from "../model/commands";
import type { HostAddr, PostalInfo } from "../model/records";
import { child, children, type XNode } from "./xml";
import { DecodeError, authPw, optText, req, reqText, syntax, texts } from "./decode-helpers";

const H = NS.host;
const C = NS.contact;

function addrs(node: XNode | undefined): HostAddr[] {
  return children(node, H, "addr").map((a) => ({ ip: a.attrs.ip === "v6" ? "v6" : "v4", addr: a.text.trim() }));
}

function statuses(node: XNode | undefined, ns: string): string[] {
  return children(node, ns, "status").map((s) => s.attrs.s ?? syntax("status needs an s attribute."));
}

export function decodeHost(verb: string, body: XNode): Command {
  switch (verb) {
    case "check":
      return { type: "host:check", names: texts(body, H, "name") };
    case "info":
      return { type: "host:info", name: reqText(body, H, "name") };
    case "create":
      return { type: "host:create", name: reqText(body, H, "name"), addrs: addrs(body) };
    case "update": {
      const add = child(body, H, "add");
      const rem = child(body, H, "rem");
      return {
        type: "host:update",
        name: reqText(body, H, "name"),
        add: { addrs: addrs(add), statuses: statuses(add, H) },
        rem: { addrs: addrs(rem), statuses: statuses(rem, H) },
        newName: optText(child(body, H, "chg"), H, "name"),
      };
    }
    case "delete":
      return { type: "host:delete", name: reqText(body, H, "name") };
    default:
      throw new DecodeError(2101, `Host ${verb} is not implemented.`);
  }
}

function postalType(p: XNode): PostalInfo["type"] {
  const type = p.attrs.type;
  if (type !== "int" && type !== "loc") syntax("postalInfo type must be int or loc.");
  return type;
}

/** contact:update's postalInfo: RFC 5733 makes name, org and addr each optional. */
function postalInfoChanges(node: XNode | undefined): PostalInfoChange[] {
  return children(node, C, "postalInfo").map((p) => {
    const addr = child(p, C, "addr");
    const change: PostalInfoChange = { type: postalType(p), name: optText(p, C, "name"), org: optText(p, C, "org") };
    if (!addr) return change;
    return {
      ...change,
      street: texts(addr, C, "street"),
      city: reqText(addr, C, "city"),
      sp: optText(addr, C, "sp"),
      pc: optText(addr, C, "pc"),
      cc: reqText(addr, C, "cc"),
    };
  });
}

function postalInfo(node: XNode | undefined): PostalInfo[] {
  return children(node, C, "postalInfo").map((p) => {
    const addr = req(p, C, "addr");
    const type = postalType(p);
    return {
      type,
      name: reqText(p, C, "name"),
      org: optText(p, C, "org"),
      street: texts(addr, C, "street"),
      city: reqText(addr, C, "city"),
      sp: optText(addr, C, "sp"),
      pc: optText(addr, C, "pc"),
      cc: reqText(addr, C, "cc"),
    };
  });
}

export function decodeContact(verb: string, body: XNode): Command {
  switch (verb) {
    case "check":
      return { type: "contact:check", ids: texts(body, C, "id") };
    case "info":
      return { type: "contact:info", id: reqText(body, C, "id"), authInfo: authPw(body, C) };
    case "create": {
      const info = postalInfo(body);
      if (info.length === 0) syntax("Element postalInfo is required in create.");
      return {
        type: "contact:create",
        id: reqText(body, C, "id"),
        postalInfo: info,
        voice: optText(body, C, "voice"),
        fax: optText(body, C, "fax"),
        email: reqText(body, C, "email"),
        authInfo: authPw(body, C) ?? syntax("Element authInfo is required in create."),
      };
    }
    case "update": {
      const chg = child(body, C, "chg");
      const info = postalInfoChanges(chg);
      return {
        type: "contact:update",
        id: reqText(body, C, "id"),
        add: { statuses: statuses(child(body, C, "add"), C) },
        rem: { statuses: statuses(child(body, C, "rem"), C) },
        chg: {
          postalInfo: info.length > 0 ? info : undefined,
          voice: optText(chg, C, "voice"),
          fax: optText(chg, C, "fax"),
          email: optText(chg, C, "email"),
          authInfo: authPw(chg, C),
        },
      };
    }
    case "delete":
      return { type: "contact:delete", id: reqText(body, C, "id") };
    default:
      throw new DecodeError(2101, `Contact ${verb} is not implemented.`);
  }
}
