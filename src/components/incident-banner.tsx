/** The console banner while platform incidents are open: each one's title and state, and where to follow it. */
import Link from "next/link";
import { Notice } from "./notice";
import { INCIDENT_STATE_WORDS, SEVERITY_LABELS } from "@/lib/incident-words";
import type { OpenIncidentBanner } from "@/server/status/open-incidents";

export function IncidentBanner({ incidents }: { incidents: OpenIncidentBanner[] }) {
  if (incidents.length === 0) return null;
  const critical = incidents.some((i) => i.severity !== "minor");
  return (
    <Notice
      tone={critical ? "danger" : "warning"}
      title={
        incidents.length === 1 ? `Service incident: ${incidents[0].title}` : `${incidents.length} service incidents`
      }
      role="status"
    >
      <ul>
        {incidents.map((i) => (
          <li key={i.id}>
            {incidents.length > 1 && <>{i.title}: </>}
            {SEVERITY_LABELS[i.severity]}, {INCIDENT_STATE_WORDS[i.state].toLowerCase()}.
          </li>
        ))}
      </ul>
      <Link className="font-medium underline" href="/status">
        Follow it on the status page
      </Link>
    </Notice>
  );
}
