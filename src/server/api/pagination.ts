/** Opaque cursors: base64url JSON, so clients never build them and we can change what they hold. */
import { z } from "zod";
import { AppError } from "@/server/errors";

export const pageQuery = {
  cursor: z.string().max(500).optional().describe("The `next` value of the previous page."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export function encodeCursor(value: Record<string, string>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(schema: T, cursor: string | undefined): z.output<T> | null {
  if (!cursor) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the same answer as a cursor of the wrong shape.
  }
  throw new AppError("INVALID_INPUT", "That cursor is not one we gave out.", { fields: { cursor: "Unknown cursor." } });
}
