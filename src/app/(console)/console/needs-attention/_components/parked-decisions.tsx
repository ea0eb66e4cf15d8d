/**
 * The three decisions on a parked item, each with a note and a confirmation. Shared by both consoles;
 * each passes its own actions. Shown only to people who may decide.
 */
import { ActionForm, type FormAction } from "@/components/action-form";
import { Card } from "@/components/card";
import { TextAreaField } from "@/components/form-field";

type Props = {
  itemId: string;
  title: string;
  /** The customer's price and the wholesale cost, formatted, for the confirmations. */
  price: string;
  cost: string;
  retry: FormAction;
  resolve: FormAction;
};

const NOTE_HINT = "What you checked and why; kept in the audit log, not shown to the customer.";

export function ParkedDecisions({ itemId, title, price, cost, retry, resolve }: Props) {
  return (
    <Card
      title="Decide what happens"
      description="Nothing more happens to this item until someone decides. Check the registry's answers above first."
    >
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">Try again</h3>
          <p className="text-sm text-slate-700">
            The platform first asks the registry whether it already carried this out, then finishes or sends it again.
            It cannot be done or charged twice. Choose this when the registry may simply have been unreachable.
          </p>
          <ActionForm
            action={retry}
            hidden={{ itemId }}
            submitLabel="Try again"
            pendingLabel="Sending back…"
            confirm={`Try ${title} again? The platform asks the registry first, then finishes it.`}
          >
            <TextAreaField
              id="retry-note"
              name="note"
              label="Note (optional)"
              rows={3}
              maxLength={500}
              hint={NOTE_HINT}
            />
          </ActionForm>
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">It was done at the registry</h3>
          <p className="text-sm text-slate-700">
            Only when you have seen at the registry that it was carried out. The wholesale cost ({cost}) is charged and
            the order item counts as done. Domain details here are not refreshed: trying again does that as well.
          </p>
          <ActionForm
            action={resolve}
            hidden={{ itemId, outcome: "done" }}
            submitLabel="Resolve as done"
            variant="secondary"
            confirm={`Mark ${title} as done? The wholesale cost of ${cost} is charged. This cannot be undone here.`}
          >
            <TextAreaField
              id="done-note"
              name="note"
              label="Note"
              rows={3}
              required
              minLength={3}
              maxLength={500}
              hint={NOTE_HINT}
            />
          </ActionForm>
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">It failed: refund</h3>
          <p className="text-sm text-slate-700">
            Only when you are sure the registry did not carry it out. The wholesale cost ({cost}) returns to the balance
            and a customer who paid gets {price} back.
          </p>
          <ActionForm
            action={resolve}
            hidden={{ itemId, outcome: "failed" }}
            submitLabel="Resolve as failed and refund"
            variant="danger"
            confirm={`Mark ${title} as failed and refund ${price}? This cannot be undone.`}
          >
            <TextAreaField
              id="failed-note"
              name="note"
              label="Note"
              rows={3}
              required
              minLength={3}
              maxLength={500}
              hint={NOTE_HINT}
            />
          </ActionForm>
        </div>
      </div>
    </Card>
  );
}
