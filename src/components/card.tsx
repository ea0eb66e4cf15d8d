/** A titled panel for console pages. */
export function Card({
  title,
  description,
  children,
  className = "",
  actions,
}: {
  title?: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  actions?: React.ReactNode;
}) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
          <div>
            {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
            {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
          </div>
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

/** Label/value pairs (a reseller's details, a mail's headers). */
export function DetailList({ items }: { items: { label: string; value: React.ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
      {items.map((i) => (
        <div key={i.label} className="contents">
          <dt className="text-sm font-medium text-slate-600">{i.label}</dt>
          <dd className="text-sm break-words text-slate-900">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
