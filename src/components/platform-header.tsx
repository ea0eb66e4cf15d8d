/**
 * The console host's public header (front page, application form, sign-in): a skip link to the
 * page's main region (id "main"), the platform's name and sign-in.
 */
import Link from "next/link";
import { PLATFORM_NAME } from "@/lib/page-title";
import { buttonClasses } from "./button";
import { FocusKeeper } from "./focus-keeper";

export function PlatformHeader({ signedInHome }: { signedInHome?: string | null }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <FocusKeeper />
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold text-slate-900">
            <span
              aria-hidden="true"
              className="flex h-8 w-8 items-center justify-center rounded-md bg-indigo-700 text-sm text-white"
            >
              R
            </span>
            {PLATFORM_NAME}
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
    </>
  );
}
