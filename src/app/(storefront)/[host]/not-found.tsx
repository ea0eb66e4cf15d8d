/**
 * A page that does not exist on a storefront that does (rendered inside the branded layout). Next
 * renders it into every page of the layout as the not-found boundary, so it stays plain HTML; its
 * link home is a document request, which the page cache answers (decision 130).
 */
/* eslint-disable @next/next/no-html-link-for-pages -- a document request (decision 130) */

export default function StorefrontPageNotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16 text-center sm:px-6">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-3">There is no page at this address.</p>
      <p className="mt-6">
        <a href="/" className="font-medium underline decoration-[var(--brand-primary)] decoration-2 underline-offset-4">
          Back to the home page
        </a>
      </p>
    </div>
  );
}
