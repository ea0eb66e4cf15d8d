import type { OperationName, OpInput } from "../core/port";
import * as Dm from "./requests-domain";
import * as Ob from "./requests-objects";
import type { RequestBody } from "./requests-domain";

const BUILDERS: { [K in OperationName]: (input: OpInput<K>) => RequestBody } = {
  checkDomains: Dm.domainCheck,
  claimsCheck: Dm.claimsCheck,
  createDomain: Dm.domainCreate,
  infoDomain: Dm.domainInfo,
  renewDomain: Dm.domainRenew,
  transferDomain: Dm.domainTransfer,
  updateDomain: Dm.domainUpdate,
  deleteDomain: Dm.domainDelete,
  restoreDomain: Dm.domainRestore,
  reportRestore: Dm.domainRestoreReport,
  checkHosts: Ob.hostCheck,
  createHost: Ob.hostCreate,
  infoHost: Ob.hostInfo,
  updateHost: Ob.hostUpdate,
  deleteHost: Ob.hostDelete,
  checkContacts: Ob.contactCheck,
  createContact: Ob.contactCreate,
  infoContact: Ob.contactInfo,
  updateContact: Ob.contactUpdate,
  deleteContact: Ob.contactDelete,
  pollRequest: Ob.pollRequest,
  pollAck: Ob.pollAck,
};

export function buildRequest<K extends OperationName>(op: K, input: OpInput<K>, clTRID: string): string {
  return Ob.commandFrame(BUILDERS[op](input), clTRID);
}
