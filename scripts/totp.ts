/**
 * npm run totp -- EMAIL — prints the current TOTP code of a demo staff account (its secret is fixed
 * demo data in prisma/seed/tenancy-data.ts). Development only; it reads no database.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { DEMO_TOTP_SECRETS } from "../prisma/seed/tenancy-data";
import { totpCodeForStep, totpStepAt } from "../src/server/auth/second-factor/totp";

function main(): number {
  if (process.env.NODE_ENV === "production") {
    console.error("npm run totp is for the demo accounts in development only.");
    return 1;
  }
  const email = (process.argv[2] ?? "").trim().toLowerCase();
  const secret = DEMO_TOTP_SECRETS[email];
  if (!secret) {
    console.error(`Usage: npm run totp -- EMAIL, one of: ${Object.keys(DEMO_TOTP_SECRETS).join(", ")}`);
    return 1;
  }
  const now = Date.now();
  const left = 30 - (Math.floor(now / 1000) % 30);
  console.log(`${totpCodeForStep(secret, totpStepAt(now))}  (${email}; valid for ${left} s more, and the 30 s after)`);
  return 0;
}

process.exit(main());
