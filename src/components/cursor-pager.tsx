/** "First page" and "Next page" over keyset pages; the list builds both addresses, keeping its filters. */
import Link from "next/link";

export function CursorPager({ firstHref, nextHref }: { firstHref: string | null; nextHref: string | null }) {
  return (
    <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
      {firstHref ? (
        <Link className="underline" href={firstHref}>
          First page
        </Link>
      ) : (
        <span />
      )}
      {nextHref && (
        <Link className="font-medium text-indigo-700 underline" rel="next" href={nextHref}>
          Next page
        </Link>
      )}
    </nav>
  );
}
