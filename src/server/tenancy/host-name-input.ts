/** A custom host name as typed, normalised and checked against DNS naming rules. */
import { z } from "zod";
import { hostNameProblem, normalizeHost } from "@/lib/host-names";

export const customHostInput = z
  .string()
  .max(260, "A host name is at most 253 characters long.")
  .transform(normalizeHost)
  .superRefine((v, c) => {
    const problem = hostNameProblem(v);
    if (problem) c.addIssue({ code: "custom", message: problem });
  });
