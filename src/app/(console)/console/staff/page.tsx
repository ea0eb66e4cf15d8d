/** Staff and roles of this reseller: who can do what, invitations, role changes. */
import type { Metadata } from "next";
import { Card } from "@/components/card";
import { InviteForm } from "@/components/invite-form";
import { PageHeader } from "@/components/page-header";
import { StaffTable } from "@/components/staff-table";
import { listStaff } from "@/server/tenancy/list-staff";
import { RESELLER_ROLES, ROLE_LABELS } from "@/server/tenancy/staff-roles";
import { loadConsole } from "../_lib/console-session";
import { changeRole, inviteStaff, removeMember, withdrawInvitation } from "./actions";

export const metadata: Metadata = { title: "Staff" };

const ROLE_HELP = [
  ["Owner", "Everything, including other owners. Every reseller keeps at least one."],
  ["Admin", "Branding, host names and staff (except owners)."],
  ["Support", "Sees customers and their domains to help them."],
  ["Billing", "Sees balance, statements and invoices."],
] as const;

export default async function StaffPage() {
  const { ctx, reseller, canManage } = await loadConsole();
  const { members, invitations } = await listStaff(ctx, reseller.id);
  // Admins may not hand out the owner role; the service refuses it, so the form does not offer it.
  const roles = RESELLER_ROLES.filter((r) => ctx.role === "owner" || r !== "owner").map((r) => ({
    value: r,
    label: ROLE_LABELS[r],
  }));
  return (
    <>
      <PageHeader
        title="Staff and roles"
        description="People who can sign in to this console. Role changes take effect at once: the person's sessions end."
      />
      <div className="space-y-6">
        <StaffTable
          members={members}
          invitations={invitations}
          roles={roles}
          roleLabel={(r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r}
          viewerId={ctx.actorId}
          manage={canManage ? { changeRole, remove: removeMember, withdraw: withdrawInvitation } : null}
        />
        {canManage && (
          <Card title="Invite someone">
            <InviteForm action={inviteStaff} roles={roles} defaultRole="support" />
          </Card>
        )}
        <Card title="What each role can do">
          <dl className="grid gap-3 sm:grid-cols-2">
            {ROLE_HELP.map(([role, text]) => (
              <div key={role}>
                <dt className="text-sm font-semibold text-slate-900">{role}</dt>
                <dd className="text-sm text-slate-700">{text}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
