/** The words the status page, the consoles and the incident mails use for states and severities. */
export const INCIDENT_STATES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentStateName = (typeof INCIDENT_STATES)[number];
export const OPEN_INCIDENT_STATES = ["investigating", "identified", "monitoring"] as const;

export const INCIDENT_STATE_WORDS: Record<IncidentStateName, string> = {
  investigating: "Investigating",
  identified: "Cause identified",
  monitoring: "Fix applied, monitoring",
  resolved: "Resolved",
};

export const INCIDENT_SEVERITIES = ["minor", "major", "critical"] as const;
export type IncidentSeverityName = (typeof INCIDENT_SEVERITIES)[number];

export const SEVERITY_WORDS: Record<IncidentSeverityName, string> = {
  minor: "Minor: some requests are slow or failing",
  major: "Major: a service is partly unavailable",
  critical: "Critical: a service is unavailable",
};

export const SEVERITY_LABELS: Record<IncidentSeverityName, string> = {
  minor: "Minor",
  major: "Major",
  critical: "Critical",
};

export type ComponentStateName = "operational" | "degraded" | "down" | "unknown";

export const COMPONENT_STATE_WORDS: Record<ComponentStateName, string> = {
  operational: "Operational",
  degraded: "Degraded",
  down: "Down",
  unknown: "Not checked recently",
};
