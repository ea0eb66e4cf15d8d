/**
 * Where "Confirm it's you" sends a person, and the page it brings them back to: the whole current
 * location (path and query), so a filtered list or a half-way step comes back as it was. The
 * fragment is the browser's own and never reaches the server, so it is left out.
 */
export function returnPath(pathname: string, search: string): string {
  const query = search.startsWith("?") ? search.slice(1) : search;
  return query ? `${pathname}?${query}` : pathname;
}

export function confirmPageHref(back: string): string {
  return `/account/confirm?next=${encodeURIComponent(back)}`;
}
