/**
 * The registrar console's navigation. Capabilities add their pages by appending one entry here
 * (order is display order); the layout renders whatever this list holds.
 */
import type { NavItem } from "@/components/nav-links";

export const REGISTRAR_NAV: NavItem[] = [
  { href: "/registrar", label: "Overview" },
  { href: "/registrar/applications", label: "Applications" },
  { href: "/registrar/resellers", label: "Resellers" },
  { href: "/registrar/billing", label: "Balances" },
  { href: "/registrar/tiers", label: "Wholesale tiers" },
  { href: "/registrar/audit", label: "Audit log" },
  { href: "/registrar/mail", label: "Mail" },
  { href: "/registrar/staff", label: "Staff" },
  { href: "/registrar/local-dns", label: "Local DNS" },
  { href: "/registrar/domains", label: "Domains" },
  { href: "/registrar/certificates", label: "Certificates" },
  { href: "/registrar/launches", label: "Launches" },
  { href: "/registrar/orders", label: "Orders" },
  { href: "/registrar/needs-attention", label: "Needs attention" },
  { href: "/registrar/reconciliation", label: "Reconciliation" },
  { href: "/registrar/abuse", label: "Abuse" },
  { href: "/registrar/data-requests", label: "Data requests" },
  { href: "/registrar/privacy-reveals", label: "Reveal requests" },
  { href: "/registrar/agreements", label: "Agreements" },
  { href: "/registrar/incidents", label: "Incidents" },
  { href: "/registrar/health/findings", label: "Health findings" },
];
