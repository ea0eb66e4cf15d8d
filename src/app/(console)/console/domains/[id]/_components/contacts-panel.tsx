/**
 * A domain's contacts with an edit form per role, the change of registrant waiting for confirmation,
 * and what the TLD's registry allows. Shared by the console and the storefront account (each passes
 * its own actions). Forms keep what was typed when the service refuses.
 */
import { Card } from "@/components/card";
import { countries } from "@/lib/countries";
import type { DomainContacts, RoleContact } from "@/server/domains/manage/contacts/get-domain-contacts";
import { ROLE_LABEL } from "@/server/domains/manage/contacts/contact-policy";
import { ResultForm, type ResultAction } from "../../_components/result-form";
import { ContactFieldsInputs } from "./contact-fields-inputs";

type Actions = { update: ResultAction; cancel: ResultAction };

export function ContactsPanel({
  data,
  actions,
  canEdit = true,
}: {
  data: DomainContacts;
  actions: Actions;
  canEdit?: boolean;
}) {
  const thin = data.policy === "prohibited";
  return (
    <Card
      title="Contacts"
      description={
        thin
          ? `The .${data.tld} registry holds no contact data (a thin registry). We keep the registrant's details for lookups and the transfer policy; there are no admin, technical or billing contacts.`
          : `The .${data.tld} registry ${data.policy === "required" ? "requires" : "accepts"} registrant, admin and technical contacts.`
      }
    >
      {data.pending && <PendingChange data={data} cancel={actions.cancel} canEdit={canEdit} />}
      <div className="grid gap-4 md:grid-cols-2">
        {data.roles.map((r) => (
          <RoleBlock
            key={r.role}
            r={r}
            data={data}
            update={actions.update}
            canEdit={canEdit && !(r.role === "registrant" && data.pending)}
          />
        ))}
      </div>
    </Card>
  );
}

function PendingChange({ data, cancel, canEdit }: { data: DomainContacts; cancel: ResultAction; canEdit: boolean }) {
  const p = data.pending;
  if (!p) return null;
  const mark = (done: boolean) => (done ? "confirmed" : "waiting");
  return (
    <div
      className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
      data-testid="pending-registrant-change"
    >
      <h3 className="font-semibold">Change of registrant waiting for confirmation</h3>
      <p className="mt-1">
        New registrant: {p.next.name}
        {p.next.organization && ` (${p.next.organization})`}, {p.next.email}. Current registrant ({p.priorEmail}):{" "}
        {mark(p.priorConfirmed)}; new registrant: {mark(p.newConfirmed)}. Links valid until{" "}
        {p.expiresAt.toISOString().slice(0, 10)}.
      </p>
      <p className="mt-1">
        {p.lockOptOut
          ? "The current registrant opted out of the transfer lock."
          : `After the change, the name cannot move to another registrar for ${data.lockDays} days.`}
      </p>
      {p.lastError && (
        <p className="mt-1 text-red-800" role="alert">
          Last attempt: {p.lastError}
        </p>
      )}
      {canEdit && (
        <div className="mt-3">
          <ResultForm
            action={cancel}
            hidden={{ domainId: data.domainId }}
            submitLabel="Cancel this change"
            variant="secondary"
            confirm="Cancel the change of registrant? Its links stop working."
          />
        </div>
      )}
    </div>
  );
}

function Summary({ r }: { r: RoleContact }) {
  const c = r.contact;
  if (r.sameAsRegistrant) return <p className="text-sm text-slate-700">Same as the registrant.</p>;
  if (!c) return <p className="text-sm text-slate-600">None set.</p>;
  return (
    <address className="text-sm not-italic text-slate-800">
      <span className="font-medium">{c.name}</span>
      {c.organization && <>, {c.organization}</>}
      <br />
      {c.email} · {c.phone}
      <br />
      {[c.street1, c.street2, c.city, c.state, c.postalCode, c.countryCode].filter(Boolean).join(", ")}
    </address>
  );
}

function RoleBlock({
  r,
  data,
  update,
  canEdit,
}: {
  r: RoleContact;
  data: DomainContacts;
  update: ResultAction;
  canEdit: boolean;
}) {
  const label = ROLE_LABEL[r.role];
  return (
    <section
      aria-labelledby={`contact-${r.role}`}
      className="rounded-md border border-slate-200 p-4"
      data-testid={`contact-${r.role}`}
    >
      <h3 id={`contact-${r.role}`} className="mb-2 font-semibold text-slate-900">
        {label}
        {r.role === "registrant" && r.contact && (
          <span className="ml-2 text-xs font-normal text-slate-600">
            {r.verified ? "email verified" : "email not yet verified"}
          </span>
        )}
      </h3>
      <Summary r={r} />
      {canEdit && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-indigo-700 underline underline-offset-4">
            Edit {label.toLowerCase()} contact
          </summary>
          <div className="mt-3">
            <ResultForm
              action={update}
              hidden={{ domainId: data.domainId, role: r.role }}
              submitLabel={`Save ${label.toLowerCase()} contact`}
              idPrefix={r.role}
            >
              {r.role === "registrant" && (
                <p className="text-sm text-slate-700">
                  Changing the name, organisation or email is a change of registrant: the current and the new registrant
                  each confirm by email, and the name cannot move to another registrar for {data.lockDays} days unless
                  the current registrant opts out. Phone and address changes apply at once.
                </p>
              )}
              <ContactFieldsInputs values={r.contact} countries={countries()} />
              {r.role === "registrant" && data.lockDays > 0 && (
                <label className="flex items-start gap-2 text-sm text-slate-800">
                  <input type="checkbox" name="lockOptOut" className="mt-0.5 h-4 w-4" />
                  <span>
                    As the current registrant, I opt out of the {data.lockDays}-day transfer lock after a change of
                    registrant.
                  </span>
                </label>
              )}
            </ResultForm>
          </div>
        </details>
      )}
    </section>
  );
}
