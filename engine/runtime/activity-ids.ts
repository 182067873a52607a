/**
 * Activity ids as activity instances carry them. Camunda gives a multi-instance activity a
 * separate body activity, `<id>#multiInstanceBody` (`ActivityTypes.MULTI_INSTANCE_BODY`, the id
 * suffix of `BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX`), whose children are the inner instances.
 */

export const MI_BODY_SUFFIX = '#multiInstanceBody';

/** Strips the multi-instance body suffix: `X#multiInstanceBody` → `X`. */
export function innerActivityId(activityId: string): string {
  return activityId.endsWith(MI_BODY_SUFFIX)
    ? activityId.slice(0, -MI_BODY_SUFFIX.length)
    : activityId;
}

export function isBodyId(activityId: string): boolean {
  return activityId.endsWith(MI_BODY_SUFFIX);
}
