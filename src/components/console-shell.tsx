/**
 * The frame of both consoles: a top bar naming the console and the signed-in person (with the way to
 * their password and sessions), navigation (a sidebar on wide screens, a menu drawer on small ones),
 * banners, the page, and the focus keeper that stops focus falling to <body> after an action.
 */
import Link from "next/link";
import { FocusKeeper } from "./focus-keeper";
import { NavLinks, type NavItem } from "./nav-links";

type Props = {
  consoleName: string;
  homeHref: string;
  tenantName?: string;
  person: { name: string; email: string; roleLabel: string };
  nav: readonly NavItem[];
  signOut: React.ReactNode;
  banners?: React.ReactNode;
  children: React.ReactNode;
};

export function ConsoleShell({ consoleName, homeHref, tenantName, person, nav, signOut, banners, children }: Props) {
  return (
    <div className="min-h-screen bg-slate-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <div className="flex items-center gap-3">
            <Link href={homeHref} className="text-base font-semibold text-slate-900">
              {consoleName}
            </Link>
            {tenantName && (
              <span className="rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-700">{tenantName}</span>
            )}
          </div>
          <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
            <p className="min-w-0 text-sm leading-tight sm:text-right">
              <span className="block font-medium text-slate-900">{person.name}</span>
              <span className="block break-all text-slate-600">
                {person.email} · {person.roleLabel}
              </span>
              <Link href="/account/password" className="text-indigo-700 underline underline-offset-4">
                Password and sessions
              </Link>
            </p>
            {signOut}
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row">
        <nav aria-label={`${consoleName} navigation`} className="md:w-52 md:shrink-0">
          <NavLinks items={nav} rootHref={homeHref} />
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 space-y-6">
          <FocusKeeper />
          {banners}
          <div>{children}</div>
        </main>
      </div>
    </div>
  );
}
