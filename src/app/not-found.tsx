/**
 * The app-wide 404. On a storefront host it means no storefront lives at that address (unknown or
 * unverified host name); on the console host it is an ordinary missing page.
 */
import Link from "next/link";
import { requestArea } from "@/server/auth/request-host";
import { env } from "@/env";

export default async function NotFound() {
  const where = await requestArea();
  if (where.area === "storefront") {
    const consoleUrl = `${env().PUBLIC_SCHEME}://${env().CONSOLE_HOST}/`;
    return (
      <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-16">
        <p className="text-sm font-semibold tracking-wide text-slate-500 uppercase">404</p>
        <h1 className="mt-2 text-3xl font-bold text-slate-900">No storefront lives at this address</h1>
        <p className="mt-4 text-slate-700">
          Nothing is published at <strong className="font-mono break-all">{where.host}</strong>. If you typed the
          address, check it for mistakes. If this is your own host name, add it in your reseller console and complete
          its DNS verification.
        </p>
        <p className="mt-6">
          <a className="font-medium text-indigo-700 underline underline-offset-4" href={consoleUrl}>
            Go to the reseller platform
          </a>
        </p>
      </main>
    );
  }
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold tracking-wide text-slate-500 uppercase">404</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">Page not found</h1>
      <p className="mt-4 text-slate-700">There is no page at this address.</p>
      <p className="mt-6">
        <Link className="font-medium text-indigo-700 underline underline-offset-4" href="/">
          Back to the start
        </Link>
      </p>
    </main>
  );
}
