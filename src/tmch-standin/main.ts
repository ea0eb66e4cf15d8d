/**
 * `npm run tmch-standin`: the TMCH stand-in on its own. Env: TMCH_STANDIN_PORT (7150),
 * TMCH_STANDIN_HOST (127.0.0.1), TMCH_STANDIN_DATA_DIR (.data/tmch-standin), TMCH_STANDIN_API_KEY,
 * TMCH_STANDIN_REVIEW_SECONDS (60: each review step).
 */
import path from "node:path";
import { startTmchStandIn } from "./index";

async function main(): Promise<void> {
  const env = process.env;
  const running = await startTmchStandIn({
    port: Number(env.TMCH_STANDIN_PORT ?? 7150),
    host: env.TMCH_STANDIN_HOST ?? "127.0.0.1",
    stateDir: path.resolve(env.TMCH_STANDIN_DATA_DIR ?? ".data/tmch-standin"),
    apiKey: env.TMCH_STANDIN_API_KEY || undefined,
    reviewDelayMs: Number(env.TMCH_STANDIN_REVIEW_SECONDS ?? 60) * 1000,
  });
  console.log(
    `TMCH stand-in: ${running.url} (DNL ${running.url}/dnl/dnl-latest.csv, CA ${running.url}/ca/tmch-ca.pem)`,
  );
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
