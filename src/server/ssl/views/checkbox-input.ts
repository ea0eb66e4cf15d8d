/** A form checkbox as a boolean: browsers post "on" (or the value) when ticked and nothing when not. */
import { z } from "zod";

export const checkboxInput = z.preprocess(
  (v) => (typeof v === "boolean" ? v : v === "on" || v === "true" || v === "1"),
  z.boolean(),
);
