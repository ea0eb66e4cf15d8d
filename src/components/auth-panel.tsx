/**
 * The frame of signed-out pages (sign-in, registration, reset, invitation): a white panel with a
 * heading, readable on any storefront background, with links underneath.
 */
export function AuthPanel({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <section
        aria-labelledby="auth-title"
        className="rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-sm sm:p-8"
      >
        <h1 id="auth-title" className="text-2xl font-bold tracking-tight">
          {title}
        </h1>
        {intro && <div className="mt-2 text-sm text-slate-600">{intro}</div>}
        <div className="mt-6">{children}</div>
      </section>
      {footer && <div className="mt-6 space-y-2 text-center text-sm">{footer}</div>}
    </div>
  );
}

/** A link on signed-out pages, underlined so it does not rely on colour alone. */
export function AuthLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} className="font-medium underline underline-offset-4 hover:no-underline">
      {children}
    </a>
  );
}
