import type { FeeCheckItem, FeeTransformResult, LaunchInfo, PhaseRef, TransferData } from "./commands";
import type { ContactLink, DsData, HostAddr, PostalInfo } from "./records";
import type { ResultCode } from "./result-codes";

export type ResponseData =
  | {
      kind: "domain:chk";
      items: { name: string; avail: boolean; reason?: string }[];
      fee?: { currency: string; items: FeeCheckItem[] };
    }
  | { kind: "launch:chk"; phase: PhaseRef; items: { name: string; exists: boolean; claimKey?: string }[] }
  | {
      kind: "domain:inf";
      name: string;
      roid: string;
      statuses: string[];
      registrant?: string;
      contacts: ContactLink[];
      ns?: string[];
      hosts: string[];
      clID: string;
      crID?: string;
      crDate?: number;
      upID?: string;
      upDate?: number;
      exDate?: number;
      trDate?: number;
      authInfo?: string;
      rgp: string[];
      ds: DsData[];
      launch?: LaunchInfo;
    }
  | { kind: "domain:cre"; name: string; crDate: number; exDate?: number; fee?: FeeTransformResult; launch?: LaunchInfo }
  | { kind: "domain:ren"; name: string; exDate: number; fee?: FeeTransformResult }
  | ({ kind: "domain:trn"; fee?: FeeTransformResult } & TransferData)
  | { kind: "domain:pan"; name: string; ok: boolean; clTRID?: string; svTRID: string; paDate: number }
  | { kind: "domain:upd"; rgp?: "pendingRestore"; fee?: FeeTransformResult }
  | { kind: "domain:del"; fee?: FeeTransformResult }
  | { kind: "host:chk"; items: { name: string; avail: boolean; reason?: string }[] }
  | {
      kind: "host:inf";
      name: string;
      roid: string;
      statuses: string[];
      addrs: HostAddr[];
      clID: string;
      crID: string;
      crDate: number;
      upID?: string;
      upDate?: number;
      trDate?: number;
    }
  | { kind: "host:cre"; name: string; crDate: number }
  | { kind: "contact:chk"; items: { id: string; avail: boolean; reason?: string }[] }
  | {
      kind: "contact:inf";
      id: string;
      roid: string;
      statuses: string[];
      postalInfo: PostalInfo[];
      voice?: string;
      fax?: string;
      email: string;
      clID: string;
      crID: string;
      crDate: number;
      upID?: string;
      upDate?: number;
      authInfo?: string;
    }
  | { kind: "contact:cre"; id: string; crDate: number };

export interface MessageQueue {
  count: number;
  id?: string;
  qDate?: number;
  msg?: string;
}

export interface RegistryResponse {
  code: ResultCode;
  /** The registry's own wording (Nomulus messages), not just the RFC text. */
  message: string;
  value?: string;
  data?: ResponseData;
  msgQ?: MessageQueue;
  clTRID?: string;
  svTRID: string;
}

/**
 * What the transport must do with a response. Faults make the registry withhold a response after the
 * command took effect, or drop the connection before it did.
 */
export type Delivery = "respond" | "withhold" | "drop";

export interface Outcome {
  response: RegistryResponse;
  delivery: Delivery;
  closeSession: boolean;
}
