/**
 * Logo or name, and the visitor's links. Colours come from the layout's CSS variables. A signed-in
 * registrant always has "Your domains" one step away; the cart's count is read in the browser
 * (CartLink), since pages for anonymous visitors are cached whole.
 * The home link is a plain link: the page cache answers home only to a document request, while a
 * client navigation asks for RSC and renders it afresh (decision 130).
 */
import Image from "next/image";
import Link from "next/link";
import { CartLink } from "./cart-link";

type Props = { name: string; logoUrl: string | null; signedInAs: string | null };

export function StorefrontHeader({ name, logoUrl, signedInAs }: Props) {
  const link = "rounded-md px-3 py-2 text-sm font-medium underline-offset-4 hover:underline";
  return (
    <header className="bg-[var(--brand-primary)] text-[var(--brand-on-primary)]">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4 sm:px-6">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a document request (decision 130) */}
        <a href="/" className="flex items-center gap-3 text-xl font-bold" aria-label={`${name} home`}>
          {logoUrl ? (
            <Image
              src={logoUrl}
              alt=""
              width={40}
              height={40}
              unoptimized
              className="h-10 w-auto rounded bg-white/90 p-0.5"
            />
          ) : (
            <span
              aria-hidden="true"
              className="flex h-10 w-10 items-center justify-center rounded-full bg-[var(--brand-accent)] text-lg text-[var(--brand-on-accent)]"
            >
              {name.slice(0, 1).toUpperCase()}
            </span>
          )}
          <span>{name}</span>
        </a>
        <nav aria-label="Account">
          <ul className="flex flex-wrap items-center gap-1">
            <li>
              <Link className={link} href="/search">
                Search
              </Link>
            </li>
            <li>
              <Link className={link} href="/certificates">
                Certificates
              </Link>
            </li>
            <li>
              <CartLink className={link} />
            </li>
            {signedInAs ? (
              <>
                <li className="hidden px-2 text-sm opacity-90 sm:block">Signed in as {signedInAs}</li>
                <li>
                  <Link className={link} href="/account/domains">
                    Your domains
                  </Link>
                </li>
                <li>
                  <Link className={link} href="/orders">
                    Orders
                  </Link>
                </li>
                <li>
                  <Link className={link} href="/account">
                    Your account
                  </Link>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link className={link} href="/sign-in">
                    Sign in
                  </Link>
                </li>
                <li>
                  <Link className={`${link} bg-[var(--brand-accent)] text-[var(--brand-on-accent)]`} href="/register">
                    Create account
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
