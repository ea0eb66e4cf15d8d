/** `npm run registry`: the mock EPP registry on its own (env: MOCK_REGISTRY_PORT, _HOST, _ADMIN_PORT, _DATA_DIR, _FAULTS, _DIALECTS, _MAX_CONNECTIONS). */
import { startMockRegistry } from "./start";

async function main(): Promise<void> {
  const running = await startMockRegistry();
  console.log(
    `mock EPP registry: ${running.host}:${running.port} (EPP over TLS, self-signed; accounts platform, rival)`,
  );
  if (running.adminPort) console.log(`mock EPP registry: admin console http://127.0.0.1:${running.adminPort}/status`);
  console.log(`mock EPP registry: clock ${running.admin.now().toISOString()}`);
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
