/** The console host's public header (front page, application form): platform name and sign-in. */
import Link from "next/link";
import { buttonClasses } from "./button";

export function PlatformHeader({ signedInHome }: { signedInHome?: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-slate-900">
          <span
            aria-hidden="true"
            className="flex h-8 w-8 items-center justify-center rounded-md bg-indigo-700 text-sm text-white"
          >
            R
          </span>
          Reseller Platform
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-2">
            <li>
              <Link href="/apply" className={buttonClasses("ghost")}>
                Become a reseller
              </Link>
            </li>
            <li>
              {signedInHome ? (
                <Link href={signedInHome} className={buttonClasses("primary")}>
                  Open your console
                </Link>
              ) : (
                <Link href="/sign-in" className={buttonClasses("secondary")}>
                  Sign in
                </Link>
              )}
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
