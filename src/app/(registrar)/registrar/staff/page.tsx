/** Registrar staff: admins and auditors, invitations, role changes (never the last admin). */
import type { Metadata } from "next";
import { Card } from "@/components/card";
import { InviteForm } from "@/components/invite-form";
import { PageHeader } from "@/components/page-header";
import { StaffTable } from "@/components/staff-table";
import { listStaff } from "@/server/tenancy/list-staff";
import { REGISTRAR_ROLES, ROLE_LABELS } from "@/server/tenancy/staff-roles";
import {
  changeRegistrarRole,
  inviteRegistrarStaff,
  removeRegistrarStaff,
  withdrawRegistrarInvitation,
} from "../_lib/registrar-actions";
import { loadRegistrar } from "../_lib/registrar-session";

export const metadata: Metadata = { title: "Staff" };

export default async function RegistrarStaffPage() {
  const { ctx, canWrite } = await loadRegistrar();
  const { members, invitations } = await listStaff(ctx, null);
  const roles = REGISTRAR_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  return (
    <>
      <PageHeader
        title="Registrar staff"
        description="Admins run the registrar console; auditors see everything and change nothing."
      />
      <div className="space-y-6">
        <StaffTable
          members={members}
          invitations={invitations}
          roles={roles}
          roleLabel={(r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r}
          viewerId={ctx.actorId}
          manage={
            canWrite
              ? { changeRole: changeRegistrarRole, remove: removeRegistrarStaff, withdraw: withdrawRegistrarInvitation }
              : null
          }
        />
        {canWrite && (
          <Card title="Invite registrar staff">
            <InviteForm action={inviteRegistrarStaff} roles={roles} defaultRole="registrar_auditor" />
          </Card>
        )}
      </div>
    </>
  );
}
