import type { Command, CommandType } from "../model/commands";
import type { MessageQueue, ResponseData } from "../model/responses";
import type { HandlerContext } from "../session";
import { contactCheck, contactCreate, contactDelete, contactInfo, contactUpdate } from "./contact";
import { domainCheck } from "./domain-check";
import { domainCreate } from "./domain-create";
import { domainDelete } from "./domain-delete";
import { domainInfo } from "./domain-info";
import { domainRenew } from "./domain-renew";
import { domainTransfer } from "./domain-transfer";
import { domainUpdate } from "./domain-update";
import { hostCheck, hostCreate, hostDelete, hostInfo, hostUpdate } from "./host";
import { poll } from "./poll";

export interface HandlerResult {
  code?: 1000 | 1001 | 1300 | 1301;
  message?: string;
  data?: ResponseData;
  msgQ?: MessageQueue;
}

type Handlers = { [K in CommandType]: (cmd: Extract<Command, { type: K }>, ctx: HandlerContext) => HandlerResult };

export const handlers: Handlers = {
  "domain:check": domainCheck,
  "domain:info": domainInfo,
  "domain:create": domainCreate,
  "domain:renew": domainRenew,
  "domain:transfer": domainTransfer,
  "domain:update": domainUpdate,
  "domain:delete": domainDelete,
  "host:check": hostCheck,
  "host:info": hostInfo,
  "host:create": hostCreate,
  "host:update": hostUpdate,
  "host:delete": hostDelete,
  "contact:check": contactCheck,
  "contact:info": contactInfo,
  "contact:create": contactCreate,
  "contact:update": contactUpdate,
  "contact:delete": contactDelete,
  poll,
};
