/**
 * The frame of both consoles: a top bar naming the console and the signed-in person, navigation
 * (a sidebar on wide screens, a scrolling row on narrow ones), banners, and the page.
 */
import Link from "next/link";
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
          <div className="flex items-center gap-4">
            <p className="text-right text-sm leading-tight">
              <span className="block font-medium text-slate-900">{person.name}</span>
              <span className="block text-slate-600">
                {person.email} · {person.roleLabel}
              </span>
            </p>
            {signOut}
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row">
        <nav aria-label={`${consoleName} navigation`} className="md:w-52 md:shrink-0">
          <NavLinks items={nav} rootHref={homeHref} />
        </nav>
        <main id="main" className="min-w-0 flex-1 space-y-6">
          {banners}
          <div>{children}</div>
        </main>
      </div>
    </div>
  );
}
