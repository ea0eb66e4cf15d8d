/** What a suspended reseller's storefront shows instead of anything that sells. */
export function UnavailableNotice({ name, supportEmail }: { name: string; supportEmail: string }) {
  return (
    <div role="status" className="rounded-lg border-2 border-amber-500 bg-amber-50 px-5 py-4 text-amber-950">
      <p className="text-lg font-semibold">{name} is temporarily unavailable</p>
      <p className="mt-1 text-sm">
        This store is not taking orders at the moment. Domains you already own stay registered. For help, write to{" "}
        <a className="font-medium underline" href={`mailto:${supportEmail}`}>
          {supportEmail}
        </a>
        .
      </p>
    </div>
  );
}
