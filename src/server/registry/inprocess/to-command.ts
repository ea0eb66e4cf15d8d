/** Port inputs as commands of the mock registry's command layer (no XML in between). */
import type { Command, LaunchCreate } from "@/mock-registry";
import type { OperationName, OpInput } from "../core/port";
import type { CreateDomainInput, Money, UpdateDomainInput } from "../core/types";

const FEE_COMMANDS = ["create", "renew", "transfer", "restore"] as const;

const years = (y: number | undefined) => (y === undefined ? undefined : { value: y, unit: "y" as const });
const fee = (m: Money | undefined) => (m ? { currency: m.currency, amount: m.amount } : undefined);
const ipVersion = (addr: string) => (addr.includes(":") ? ("v6" as const) : ("v4" as const));

function launch(input: CreateDomainInput): LaunchCreate | undefined {
  const l = input.launch;
  if (!l) return undefined;
  if (l.phase === "sunrise")
    return {
      phase: { phase: "sunrise" },
      type: l.application ? "application" : "registration",
      encodedSignedMarks: [l.encodedSignedMark],
      notices: [],
    };
  return {
    phase: { phase: l.phase },
    type: l.phase === "landrush" ? "application" : "registration",
    encodedSignedMarks: [],
    notices: l.notice ? [l.notice] : [],
  };
}

function domainUpdate(u: UpdateDomainInput): Extract<Command, { type: "domain:update" }> {
  return {
    type: "domain:update",
    name: u.name,
    add: { ns: u.add?.nameservers ?? [], contacts: u.add?.contacts ?? [], statuses: u.add?.statuses ?? [] },
    rem: { ns: u.remove?.nameservers ?? [], contacts: u.remove?.contacts ?? [], statuses: u.remove?.statuses ?? [] },
    chg: { registrant: u.registrant, authInfo: u.authInfo },
    secDns: u.ds ? { remAll: u.ds.removeAll, rem: u.ds.remove ?? [], add: u.ds.add ?? [] } : undefined,
  };
}

const emptyUpdate = (name: string) => ({
  name,
  add: { ns: [], contacts: [], statuses: [] },
  rem: { ns: [], contacts: [], statuses: [] },
  chg: {},
});

export function toCommand<K extends OperationName>(op: K, raw: OpInput<K>): Command {
  switch (op) {
    case "checkDomains": {
      const i = raw as OpInput<"checkDomains">;
      return {
        type: "domain:check",
        names: i.names,
        fee: {
          currency: "USD",
          commands: FEE_COMMANDS.map((name) => ({ name, period: years(name === "create" ? (i.years ?? 1) : 1) })),
        },
      };
    }
    case "claimsCheck": {
      const i = raw as OpInput<"claimsCheck">;
      return { type: "domain:check", names: i.names, launch: { form: i.anyPhase ? "trademark" : "claims" } };
    }
    case "createDomain": {
      const i = raw as OpInput<"createDomain">;
      return {
        type: "domain:create",
        name: i.name,
        period: years(i.years),
        ns: i.nameservers ?? [],
        registrant: i.registrant,
        contacts: i.contacts ?? [],
        authInfo: i.authInfo,
        ds: i.ds,
        fee: fee(i.fee),
        launch: launch(i),
      };
    }
    case "infoDomain": {
      const i = raw as OpInput<"infoDomain">;
      const l = i.applicationId
        ? { phase: { phase: i.phase ?? "landrush" }, applicationId: i.applicationId }
        : undefined;
      return { type: "domain:info", name: i.name, authInfo: i.authInfo, hosts: i.hosts, launch: l };
    }
    case "renewDomain": {
      const i = raw as OpInput<"renewDomain">;
      return {
        type: "domain:renew",
        name: i.name,
        curExpDate: i.currentExpiry.slice(0, 10),
        period: years(i.years),
        fee: fee(i.fee),
      };
    }
    case "transferDomain": {
      const i = raw as OpInput<"transferDomain">;
      return {
        type: "domain:transfer",
        op: i.op,
        name: i.name,
        authInfo: i.authInfo,
        period: years(i.years),
        fee: fee(i.fee),
      };
    }
    case "updateDomain":
      return domainUpdate(raw as OpInput<"updateDomain">);
    case "deleteDomain": {
      const i = raw as OpInput<"deleteDomain">;
      return {
        type: "domain:delete",
        name: i.name,
        launch: i.applicationId
          ? { phase: { phase: i.phase ?? "landrush" }, applicationId: i.applicationId }
          : undefined,
      };
    }
    case "restoreDomain": {
      const i = raw as OpInput<"restoreDomain">;
      return { type: "domain:update", ...emptyUpdate(i.name), restore: { op: "request" }, fee: fee(i.fee) };
    }
    case "reportRestore": {
      const { name, report: r } = raw as OpInput<"reportRestore">;
      const report = {
        preData: r.preData,
        postData: r.postData,
        delTime: r.deletedAt,
        resTime: r.restoredAt,
        resReason: r.reason,
        statements: [...r.statements],
        other: r.other,
      };
      return { type: "domain:update", ...emptyUpdate(name), restore: { op: "report", report } };
    }
    case "checkHosts":
      return { type: "host:check", names: (raw as OpInput<"checkHosts">).names };
    case "createHost": {
      const i = raw as OpInput<"createHost">;
      return {
        type: "host:create",
        name: i.name,
        addrs: (i.addresses ?? []).map((addr) => ({ ip: ipVersion(addr), addr })),
      };
    }
    case "infoHost":
      return { type: "host:info", name: (raw as OpInput<"infoHost">).name };
    case "updateHost": {
      const i = raw as OpInput<"updateHost">;
      const addrs = (xs: string[] | undefined) => (xs ?? []).map((addr) => ({ ip: ipVersion(addr), addr }));
      return {
        type: "host:update",
        name: i.name,
        add: { addrs: addrs(i.add?.addresses), statuses: i.add?.statuses ?? [] },
        rem: { addrs: addrs(i.remove?.addresses), statuses: i.remove?.statuses ?? [] },
        newName: i.newName,
      };
    }
    case "deleteHost":
      return { type: "host:delete", name: (raw as OpInput<"deleteHost">).name };
    case "checkContacts":
      return { type: "contact:check", ids: (raw as OpInput<"checkContacts">).ids };
    case "createContact": {
      const i = raw as OpInput<"createContact">;
      return {
        type: "contact:create",
        id: i.id,
        postalInfo: i.postal,
        voice: i.voice,
        fax: i.fax,
        email: i.email,
        authInfo: i.authInfo,
      };
    }
    case "infoContact": {
      const i = raw as OpInput<"infoContact">;
      return { type: "contact:info", id: i.id, authInfo: i.authInfo };
    }
    case "updateContact": {
      const i = raw as OpInput<"updateContact">;
      const c = i.change ?? {};
      return {
        type: "contact:update",
        id: i.id,
        add: { statuses: i.add?.statuses ?? [] },
        rem: { statuses: i.remove?.statuses ?? [] },
        chg: { postalInfo: c.postal, voice: c.voice, fax: c.fax, email: c.email, authInfo: c.authInfo },
      };
    }
    case "deleteContact":
      return { type: "contact:delete", id: (raw as OpInput<"deleteContact">).id };
    case "pollRequest":
      return { type: "poll", op: "req" };
    case "pollAck":
      return { type: "poll", op: "ack", msgId: (raw as OpInput<"pollAck">).id };
    default:
      throw new Error(`Unknown registry operation ${String(op)}`);
  }
}
