/**
 * Builds `GET /process-instance/{id}/activity-instances` exactly as Camunda's
 * `GetActivityInstanceCmd` shapes it.
 */
import type { ActivityInstanceTree, TransitionInstanceTree } from '../engine-api';
import type { ProcessModel } from '../model/process-model';
import { innerActivityId, isBodyId } from './activity-ids';
import type { ActivityInstanceRec, ProcessDefinitionRec, ProcessInstanceState } from './state';

export function buildActivityInstanceTree(
  pi: ProcessInstanceState,
  definition: ProcessDefinitionRec,
): ActivityInstanceTree {
  const model = definition.model;
  const childrenByParent = new Map<string, ActivityInstanceRec[]>();
  for (const ai of Object.values(pi.activityInstances)) {
    if (ai.parentId !== null) {
      const siblings = childrenByParent.get(ai.parentId) ?? [];
      siblings.push(ai);
      childrenByParent.set(ai.parentId, siblings);
    }
  }
  const transitionsByParent = new Map<string, TransitionInstanceTree[]>();
  const incidentsByExecution = new Map<string, { id: string; activityId: string }[]>();
  for (const incident of Object.values(pi.incidents)) {
    if (incident.executionId) {
      const list = incidentsByExecution.get(incident.executionId) ?? [];
      list.push({ id: incident.id, activityId: incident.activityId ?? '' });
      incidentsByExecution.set(incident.executionId, list);
    }
  }
  for (const ti of Object.values(pi.transitionInstances).sort((a, b) => a.seq - b.seq)) {
    const activity = model.activities[innerActivityId(ti.activityId)];
    const incidents = incidentsByExecution.get(ti.id) ?? [];
    const list = transitionsByParent.get(ti.parentId) ?? [];
    list.push({
      id: ti.id,
      parentActivityInstanceId: ti.parentId,
      activityId: ti.activityId,
      targetActivityId: ti.activityId,
      activityName: activity?.name ?? null,
      activityType: isBodyId(ti.activityId)
        ? 'multiInstanceBody'
        : (activity?.activityType ?? 'unknown'),
      processInstanceId: pi.id,
      processDefinitionId: definition.id,
      executionId: ti.id,
      incidentIds: incidents.map((incident) => incident.id),
      incidents,
    });
    transitionsByParent.set(ti.parentId, list);
  }

  const build = (ai: ActivityInstanceRec): ActivityInstanceTree => {
    const isRoot = ai.parentId === null;
    const name = isRoot ? model.name : nameOf(model, ai.activityId);
    const incidents = incidentsByExecution.get(ai.executionId) ?? [];
    const children = (childrenByParent.get(ai.id) ?? []).sort((a, b) => a.seq - b.seq);
    return {
      id: ai.id,
      parentActivityInstanceId: ai.parentId,
      activityId: ai.activityId,
      activityType: isRoot ? 'processDefinition' : typeOf(model, ai.activityId),
      activityName: name,
      name,
      processInstanceId: pi.id,
      processDefinitionId: definition.id,
      executionIds: [ai.executionId],
      incidentIds: incidents.map((incident) => incident.id),
      incidents,
      childActivityInstances: children.map(build),
      childTransitionInstances: transitionsByParent.get(ai.id) ?? [],
    };
  };
  const root = pi.activityInstances[pi.id];
  if (!root) {
    throw new Error(`Process instance ${pi.id} has no root activity instance`);
  }
  return build(root);
}

function nameOf(model: ProcessModel, activityId: string): string | null {
  return model.activities[innerActivityId(activityId)]?.name ?? null;
}

function typeOf(model: ProcessModel, activityId: string): string {
  if (isBodyId(activityId)) {
    return 'multiInstanceBody';
  }
  return model.activities[activityId]?.activityType ?? 'unknown';
}
