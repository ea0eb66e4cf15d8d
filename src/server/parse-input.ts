/** Parses service input with zod; a failure becomes INVALID_INPUT with one message per field. */
import type { z } from "zod";
import { AppError } from "@/server/errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fields[key] ??= issue.message;
  }
  throw new AppError("INVALID_INPUT", undefined, { fields });
}
