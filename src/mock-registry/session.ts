/**
 * One EPP session: login state, declared services, and the per-command pipeline (faults, due
 * lifecycle events, the handler, persistence). Commands run one at a time per session.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { handlers, type HandlerResult } from "./commands/dispatch";
import { EXT_URIS, OBJ_URIS } from "./config/services";
import type { Command, LoginRequest } from "./model/commands";
import type { Outcome, RegistryResponse } from "./model/responses";
import { RegistryError, RESULT_TEXT, closesSession, type ResultCode } from "./model/result-codes";
import type { MockRegistry } from "./registry";

const BOOT = randomBytes(3).toString("hex").toUpperCase();
let trCounter = 0;
const nextTrid = () => `MR${BOOT}-${++trCounter}`;
const MAX_LOGIN_FAILURES = 3;

export interface CommandMeta {
  clTRID?: string;
  /** Extension namespaces the command uses; each must have been declared at login. */
  extensions?: string[];
}

export class RegistrySession {
  clID?: string;
  private declaredExt = new Set<string>();
  private loginFailures = 0;
  private closed = false;

  constructor(private readonly reg: MockRegistry) {}

  get loggedIn(): boolean {
    return this.clID !== undefined;
  }

  private reply(
    code: ResultCode,
    meta: CommandMeta,
    result: Partial<RegistryResponse> = {},
    svTRID = nextTrid(),
  ): Outcome {
    const response: RegistryResponse = { code, message: RESULT_TEXT[code], ...result, clTRID: meta.clTRID, svTRID };
    return { response, delivery: "respond", closeSession: closesSession(code) };
  }

  private error(e: RegistryError, meta: CommandMeta): Outcome {
    return this.reply(e.code, meta, { message: e.message, value: e.value });
  }

  login(req: LoginRequest, meta: CommandMeta = {}): Outcome {
    try {
      if (this.loggedIn) throw new RegistryError(2002, "Registrar is already logged in.");
      // RFC 5730 pwType: 6 to 16 characters; a new password outside that is never stored.
      if (req.newPw !== undefined && (req.newPw.length < 6 || req.newPw.length > 16))
        throw new RegistryError(2005, "The new password must be 6 to 16 characters.");
      if (req.version !== "1.0") throw new RegistryError(2100, "Specified protocol version is not implemented.");
      if (req.lang !== "en") throw new RegistryError(2306, "Specified language is not supported.");
      const badObj = req.objURIs.find((u) => !OBJ_URIS.includes(u));
      if (badObj) throw new RegistryError(2307, "Specified object service is not implemented.", badObj);
      const badExt = req.extURIs.find((u) => !EXT_URIS.includes(u));
      if (badExt) throw new RegistryError(2103, "Specified extension is not implemented.", badExt);
      const account = this.reg.accounts.get(req.clID);
      const stored = this.reg.store.accounts.get(req.clID);
      if (!account || !stored) return this.loginFailed(meta, "Registrar with this ID could not be found.");
      if ((stored.password ?? account.password) !== req.pw)
        return this.loginFailed(meta, "Registrar password is incorrect.");
      if (!this.reg.acquireSessionSlot(req.clID)) {
        return this.reply(2502, meta, { message: "Registrar has reached its limit of concurrent sessions." });
      }
      if (req.newPw) {
        stored.password = req.newPw;
        this.reg.store.accounts.put(req.clID, stored);
        this.reg.flush();
      }
      this.clID = req.clID;
      this.declaredExt = new Set(req.extURIs);
      return this.reply(1000, meta);
    } catch (e) {
      if (e instanceof RegistryError) return this.error(e, meta);
      throw e;
    }
  }

  private loginFailed(meta: CommandMeta, message: string): Outcome {
    this.loginFailures += 1;
    if (this.loginFailures >= MAX_LOGIN_FAILURES)
      return this.reply(2501, meta, { message: "Registrar login failed too many times." });
    return this.reply(2200, meta, { message });
  }

  logout(meta: CommandMeta = {}): Outcome {
    if (!this.loggedIn) return this.reply(2002, meta, { message: "Registrar is not logged in." });
    this.close();
    return { ...this.reply(1500, meta), closeSession: true };
  }

  /** Frees the session slot; the transport calls it when the connection ends for any reason. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.clID) this.reg.releaseSessionSlot(this.clID);
  }

  async execute(cmd: Command, meta: CommandMeta = {}): Promise<Outcome> {
    if (!this.clID) return this.reply(2002, meta, { message: "Registrar is not logged in." });
    const clID = this.clID;
    const undeclared = (meta.extensions ?? []).find((u) => !this.declaredExt.has(u));
    if (undeclared)
      return this.reply(2002, meta, { message: "Service extension(s) must be declared at login.", value: undeclared });
    const tld = scopeOf(cmd, this.reg);
    const faults = this.reg.faults;
    const spec = faults.effective(tld);
    if (faults.overRate(clID, tld, spec.rateLimitPerSecond, this.reg.now())) {
      return this.reply(2400, meta, { message: "Command failed; registrar exceeded its rate limit." });
    }
    if (spec.latencyMs && (spec.latencyChance === undefined || faults.roll(spec.latencyChance)))
      await sleep(spec.latencyMs);
    if (faults.roll(spec.dropConnection)) return { ...this.reply(2500, meta), delivery: "drop", closeSession: true };
    if (faults.roll(spec.sessionLimitExceeded))
      return this.reply(2502, meta, { message: "Session limit exceeded; server closing connection." });
    if (faults.roll(spec.commandFailed))
      return this.reply(2400, meta, { message: "Command failed; registry backend unavailable." });
    const outcome = this.run(cmd, clID, meta);
    if (faults.roll(spec.timeoutAfterCommit)) return { ...outcome, delivery: "withhold" };
    return outcome;
  }

  private run(cmd: Command, clID: string, meta: CommandMeta): Outcome {
    this.reg.catchUp();
    const svTRID = nextTrid();
    try {
      const handler = handlers[cmd.type] as (c: Command, ctx: HandlerContext) => HandlerResult;
      const result = handler(cmd, { reg: this.reg, clID, now: this.reg.now(), clTRID: meta.clTRID, svTRID });
      const code = result.code ?? 1000;
      return this.reply(
        code,
        meta,
        { message: result.message ?? RESULT_TEXT[code], data: result.data, msgQ: result.msgQ },
        svTRID,
      );
    } catch (e) {
      if (e instanceof RegistryError) return this.reply(e.code, meta, { message: e.message, value: e.value }, svTRID);
      throw e;
    } finally {
      this.reg.flush();
    }
  }
}

export interface HandlerContext {
  reg: MockRegistry;
  clID: string;
  now: number;
  clTRID?: string;
  svTRID: string;
}

/** The TLD a command touches, for per-TLD faults. */
function scopeOf(cmd: Command, reg: MockRegistry): string | undefined {
  if ("name" in cmd) return reg.tldOf(cmd.name);
  if (cmd.type === "domain:check" || cmd.type === "host:check")
    return cmd.names[0] ? reg.tldOf(cmd.names[0]) : undefined;
  return undefined;
}
