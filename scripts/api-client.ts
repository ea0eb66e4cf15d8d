/** npm run api:client — regenerates src/api-client/v1.d.ts from the API's OpenAPI document. */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { writeFileSync } from "node:fs";
import { API_CLIENT_TYPES_FILE, generateApiClientTypes } from "./lib/api-client-types";

async function main() {
  writeFileSync(API_CLIENT_TYPES_FILE, await generateApiClientTypes());
  console.log(`wrote ${API_CLIENT_TYPES_FILE}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
