import { NS } from "../config/services";
import type { Command, TransferOp } from "../model/commands";
import type { ContactLink } from "../model/records";
import { child, children, type XNode } from "./xml";
import { DecodeError, authPw, optText, period, req, reqText, syntax, texts } from "./decode-helpers";
import {
  feeAck,
  feeCheck,
  launchCreate,
  phaseRef,
  rgpRestore,
  secDnsCreate,
  secDnsUpdate,
  type Extensions,
} from "./decode-extensions";

const D = NS.domain;

function contacts(node: XNode | undefined): ContactLink[] {
  return children(node, D, "contact").map((c) => {
    const type = c.attrs.type;
    if (type !== "admin" && type !== "tech" && type !== "billing")
      syntax("Contact type must be admin, tech or billing.");
    return { type, id: c.text.trim() };
  });
}

function hostObjs(node: XNode | undefined): string[] {
  const ns = child(node, D, "ns");
  if (!ns) return [];
  if (child(ns, D, "hostAttr")) throw new DecodeError(2102, "Host attributes are not supported; use host objects.");
  return texts(ns, D, "hostObj");
}

function statuses(node: XNode | undefined): string[] {
  return children(node, D, "status").map((s) => s.attrs.s ?? syntax("status needs an s attribute."));
}

export function decodeDomain(verb: string, cmdNode: XNode, body: XNode, ext: Extensions): Command {
  switch (verb) {
    case "check": {
      const launch = ext.take(NS.launch, "check");
      const form = (launch?.attrs.type ?? "claims") as "avail" | "claims" | "trademark";
      return {
        type: "domain:check",
        names: texts(body, D, "name"),
        fee: feeCheck(ext.take(NS.fee, "check")),
        launch: launch ? { form, phase: phaseRef(launch) } : undefined,
      };
    }
    case "info": {
      const name = req(body, D, "name");
      const launch = ext.take(NS.launch, "info");
      return {
        type: "domain:info",
        name: name.text.trim(),
        hosts: (name.attrs.hosts as "all" | undefined) ?? "all",
        authInfo: authPw(body, D),
        launch: launch
          ? {
              phase: phaseRef(launch) ?? syntax("launch:info needs a phase."),
              applicationId: optText(launch, NS.launch, "applicationID"),
            }
          : undefined,
      };
    }
    case "create": {
      const sec = secDnsCreate(ext.take(NS.secDNS, "create"));
      return {
        type: "domain:create",
        name: reqText(body, D, "name"),
        period: period(body, D),
        ns: hostObjs(body),
        registrant: optText(body, D, "registrant"),
        contacts: contacts(body),
        authInfo: authPw(body, D) ?? syntax("Element authInfo is required in create."),
        ds: sec?.ds,
        maxSigLife: sec?.maxSigLife,
        keyData: sec?.keyData,
        fee: feeAck(ext.take(NS.fee, "create")),
        launch: launchCreate(ext.take(NS.launch, "create")),
      };
    }
    case "renew":
      return {
        type: "domain:renew",
        name: reqText(body, D, "name"),
        curExpDate: reqText(body, D, "curExpDate"),
        period: period(body, D),
        fee: feeAck(ext.take(NS.fee, "renew")),
      };
    case "transfer": {
      const op = cmdNode.attrs.op as TransferOp;
      if (!["request", "query", "approve", "reject", "cancel"].includes(op))
        syntax("transfer op is missing or unknown.");
      return {
        type: "domain:transfer",
        op,
        name: reqText(body, D, "name"),
        period: period(body, D),
        authInfo: authPw(body, D),
        fee: feeAck(ext.take(NS.fee, "transfer")),
      };
    }
    case "update": {
      const add = child(body, D, "add");
      const rem = child(body, D, "rem");
      const chg = child(body, D, "chg");
      return {
        type: "domain:update",
        name: reqText(body, D, "name"),
        add: { ns: hostObjs(add), contacts: contacts(add), statuses: statuses(add) },
        rem: { ns: hostObjs(rem), contacts: contacts(rem), statuses: statuses(rem) },
        chg: {
          registrant: child(chg, D, "registrant") ? (optText(chg, D, "registrant") ?? "") : undefined,
          authInfo: authPw(chg, D),
        },
        secDns: secDnsUpdate(ext.take(NS.secDNS, "update")),
        restore: rgpRestore(ext.take(NS.rgp, "update")),
        fee: feeAck(ext.take(NS.fee, "update")),
      };
    }
    case "delete": {
      const launch = ext.take(NS.launch, "delete");
      return {
        type: "domain:delete",
        name: reqText(body, D, "name"),
        launch: launch
          ? {
              phase: phaseRef(launch) ?? syntax("launch:delete needs a phase."),
              applicationId: reqText(launch, NS.launch, "applicationID"),
            }
          : undefined,
      };
    }
    default:
      throw new DecodeError(2101, `Domain ${verb} is not implemented.`);
  }
}
