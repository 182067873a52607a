import { ComboBox } from '@carbon/react';
import { useMemo } from 'react';

import type { BpmnElement, BpmnIndex } from '../model/bpmn-index';
import { listElements } from '../model/bpmn-index';

export interface ElementPickerProps {
  index: BpmnIndex;
  selectedElementId: string | null;
  onSelectElement: (elementId: string | null) => void;
  /** Token counts per element id, shown beside the names. */
  tokenCounts?: ReadonlyMap<string, number>;
}

interface PickerItem {
  id: string;
  text: string;
}

const TYPE_NAMES: Record<string, string> = {
  sequenceFlow: 'sequence flow',
  userTask: 'user task',
  serviceTask: 'service task',
  scriptTask: 'script task',
  sendTask: 'send task',
  receiveTask: 'receive task',
  manualTask: 'manual task',
  businessRuleTask: 'business rule task',
  callActivity: 'call activity',
  subProcess: 'subprocess',
  adHocSubProcess: 'ad-hoc subprocess',
  startEvent: 'start event',
  endEvent: 'end event',
  intermediateCatchEvent: 'intermediate catch event',
  intermediateThrowEvent: 'intermediate throw event',
  boundaryEvent: 'boundary event',
  exclusiveGateway: 'exclusive gateway',
  parallelGateway: 'parallel gateway',
  inclusiveGateway: 'inclusive gateway',
  eventBasedGateway: 'event-based gateway',
  complexGateway: 'complex gateway',
};

/** `user task`, `event subprocess`, `sequence flow`… */
export function describeElementType(element: BpmnElement): string {
  if (element.kind === 'sequenceFlow') {
    return 'sequence flow';
  }
  if (element.isEventSubProcess) {
    return 'event subprocess';
  }
  const type = TYPE_NAMES[element.type] ?? element.type;
  return element.multiInstance === null
    ? type
    : `${type}, ${element.multiInstance.sequential ? 'sequential' : 'parallel'} multi-instance`;
}

/**
 * Every activity and sequence flow by name and id, searchable: the keyboard path to an element,
 * without the diagram.
 */
export function ElementPicker({
  index,
  selectedElementId,
  onSelectElement,
  tokenCounts,
}: ElementPickerProps) {
  const items = useMemo(
    () =>
      listElements(index).map((element): PickerItem => {
        const count = tokenCounts?.get(element.id) ?? 0;
        const tokens = count === 0 ? '' : ` – ${count} token${count === 1 ? '' : 's'}`;
        const name = element.name ?? element.id;
        const id = element.name === null ? '' : ` [${element.id}]`;
        return { id: element.id, text: `${name}${id} (${describeElementType(element)})${tokens}` };
      }),
    [index, tokenCounts],
  );
  const selectedItem = items.find((item) => item.id === selectedElementId) ?? null;
  return (
    <ComboBox<PickerItem>
      id="modification-element-picker"
      titleText="Element"
      helperText="Type a name or id, or click the element in the diagram."
      placeholder="Choose an activity or sequence flow"
      items={items}
      itemToString={(item) => item?.text ?? ''}
      selectedItem={selectedItem}
      shouldFilterItem={({ item, inputValue }) =>
        matches(item.text, inputValue) || matches(item.id, inputValue)
      }
      onChange={({ selectedItem: item }) => {
        onSelectElement(item?.id ?? null);
      }}
    />
  );
}

function matches(text: string, input: string | null): boolean {
  return text.toLowerCase().includes((input ?? '').trim().toLowerCase());
}
