/**
 * The start scripts run the TMCH stand-in on TMCH_STANDIN_PORT, and the worker in the same process
 * must call that port: the browser suite's stand-in on its own port was unreachable from the worker,
 * which had read the default URL before the stand-in started.
 */
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";

describe("TMCH_URL", () => {
  it("is the stand-in's own port when not set", () => {
    expect(parseEnv({ TMCH_STANDIN_PORT: "7151" }).TMCH_URL).toBe("http://127.0.0.1:7151");
    expect(parseEnv({}).TMCH_URL).toBe("http://127.0.0.1:7150");
  });

  it("is what the operator set, whatever the stand-in's port", () => {
    expect(parseEnv({ TMCH_URL: "https://tmch.example/api", TMCH_STANDIN_PORT: "7151" }).TMCH_URL).toBe(
      "https://tmch.example/api",
    );
  });
});
