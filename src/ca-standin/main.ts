/**
 * `npm run ca-standin`: the commercial-CA stand-in on its own. Env: CA_STANDIN_PORT (7140),
 * CA_STANDIN_HOST (127.0.0.1), CA_STANDIN_DATA_DIR (.data/ca-standin), CA_STANDIN_DNS (table | system),
 * CA_STANDIN_APPROVAL (auto | manual), CA_STANDIN_API_KEY, CA_STANDIN_PUBLIC_URL.
 */
import path from "node:path";
import { startCaStandIn } from "./index";

async function main(): Promise<void> {
  const env = process.env;
  const approval = env.CA_STANDIN_APPROVAL === "manual" ? "manual" : "auto";
  const running = await startCaStandIn({
    port: Number(env.CA_STANDIN_PORT ?? 7140),
    host: env.CA_STANDIN_HOST ?? "127.0.0.1",
    stateDir: path.resolve(env.CA_STANDIN_DATA_DIR ?? ".data/ca-standin"),
    resolver: env.CA_STANDIN_DNS === "system" ? "system" : undefined,
    approval,
    apiKey: env.CA_STANDIN_API_KEY || undefined,
    publicUrl: env.CA_STANDIN_PUBLIC_URL || undefined,
  });
  console.log(`CA stand-in: ${running.url} (approval ${approval}; CRL ${running.url}/crl/intermediate.crl)`);
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
