/**
 * The registry port. Adapters implement one `execute(op, input)` per operation; `bindPort` turns
 * that into the named methods the service layer calls, so both adapters expose exactly one shape.
 */
import type * as T from "./types";

export interface Operations {
  checkDomains: { input: { names: string[]; years?: number }; output: T.DomainCheck[] };
  claimsCheck: { input: { names: string[]; anyPhase?: boolean }; output: T.ClaimsCheck[] };
  createDomain: { input: T.CreateDomainInput; output: T.DomainCreated };
  infoDomain: {
    input: {
      name: string;
      authInfo?: string;
      hosts?: "all" | "del" | "sub" | "none";
      applicationId?: string;
      phase?: T.LaunchPhase;
    };
    output: T.DomainInfo;
  };
  // RFC 5731 makes renData's exDate optional: a registry may leave the new expiry to an info.
  renewDomain: { input: T.RenewDomainInput; output: { name: string; expiresAt?: string; fee?: T.FeeSummary } };
  transferDomain: {
    input: {
      op: "request" | "query" | "approve" | "reject" | "cancel";
      name: string;
      authInfo?: string;
      years?: number;
      fee?: T.Money;
    };
    output: T.TransferInfo;
  };
  updateDomain: { input: T.UpdateDomainInput; output: null };
  deleteDomain: {
    input: { name: string; applicationId?: string; phase?: T.LaunchPhase };
    output: { pending: boolean; credits: T.Money[] };
  };
  restoreDomain: { input: { name: string; fee?: T.Money }; output: { rgpStatus?: string } };
  reportRestore: { input: { name: string; report: T.RestoreReport }; output: null };
  checkHosts: { input: { names: string[] }; output: T.ObjectCheck[] };
  createHost: { input: { name: string; addresses?: string[] }; output: { name: string; createdAt: string } };
  infoHost: { input: { name: string }; output: T.HostInfo };
  updateHost: { input: T.UpdateHostInput; output: null };
  deleteHost: { input: { name: string }; output: null };
  checkContacts: { input: { ids: string[] }; output: T.ObjectCheck[] };
  createContact: { input: T.ContactInput; output: { id: string; createdAt: string } };
  infoContact: { input: { id: string; authInfo?: string }; output: T.ContactInfo };
  updateContact: { input: T.UpdateContactInput; output: null };
  deleteContact: { input: { id: string }; output: null };
  pollRequest: { input: Record<string, never>; output: T.PollMessage | null };
  pollAck: { input: { id: string }; output: { remaining: number } };
}

export type OperationName = keyof Operations;
export type OpInput<K extends OperationName> = Operations[K]["input"];
export type OpOutput<K extends OperationName> = Operations[K]["output"];

export interface RegistryExecutor {
  execute<K extends OperationName>(op: K, input: OpInput<K>): Promise<T.EppResult<OpOutput<K>>>;
  close(): Promise<void>;
}

type Methods = { [K in OperationName]: (input: OpInput<K>) => Promise<T.EppResult<OpOutput<K>>> };

export interface RegistryPort extends Methods {
  close(): Promise<void>;
}

const NAMES: OperationName[] = [
  "checkDomains",
  "claimsCheck",
  "createDomain",
  "infoDomain",
  "renewDomain",
  "transferDomain",
  "updateDomain",
  "deleteDomain",
  "restoreDomain",
  "reportRestore",
  "checkHosts",
  "createHost",
  "infoHost",
  "updateHost",
  "deleteHost",
  "checkContacts",
  "createContact",
  "infoContact",
  "updateContact",
  "deleteContact",
  "pollRequest",
  "pollAck",
];

export function bindPort(executor: RegistryExecutor): RegistryPort {
  const methods = Object.fromEntries(
    NAMES.map((name) => [name, (input: never) => executor.execute(name, input)]),
  ) as unknown as Methods;
  return { ...methods, close: () => executor.close() };
}
