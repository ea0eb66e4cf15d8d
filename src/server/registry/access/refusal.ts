/** Registry failures as the service layer's AppError, so actions show them as form results. */
import { AppError } from "@/server/errors";
import { EppError, RegistryTransportError } from "@/server/registry";
import { describeRegistryResult } from "./result-words";

/** An AppError that keeps the registry's code, so callers (bulk results, retries) can read it. */
export class RegistryRefusal extends AppError {
  constructor(
    readonly eppCode: number,
    readonly eppMessage: string,
    cause?: unknown,
  ) {
    super(
      eppCode === 2400 || eppCode >= 2500 ? "REGISTRY_UNAVAILABLE" : "REGISTRY_ERROR",
      describeRegistryResult(eppCode, eppMessage),
      { cause },
    );
  }
}

/** A refusal keeps its EPP code; no answer at all is REGISTRY_UNAVAILABLE; anything else is returned as is. */
export function registryAppError(e: unknown): unknown {
  if (e instanceof EppError) return new RegistryRefusal(e.code, e.eppMessage, e);
  if (e instanceof RegistryTransportError) return new AppError("REGISTRY_UNAVAILABLE", undefined, { cause: e });
  return e;
}
