/**
 * Pending requests to reveal the registrant behind the privacy service: as whom and why someone asks
 * (never who), the time to answer, and the answer form while that time lasts.
 */
import { ActionForm } from "@/components/action-form";
import { SelectField, TextAreaField } from "@/components/form-field";
import type { PendingReveal } from "@/server/privacy-proxy/reveal/list-reveal-requests";
import { day, REQUESTER_KIND_WORDS } from "@/server/privacy-proxy/reveal/reveal-clock";
import { answerOwnRevealRequest } from "./reveal-actions";

const POSITIONS = [
  { value: "", label: "Choose one" },
  { value: "object", label: "I object: keep my details private" },
  { value: "consent", label: "I agree to the disclosure" },
];

export function RevealPanel({ requests, now }: { requests: PendingReveal[]; now: Date }) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="reveal-requests" className="rounded-lg border border-amber-300 bg-amber-50 p-5">
      <h2 id="reveal-requests" className="text-lg font-semibold">
        A request to reveal your details is pending
      </h2>
      {requests.map((r) => (
        <div key={r.id} className="mt-4 space-y-2 text-sm">
          <p>
            Request {r.reference}, from {REQUESTER_KIND_WORDS[r.requesterKind]}. The reason given: {r.reason}
          </p>
          {r.registrantAnsweredAt ? (
            <p>
              You {r.registrantPosition === "consent" ? "agreed to the disclosure" : "objected"}. We decide by{" "}
              {day(r.decideBy)} and tell you the outcome.
            </p>
          ) : now > r.registrantAnswerBy ? (
            <p>
              Your time to answer ended on {day(r.registrantAnswerBy)}. We decide by {day(r.decideBy)}.
            </p>
          ) : (
            <>
              <p>
                You may answer until {day(r.registrantAnswerBy)}. Nothing is disclosed before then unless you agree.
              </p>
              <ActionForm
                action={answerOwnRevealRequest}
                hidden={{ requestId: r.id }}
                submitLabel="Send my answer"
                idPrefix={`reveal-${r.id}`}
              >
                <SelectField name="position" label="Your answer" required defaultValue="" options={POSITIONS} />
                <TextAreaField name="answer" label="Your reasons" rows={3} maxLength={5000} />
              </ActionForm>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
