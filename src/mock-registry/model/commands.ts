/**
 * The registry's command layer speaks this XML-free model. The EPP server decodes frames into it,
 * and the platform's in-process adapter calls it directly, so both paths share every rule.
 */
import type { ContactLink, DsData, HostAddr, LaunchPhase, PostalInfo, TransferStatus } from "./records";

export interface Period {
  value: number;
  unit: "y" | "m";
}

/** Fee the client agrees to pay (RFC 8748 transform command), in minor units. */
export interface FeeAck {
  currency: string;
  amount: number;
}

/** The commands this registry bills for. */
export type FeeCommandName = "create" | "renew" | "transfer" | "restore";
/** Every command a client may ask the price of (RFC 8748 commandEnum). */
export type FeeCheckCommandName = FeeCommandName | "update" | "delete" | "custom";

export interface FeeCheckRequest {
  currency?: string;
  commands: { name: FeeCheckCommandName; customName?: string; period?: Period }[];
}

export interface PhaseRef {
  phase: LaunchPhase;
  name?: string;
}

export interface ClaimsNotice {
  noticeId: string;
  validatorId?: string;
  notAfter: string;
  acceptedDate: string;
}

export interface LaunchCreate {
  phase: PhaseRef;
  type?: "application" | "registration";
  encodedSignedMarks: string[];
  notices: ClaimsNotice[];
}

export interface RestoreReport {
  preData: string;
  postData: string;
  delTime: string;
  resTime: string;
  resReason: string;
  statements: string[];
  other?: string;
}

export interface SecDnsUpdate {
  remAll?: boolean;
  rem: DsData[];
  add: DsData[];
  maxSigLife?: number;
  urgent?: boolean;
  keyData?: boolean;
}

/**
 * A postalInfo in contact:update (RFC 5733 chgPostalInfoType): name, org and address are each optional.
 * Any address field given replaces the whole address.
 */
export type PostalInfoChange = Pick<PostalInfo, "type"> & Partial<Omit<PostalInfo, "type">>;

export type TransferOp = "request" | "query" | "approve" | "reject" | "cancel";

export type Command =
  | {
      type: "domain:check";
      names: string[];
      fee?: FeeCheckRequest;
      launch?: { form: "avail" | "claims" | "trademark"; phase?: PhaseRef };
    }
  | {
      type: "domain:info";
      name: string;
      authInfo?: string;
      hosts?: "all" | "del" | "sub" | "none";
      launch?: { phase: PhaseRef; applicationId?: string };
    }
  | {
      type: "domain:create";
      name: string;
      period?: Period;
      ns: string[];
      registrant?: string;
      contacts: ContactLink[];
      authInfo: string;
      ds?: DsData[];
      maxSigLife?: number;
      keyData?: boolean;
      fee?: FeeAck;
      launch?: LaunchCreate;
    }
  | { type: "domain:renew"; name: string; curExpDate: string; period?: Period; fee?: FeeAck }
  | { type: "domain:transfer"; op: TransferOp; name: string; authInfo?: string; period?: Period; fee?: FeeAck }
  | {
      type: "domain:update";
      name: string;
      add: { ns: string[]; contacts: ContactLink[]; statuses: string[] };
      rem: { ns: string[]; contacts: ContactLink[]; statuses: string[] };
      chg: { registrant?: string; authInfo?: string };
      secDns?: SecDnsUpdate;
      restore?: { op: "request" } | { op: "report"; report: RestoreReport };
      fee?: FeeAck;
    }
  | { type: "domain:delete"; name: string; launch?: { phase: PhaseRef; applicationId: string } }
  | { type: "host:check"; names: string[] }
  | { type: "host:info"; name: string }
  | { type: "host:create"; name: string; addrs: HostAddr[] }
  | {
      type: "host:update";
      name: string;
      add: { addrs: HostAddr[]; statuses: string[] };
      rem: { addrs: HostAddr[]; statuses: string[] };
      newName?: string;
    }
  | { type: "host:delete"; name: string }
  | { type: "contact:check"; ids: string[] }
  | { type: "contact:info"; id: string; authInfo?: string }
  | {
      type: "contact:create";
      id: string;
      postalInfo: PostalInfo[];
      voice?: string;
      fax?: string;
      email: string;
      authInfo: string;
    }
  | {
      type: "contact:update";
      id: string;
      add: { statuses: string[] };
      rem: { statuses: string[] };
      chg: { postalInfo?: PostalInfoChange[]; voice?: string; fax?: string; email?: string; authInfo?: string };
    }
  | { type: "contact:delete"; id: string }
  | { type: "poll"; op: "req" }
  | { type: "poll"; op: "ack"; msgId?: string };

export type CommandType = Command["type"];

export interface LoginRequest {
  clID: string;
  pw: string;
  newPw?: string;
  version: string;
  lang: string;
  objURIs: string[];
  extURIs: string[];
}

/** Amount in minor units; the wire shows it as a decimal in the currency's scale. */
export interface FeeLine {
  description: string;
  amount: number;
  refundable?: boolean;
  gracePeriodDays?: number;
}

export interface FeeCommandResult {
  name: FeeCheckCommandName;
  customName?: string;
  /** Absent for commands that do not run for a period (update, delete). */
  period?: Period;
  standard: boolean;
  phase?: string;
  fees: FeeLine[];
  reason?: string;
}

export interface FeeCheckItem {
  name: string;
  avail: boolean;
  feeClass?: string;
  commands: FeeCommandResult[];
  reason?: string;
}

export interface FeeTransformResult {
  currency: string;
  fees: FeeLine[];
  credits: FeeLine[];
  balance: number;
  creditLimit: number;
}

export interface TransferData {
  name: string;
  trStatus: TransferStatus;
  reID: string;
  reDate: number;
  acID: string;
  acDate: number;
  exDate?: number;
}

export interface LaunchInfo {
  phase: PhaseRef;
  applicationId?: string;
  status?: string;
  /** The status element's free text (RFC 8334 statusType is a string): an auction's clearing price. */
  statusText?: string;
}
