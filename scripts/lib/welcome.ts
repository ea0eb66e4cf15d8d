/** What `npm run dev` prints once everything is up: where to go and how to sign in. */
import { ensureDemoTestKeys } from "./demo-api-keys";

export async function printWelcome() {
  const consoleHost = process.env.CONSOLE_HOST ?? "localhost:3000";
  const base = process.env.STOREFRONT_BASE_DOMAIN ?? "localhost:3000";
  const scheme = process.env.PUBLIC_SCHEME ?? "http";
  const { demoSignIns, DEMO_PASSWORD } = await import("../../prisma/seed/tenancy");
  const { DEMO_TOTP_SECRETS } = await import("../../prisma/seed/tenancy-data");
  const totp = (email: string) => (DEMO_TOTP_SECRETS[email] ? `  TOTP secret ${DEMO_TOTP_SECRETS[email]}` : "");
  const lines = [
    "",
    "Registrar platform is starting:",
    `  Reseller console   ${scheme}://${consoleHost}/console`,
    `  Registrar console  ${scheme}://${consoleHost}/registrar`,
    `  Acme storefront    ${scheme}://acme.${base}/`,
    `  Nimbus storefront  ${scheme}://nimbus.${base}/`,
    "",
    `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`,
    ...demoSignIns.map((s: { email: string; role: string; where: string }) =>
      `  ${s.email.padEnd(26)} ${s.role.padEnd(20)} ${s.where.padEnd(30)}${totp(s.email)}`.trimEnd(),
    ),
    "",
    "Staff sign-ins ask for a 6-digit code: `npm run totp -- EMAIL` prints the current one (or add the secret to an authenticator app).",
    "",
    `Reseller API sandbox keys (${scheme}://${consoleHost}/api/v1, reference at /console/api/reference):`,
    ...(await ensureDemoTestKeys()).map((k) => `  ${k.name.padEnd(26)} ${k.key}`),
    "",
  ];
  console.log(lines.join("\n"));
}
