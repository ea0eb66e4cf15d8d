/** Any storefront path no page claims: the branded "page not found" inside the storefront's layout. */
import { notFound } from "next/navigation";

export default function UnknownStorefrontPage(): never {
  notFound();
}
