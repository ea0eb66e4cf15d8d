/** Page width and padding for registrar money pages, whatever layout surrounds them. */
export function RegistrarFrame({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6">{children}</div>;
}
