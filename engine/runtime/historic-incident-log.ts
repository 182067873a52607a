/**
 * What `/history/incident` reports beyond the row CommandContext.commit writes for each incident
 * (id, instance, definition, activity): the incident's fields, and when and how it ended
 * (HistoricIncidentEventEntity, written by Camunda on INCIDENT_CREATE, _RESOLVE and _DELETE). It
 * is read off the committed instances: each commit replaces an instance in the store's map, and
 * an incident missing from the successor has ended in that commit.
 */
import type { FullHistoricIncidentRec, IncidentRec, ProcessInstanceState } from './state';

export class HistoricIncidentLog {
  private readonly incidents = new Map<string, FullHistoricIncidentRec>();
  /** The job `ProcessEngine.executeJob` is running: its successful end resolves its incident. */
  private executingJobId: string | null = null;

  constructor(
    private readonly clock: () => number,
    private readonly definitionKey: (definitionId: string) => string | null,
  ) {}

  /** Runs one job: a failedJob incident of it that ends meanwhile was resolved, not deleted. */
  executing<T>(jobId: string, run: () => T): T {
    this.executingJobId = jobId;
    try {
      return run();
    } finally {
      this.executingJobId = null;
    }
  }

  observe(before: ProcessInstanceState | undefined, after: ProcessInstanceState | undefined): void {
    const instance = after ?? before;
    if (!instance) {
      return;
    }
    for (const incident of Object.values(after?.incidents ?? {})) {
      this.incidents.set(incident.id, {
        id: incident.id,
        processInstanceId: instance.id,
        processDefinitionId: instance.processDefinitionId,
        processDefinitionKey: this.definitionKey(instance.processDefinitionId),
        executionId: incident.executionId,
        rootProcessInstanceId: instance.rootProcessInstanceId,
        createTime: incident.incidentTimestamp,
        endTime: null,
        incidentType: incident.incidentType,
        incidentMessage: incident.incidentMessage,
        activityId: incident.activityId,
        failedActivityId: incident.failedActivityId,
        causeIncidentId: incident.causeIncidentId,
        rootCauseIncidentId: incident.rootCauseIncidentId,
        configuration: incident.configuration,
        jobDefinitionId: incident.jobDefinitionId,
        tenantId: incident.tenantId,
        annotation: incident.annotation,
        state: 'open',
      });
    }
    for (const incident of Object.values(before?.incidents ?? {})) {
      const known = this.incidents.get(incident.id);
      if (after?.incidents[incident.id] || !known) {
        continue;
      }
      this.incidents.set(incident.id, {
        ...known,
        endTime: this.clock(),
        state: this.resolves(incident, after) ? 'resolved' : 'deleted',
      });
    }
  }

  /**
   * JobEntity removes its failedJob incident as resolved when retries are set again
   * (`setRetries`) or when it executes successfully (`execute` → `delete(true)`); any other
   * removal of the job (its activity cancelled, its instance deleted) deletes the incident.
   */
  private resolves(incident: IncidentRec, after: ProcessInstanceState | undefined): boolean {
    const job = after?.jobs[incident.configuration];
    return (job !== undefined && job.retries > 0) || incident.configuration === this.executingJobId;
  }

  /** What is known of the incident of a historic row; undefined for one this log never saw. */
  details(id: string): FullHistoricIncidentRec | undefined {
    return this.incidents.get(id);
  }
}
