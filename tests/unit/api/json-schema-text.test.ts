import { describe, expect, it } from "vitest";
import { schemaText } from "@/lib/json-schema-text";

describe("schemaText", () => {
  it("writes objects, optional fields with defaults, arrays, enums, nullables and references", () => {
    expect(
      schemaText({
        type: "object",
        required: ["name", "tags"],
        properties: {
          name: { type: "string" },
          privacy: { type: "boolean", default: false },
          tags: { type: "array", items: { enum: ["a", "b"] } },
          expires: { anyOf: [{ type: "string" }, { type: "null" }] },
          problem: { $ref: "#/components/schemas/Problem" },
        },
      }),
    ).toBe(
      [
        "{",
        "  name: string",
        "  privacy?: boolean = false",
        '  tags: ("a" | "b")[]',
        "  expires?: string | null",
        "  problem?: Problem",
        "}",
      ].join("\n"),
    );
  });

  it("writes records and unknown schemas without failing", () => {
    expect(schemaText({ type: "object", additionalProperties: { type: "integer" } })).toBe(
      "{ [key: string]: integer }",
    );
    expect(schemaText({})).toBe("unknown");
  });
});
