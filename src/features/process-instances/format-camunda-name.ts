const ACTIVITY_TYPE_LABELS: Record<string, string> = {
  processDefinition: 'Process instance',
  multiInstanceBody: 'Multi-instance body',
  subProcess: 'Subprocess',
};

/** `serviceTask` → "Service task": Camunda's activity types, as people write them. */
export function formatActivityType(activityType: string): string {
  return ACTIVITY_TYPE_LABELS[activityType] ?? toSentence(activityType);
}

/** `failedJob` → "Failed job", `failedExternalTask` → "Failed external task". */
export function formatIncidentType(incidentType: string): string {
  return toSentence(incidentType);
}

function toSentence(camelCase: string): string {
  const words = camelCase.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
