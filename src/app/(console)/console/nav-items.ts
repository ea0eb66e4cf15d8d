/**
 * The reseller console's navigation. Capabilities add their pages by appending one entry here
 * (order is display order); the layout renders whatever this list holds.
 */
import type { NavItem } from "@/components/nav-links";

export const RESELLER_NAV: NavItem[] = [
  { href: "/console", label: "Dashboard" },
  { href: "/console/branding", label: "Branding" },
  { href: "/console/host-names", label: "Host names" },
  { href: "/console/staff", label: "Staff" },
  { href: "/console/mail", label: "Mail" },
  { href: "/console/prices", label: "Prices" },
  { href: "/console/marketing", label: "Marketing kit" },
  { href: "/console/billing", label: "Billing" },
  { href: "/console/domains", label: "Domains" },
  { href: "/console/certificates", label: "Certificates" },
  { href: "/console/launches", label: "Launches" },
  { href: "/console/customers", label: "Customers" },
  { href: "/console/orders", label: "Orders" },
  { href: "/console/needs-attention", label: "Needs attention" },
  { href: "/console/bulk", label: "Bulk actions" },
  { href: "/console/api-keys", label: "API keys" },
  { href: "/console/webhooks", label: "Webhooks" },
  { href: "/console/agreement", label: "Agreement" },
];
