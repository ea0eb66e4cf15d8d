/**
 * Sends one command and records its outcome, answer or failure, before handing either back. Both ways
 * into the registry (`callRegistry` and the recording ports) go through here, so they record alike.
 */
import type { EppResult, OperationName, OpInput, OpOutput, RegistryPort } from "@/server/registry";
import {
  answered,
  failed,
  isRecorded,
  recordOperation,
  type OperationRecord,
  type WriteOptions,
} from "./record-operation";

/** Who sent the command and about what; `detail` defaults to the command's input. */
export type About = Omit<OperationRecord, "operation" | "code" | "message" | "svTRID" | "clTRID">;

export async function sendRecorded<K extends OperationName>(
  port: RegistryPort,
  operation: K,
  input: OpInput<K>,
  about: About,
  opts: WriteOptions = {},
): Promise<EppResult<OpOutput<K>>> {
  const send = () => (port[operation] as (i: OpInput<K>) => Promise<EppResult<OpOutput<K>>>).call(port, input);
  if (!isRecorded(operation)) return send();
  const base = { ...about, operation, detail: about.detail === undefined ? input : about.detail };
  let result: EppResult<OpOutput<K>>;
  try {
    result = await send();
  } catch (e) {
    const outcome = failed(e);
    if (outcome) await recordOperation({ ...base, ...outcome }, opts);
    throw e;
  }
  await recordOperation({ ...base, ...answered(result) }, opts);
  return result;
}
