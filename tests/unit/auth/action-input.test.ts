import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, keptValues, zodFieldErrors } from "@/server/action-input";

describe("action input mapping", () => {
  it("turns form fields into an object, dropping Next's own fields", () => {
    const f = new FormData();
    f.set("email", "a@b.test");
    f.set("$ACTION_ID_123", "");
    f.set("$ACTION_REF_1", "");
    expect(formDataToObject(f)).toEqual({ email: "a@b.test" });
  });

  it("collects repeated names and names ending in [] as lists", () => {
    const f = new FormData();
    f.append("tld", "com");
    f.append("tld", "net");
    f.append("only[]", "one");
    expect(formDataToObject(f)).toEqual({ tld: ["com", "net"], only: ["one"] });
  });

  it("drops an empty file input but keeps a chosen file", () => {
    const f = new FormData();
    f.set("logo", new File([], ""));
    f.set("doc", new File(["x"], "a.txt"));
    const out = formDataToObject(f);
    expect(out).not.toHaveProperty("logo");
    expect(out.doc).toBeInstanceOf(File);
  });

  it("passes plain objects through", () => {
    expect(formDataToObject({ a: 1 })).toEqual({ a: 1 });
  });

  it("keeps typed text but never passwords, tokens, auth codes or files", () => {
    expect(
      keptValues({
        email: "a@b.test",
        password: "x",
        confirmPassword: "x",
        token: "t",
        authCode: "c",
        code: "123456",
        logo: new File([], "a"),
        n: 3,
      }),
    ).toEqual({ email: "a@b.test" });
  });

  it("keeps ordinary fields whose names merely contain a secret-sounding word", () => {
    expect(keptValues({ postalCode: "10115", countryCode: "DE" })).toEqual({ postalCode: "10115", countryCode: "DE" });
  });

  it("reports the first problem of each field by dotted path, and form-wide problems under form", () => {
    const schema = z
      .object({ a: z.string().min(2, "Too short."), nested: z.object({ b: z.number("Need a number.") }) })
      .refine(() => false, "Whole form is wrong.");
    const r = schema.safeParse({ a: "x", nested: { b: "no" } });
    expect(r.success).toBe(false);
    if (!r.success) expect(zodFieldErrors(r.error)).toEqual({ a: "Too short.", "nested.b": "Need a number." });
    const whole = z
      .object({})
      .refine(() => false, "Whole form is wrong.")
      .safeParse({});
    if (!whole.success) expect(zodFieldErrors(whole.error)).toEqual({ form: "Whole form is wrong." });
  });
});
