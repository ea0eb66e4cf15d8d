/** Command extensions: fee (RFC 8748), launch (RFC 8334), secDNS (RFC 5910), rgp (RFC 3915). */
import { EXT_URIS, NS } from "../config/services";
import type {
  FeeAck,
  FeeCheckRequest,
  FeeCheckCommandName,
  LaunchCreate,
  PhaseRef,
  RestoreReport,
  SecDnsUpdate,
} from "../model/commands";
import type { DsData } from "../model/records";
import { child, children, type XNode } from "./xml";
import { DecodeError, bool, dsData, minorUnits, optText, period, reqText, syntax, texts } from "./decode-helpers";

/** The extension elements of a command by "ns local", rejecting namespaces the registry lacks. */
export class Extensions {
  readonly used: string[] = [];
  private readonly byKey = new Map<string, XNode>();
  private readonly consumed = new Set<string>();

  constructor(ext: XNode | undefined) {
    for (const e of ext?.children ?? []) {
      if (!EXT_URIS.includes(e.ns)) throw new DecodeError(2103, "Specified extension is not implemented.", e.ns);
      this.byKey.set(`${e.ns} ${e.local}`, e);
      if (!this.used.includes(e.ns)) this.used.push(e.ns);
    }
  }

  take(ns: string, local: string): XNode | undefined {
    const key = `${ns} ${local}`;
    const node = this.byKey.get(key);
    if (node) this.consumed.add(key);
    return node;
  }

  /** An extension the command has no use for is an error, not something to ignore silently. */
  assertAllConsumed(): void {
    for (const key of this.byKey.keys()) {
      if (!this.consumed.has(key))
        throw new DecodeError(2103, "Extension is not valid for this command.", key.replace(" ", ":"));
    }
  }
}

export function phaseRef(node: XNode | undefined): PhaseRef | undefined {
  const p = child(node, NS.launch, "phase");
  if (!p) return undefined;
  const phase = p.text.trim();
  if (!["sunrise", "landrush", "claims", "open", "custom"].includes(phase)) syntax(`Unknown launch phase '${phase}'.`);
  return { phase: phase as PhaseRef["phase"], name: p.attrs.name };
}

/** RFC 8748 commandEnum: a client may ask the price of any of these. */
const FEE_COMMANDS: FeeCheckCommandName[] = ["create", "delete", "renew", "update", "transfer", "restore", "custom"];

/** fee:currency is `[A-Z]{3}` in the schema; whether it names a currency is the command's business. */
function feeCurrency(node: XNode): string | undefined {
  const code = optText(node, NS.fee, "currency");
  if (code !== undefined && !/^[A-Z]{3}$/.test(code)) syntax(`Currency '${code}' is not three upper-case letters.`);
  return code;
}

export function feeCheck(node: XNode | undefined): FeeCheckRequest | undefined {
  if (!node) return undefined;
  const commands = children(node, NS.fee, "command").map((c) => {
    const name = c.attrs.name as FeeCheckCommandName;
    if (!FEE_COMMANDS.includes(name)) throw new DecodeError(2306, "Unknown fee command name.", c.attrs.name);
    if (c.attrs.phase || c.attrs.subphase)
      throw new DecodeError(2306, "Fee checks for command phases and subphases are not supported.");
    return { name, customName: c.attrs.customName, period: period(c, NS.fee) };
  });
  if (commands.length === 0) syntax("fee:check needs at least one fee:command.");
  return { currency: feeCurrency(node), commands };
}

/**
 * A client agreeing to a fee may restate what the fee is; only what would change the charge is
 * refused: a refundability or grace period of its own, or a fee applied later than now.
 */
export function feeAck(node: XNode | undefined): FeeAck | undefined {
  if (!node) return undefined;
  const fees = children(node, NS.fee, "fee");
  for (const f of fees) {
    const applied = f.attrs.applied;
    if (f.attrs["grace-period"] || f.attrs.refundable || (applied !== undefined && applied !== "immediate")) {
      throw new DecodeError(
        2102,
        "The 'grace-period', 'applied' and 'refundable' fields are disallowed by server policy.",
      );
    }
  }
  return {
    currency: feeCurrency(node) ?? "USD",
    amount: fees.reduce((sum, f) => sum + minorUnits(f.text), 0),
  };
}

export function launchCreate(node: XNode | undefined): LaunchCreate | undefined {
  if (!node) return undefined;
  const phase = phaseRef(node);
  if (!phase) syntax("launch:create needs a launch:phase.");
  if (child(node, NS.smd, "signedMark") || child(node, NS.launch, "codeMark")) {
    throw new DecodeError(2306, "Only encoded signed marks are supported.");
  }
  const type = node.attrs.type as LaunchCreate["type"];
  return {
    phase,
    type,
    encodedSignedMarks: texts(node, NS.smd, "encodedSignedMark"),
    notices: children(node, NS.launch, "notice").map((n) => {
      const id = child(n, NS.launch, "noticeID");
      return {
        noticeId: reqText(n, NS.launch, "noticeID"),
        validatorId: id?.attrs.validatorID,
        notAfter: reqText(n, NS.launch, "notAfter"),
        acceptedDate: reqText(n, NS.launch, "acceptedDate"),
      };
    }),
  };
}

export function secDnsCreate(
  node: XNode | undefined,
): { ds: DsData[]; maxSigLife?: number; keyData: boolean } | undefined {
  if (!node) return undefined;
  const max = optText(node, NS.secDNS, "maxSigLife");
  return {
    ds: children(node, NS.secDNS, "dsData").map(dsData),
    maxSigLife: max === undefined ? undefined : Number(max),
    keyData: children(node, NS.secDNS, "keyData").length > 0,
  };
}

export function secDnsUpdate(node: XNode | undefined): SecDnsUpdate | undefined {
  if (!node) return undefined;
  const rem = child(node, NS.secDNS, "rem");
  const add = child(node, NS.secDNS, "add");
  const max = optText(child(node, NS.secDNS, "chg"), NS.secDNS, "maxSigLife");
  return {
    urgent: bool(node.attrs.urgent),
    remAll: bool(optText(rem, NS.secDNS, "all")),
    rem: children(rem, NS.secDNS, "dsData").map(dsData),
    add: children(add, NS.secDNS, "dsData").map(dsData),
    maxSigLife: max === undefined ? undefined : Number(max),
    keyData: children(add, NS.secDNS, "keyData").length + children(rem, NS.secDNS, "keyData").length > 0,
  };
}

export function rgpRestore(
  node: XNode | undefined,
): { op: "request" } | { op: "report"; report: RestoreReport } | undefined {
  if (!node) return undefined;
  const restore = child(node, NS.rgp, "restore");
  if (!restore) syntax("rgp:update needs rgp:restore.");
  if (restore.attrs.op === "request") return { op: "request" };
  if (restore.attrs.op !== "report") syntax("rgp:restore op must be request or report.");
  const r = child(restore, NS.rgp, "report");
  if (!r) syntax("A restore report needs rgp:report.");
  return {
    op: "report",
    report: {
      preData: reqText(r, NS.rgp, "preData"),
      postData: reqText(r, NS.rgp, "postData"),
      delTime: reqText(r, NS.rgp, "delTime"),
      resTime: reqText(r, NS.rgp, "resTime"),
      resReason: reqText(r, NS.rgp, "resReason"),
      statements: texts(r, NS.rgp, "statement"),
      other: optText(r, NS.rgp, "other"),
    },
  };
}
