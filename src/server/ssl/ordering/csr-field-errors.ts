/**
 * The CSR checks name their field `csr` (the API's word); the pages' forms post it as `csrPem`.
 * Renaming the field of a refusal lets the form put the message under the textarea it belongs to.
 */
import { AppError, isAppError } from "@/server/errors";

export async function withCsrFieldErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!isAppError(e) || !e.fields?.csr) throw e;
    const { csr, ...rest } = e.fields;
    throw new AppError(e.code, e.userMessage, { fields: { ...rest, csrPem: csr }, cause: e });
  }
}
