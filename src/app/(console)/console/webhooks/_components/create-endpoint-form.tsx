"use client";
/** Registering a webhook endpoint: URL, description and events; the signing secret is shown once. */
import { CheckboxField, TextField } from "@/components/form-field";
import type { ServerAction } from "@/server/action-client";
import { SecretOnceForm } from "./secret-once-form";

export function CreateEndpointForm({
  action,
  events,
  mode,
}: {
  action: ServerAction<{ id: string; secret: string }>;
  events: { value: string; help: string }[];
  mode: "live" | "test";
}) {
  return (
    <SecretOnceForm action={action} hidden={{ mode }} submitLabel="Add endpoint" pendingLabel="Adding…">
      {(fields) => (
        <>
          <TextField
            name="url"
            label="URL"
            required
            maxLength={2000}
            placeholder="https://shop.example/webhooks/registrar"
            error={fields.url}
          />
          <TextField name="description" label="Description (optional)" maxLength={200} error={fields.description} />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Events</legend>
            {events.map((e) => (
              <CheckboxField
                key={e.value}
                id={`event-${e.value}`}
                name="eventTypes"
                value={e.value}
                defaultChecked={e.value.startsWith("order.")}
                label={`${e.value}: ${e.help}`}
              />
            ))}
            {fields.eventTypes && <p className="text-sm text-red-700">{fields.eventTypes}</p>}
          </fieldset>
        </>
      )}
    </SecretOnceForm>
  );
}
