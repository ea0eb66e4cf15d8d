/** Message queue (RFC 5730 §2.9.2.3): oldest message first, removed when acknowledged. */
import type { Command } from "../model/commands";
import type { PollRecord } from "../model/records";
import type { ResponseData } from "../model/responses";
import { fail } from "../model/result-codes";
import type { HandlerContext } from "../session";
import type { HandlerResult } from "./dispatch";

type Poll = Extract<Command, { type: "poll" }>;

function queue(ctx: HandlerContext): PollRecord[] {
  const out: PollRecord[] = [];
  for (const p of ctx.reg.store.polls.values()) if (p.clID === ctx.clID && p.qDate <= ctx.now) out.push(p);
  return out.sort((a, b) => a.qDate - b.qDate || Number(a.id) - Number(b.id));
}

function payloadData(p: PollRecord): ResponseData | undefined {
  const pl = p.payload;
  if (!pl) return undefined;
  if (pl.kind === "renew") return { kind: "domain:ren", name: pl.name, exDate: pl.exDate };
  if (pl.kind === "pendingAction") {
    return { kind: "domain:pan", name: pl.name, ok: pl.ok, clTRID: pl.clTRID, svTRID: pl.svTRID, paDate: pl.at };
  }
  const t = pl.transfer;
  return {
    kind: "domain:trn",
    name: pl.name,
    trStatus: t.status,
    reID: t.reID,
    reDate: t.reDate,
    acID: t.acID,
    acDate: t.acDate,
    exDate: t.exDate,
  };
}

export function poll(cmd: Poll, ctx: HandlerContext): HandlerResult {
  if (cmd.op === "req") {
    const q = queue(ctx);
    const first = q[0];
    if (!first) return { code: 1300 };
    return {
      code: 1301,
      msgQ: { count: q.length, id: first.id, qDate: first.qDate, msg: first.msg },
      data: payloadData(first),
    };
  }
  if (cmd.msgId === undefined || cmd.msgId === "") fail(2003, "Message id is required.");
  if (!/^\d+$/.test(cmd.msgId)) fail(2005, "Message id is invalid.", cmd.msgId);
  const msg = ctx.reg.store.polls.get(cmd.msgId);
  if (!msg || msg.qDate > ctx.now) fail(2303, "Message with this id does not exist.", cmd.msgId);
  if (msg.clID !== ctx.clID) fail(2201, "Registrar is not authorized to ack this message.", cmd.msgId);
  ctx.reg.store.polls.delete(cmd.msgId);
  return { msgQ: { count: queue(ctx).length, id: cmd.msgId } };
}
