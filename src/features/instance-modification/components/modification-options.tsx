import { Checkbox, FormGroup } from '@carbon/react';

import { useModificationPlan } from '../use-modification-plan';

/** The two switches Camunda offers for a modification (`ProcessInstanceModificationBuilder.execute(skipCustomListeners, skipIoMappings)`), off by default. */
export function ModificationOptions() {
  const { plan, dispatch } = useModificationPlan();
  return (
    <FormGroup legendText="Options">
      <Checkbox
        id="modification-skip-custom-listeners"
        labelText="Skip custom listeners"
        helperText="No execution or task listeners run for the activities the modification starts or ends, including scopes created or ended on the way."
        checked={plan.skipCustomListeners}
        onChange={(_event, { checked }) => {
          dispatch({ type: 'setOptions', options: { skipCustomListeners: checked } });
        }}
      />
      <Checkbox
        id="modification-skip-io-mappings"
        labelText="Skip input/output mappings"
        helperText="No input mappings of started activities and no output mappings of ended or cancelled ones run, including scopes created or ended on the way."
        checked={plan.skipIoMappings}
        onChange={(_event, { checked }) => {
          dispatch({ type: 'setOptions', options: { skipIoMappings: checked } });
        }}
      />
    </FormGroup>
  );
}
