/** A page that does not exist on a storefront that does (rendered inside the branded layout). */
import Link from "next/link";

export default function StorefrontPageNotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16 text-center sm:px-6">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-3">There is no page at this address.</p>
      <p className="mt-6">
        <Link
          href="/"
          className="font-medium underline decoration-[var(--brand-primary)] decoration-2 underline-offset-4"
        >
          Back to the home page
        </Link>
      </p>
    </div>
  );
}
