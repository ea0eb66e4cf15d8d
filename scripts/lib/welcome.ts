/** What `npm run dev` prints once everything is up: where to go and how to sign in. */
export async function printWelcome() {
  const consoleHost = process.env.CONSOLE_HOST ?? "localhost:3000";
  const base = process.env.STOREFRONT_BASE_DOMAIN ?? "localhost:3000";
  const scheme = process.env.PUBLIC_SCHEME ?? "http";
  const { demoSignIns, DEMO_PASSWORD } = await import("../../prisma/seed/tenancy");
  const lines = [
    "",
    "Registrar platform is starting:",
    `  Reseller console   ${scheme}://${consoleHost}/console`,
    `  Registrar console  ${scheme}://${consoleHost}/registrar`,
    `  Acme storefront    ${scheme}://acme.${base}/`,
    `  Nimbus storefront  ${scheme}://nimbus.${base}/`,
    "",
    `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`,
    ...demoSignIns.map((s: { email: string; role: string; where: string }) => `  ${s.email.padEnd(26)} ${s.role.padEnd(20)} ${s.where}`),
    "",
  ];
  console.log(lines.join("\n"));
}
