/**
 * One registry command about a domain, the way services send them: the process's port for the name,
 * the outcome recorded in the domain's history whatever it is, a refusal turned into a
 * `RegistryRefusal` (the registry's answer in words, its code kept) and no answer into
 * REGISTRY_UNAVAILABLE. The operation is the port's method, so what is recorded is what was sent.
 */
import type { ActorContext } from "@/server/context";
import type { EppResult, OperationName, OpInput, OpOutput } from "@/server/registry";
import type { WriteOptions } from "./record-operation";
import { registryAppError } from "./refusal";
import { describeRegistryResult } from "./result-words";
import { getRegistry } from "./router";
import { sendRecorded } from "./send-recorded";

export type OperationSubject = { id: string | null; name: string; resellerId: string };

export type CallOptions = WriteOptions & {
  orderItemId?: string;
  /** What to record instead of the command's input (for example a contact's handle, not its details). */
  detail?: unknown;
};

export type RegistryAnswer<T> = EppResult<T> & { words: string };

export async function callRegistry<K extends OperationName>(
  ctx: ActorContext,
  domain: OperationSubject,
  operation: K,
  input: OpInput<K>,
  opts: CallOptions = {},
): Promise<RegistryAnswer<OpOutput<K>>> {
  const port = (await getRegistry()).forDomain(domain.name);
  try {
    const r = await sendRecorded(
      port,
      operation,
      input,
      {
        resellerId: domain.resellerId,
        domainName: domain.name,
        domainId: domain.id,
        actor: ctx,
        orderItemId: opts.orderItemId,
        detail: opts.detail,
      },
      { tx: opts.tx },
    );
    return { ...r, words: describeRegistryResult(r.code, r.message) };
  } catch (e) {
    throw registryAppError(e);
  }
}
