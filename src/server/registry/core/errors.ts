/** Failures from a registry: an EPP error result, or the transport failing around a command. */

export class EppError extends Error {
  constructor(
    readonly code: number,
    readonly eppMessage: string,
    readonly detail: { value?: string; clTRID?: string; svTRID?: string; operation?: string } = {},
  ) {
    super(`EPP ${code}: ${eppMessage}${detail.value ? ` (${detail.value})` : ""}`);
    this.name = "EppError";
  }

  /** 2400 and 25xx say nothing about the object; the same command may succeed later. */
  get retryable(): boolean {
    return this.code === 2400 || (this.code >= 2500 && this.code < 2600);
  }
}

export type TransportFailure = "timeout" | "connection" | "protocol";

export class RegistryTransportError extends Error {
  constructor(
    readonly kind: TransportFailure,
    message: string,
    /** After a timeout the command may have taken effect: ask the registry (info) before retrying. */
    readonly mayHaveTakenEffect: boolean,
  ) {
    super(message);
    this.name = "RegistryTransportError";
  }
}
