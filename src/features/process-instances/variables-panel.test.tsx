import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import type { VariableInstanceDto } from '../../../contract/camunda/variables';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import {
  buildActivityInstance,
  buildProcessInstanceTree,
  buildVariable,
  PROCESS_INSTANCE_ID,
} from './test-data-builders';
import { VariablesPanel } from './variables-panel';

const ORDER = {
  customer: 'Anna Becker',
  items: [
    { sku: 'SKU-40093', name: 'Descaling tablets', quantity: 3 },
    { sku: 'SKU-31205', name: 'Coffee grinder', quantity: 1 },
  ],
};

const TREE = buildProcessInstanceTree([
  buildActivityInstance({
    id: 'body-1',
    activityId: 'pick#multiInstanceBody',
    activityType: 'multiInstanceBody',
    activityName: 'Pick item',
    childActivityInstances: [
      buildActivityInstance({ id: 'pick-1', activityId: 'pick', activityName: 'Pick item' }),
      buildActivityInstance({ id: 'pick-2', activityId: 'pick', activityName: 'Pick item' }),
    ],
  }),
]);

function serve(variables: VariableInstanceDto[]) {
  let url: URL | undefined;
  server.use(
    http.get(`${ENGINE_REST_URL}/variable-instance`, ({ request }) => {
      url = new URL(request.url);
      return HttpResponse.json(variables);
    }),
    http.get(`${ENGINE_REST_URL}/process-instance/${PROCESS_INSTANCE_ID}/activity-instances`, () =>
      HttpResponse.json(TREE),
    ),
  );
  return () => url;
}

function rowOf(name: string): HTMLElement {
  return screen.getByRole('row', { name: new RegExp(`^${name} `) });
}

function cellsOf(name: string): (string | null)[] {
  return within(rowOf(name))
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

describe('VariablesPanel', () => {
  it('shows each value type readably, with the scope it lives in', async () => {
    const requestUrl = serve([
      buildVariable({ name: 'itemCount', type: 'Integer', value: 2, activityInstanceId: 'pick-2' }),
      buildVariable({ name: 'customer', type: 'String', value: 'Anna Becker' }),
      buildVariable({ name: 'express', type: 'Boolean', value: false }),
      buildVariable({ name: 'cancelledAt', type: 'Null', value: null }),
      buildVariable({ name: 'invoice', type: 'Bytes', value: null }),
      buildVariable({
        name: 'tags',
        type: 'Object',
        value: '["urgent","fragile"]',
        valueInfo: {
          objectTypeName: 'java.util.ArrayList',
          serializationDataFormat: 'application/json',
        },
      }),
      buildVariable({
        name: 'nrOfInstances',
        type: 'Integer',
        value: 2,
        activityInstanceId: 'body-1',
      }),
    ]);

    renderWithProviders(<VariablesPanel processInstanceId={PROCESS_INSTANCE_ID} />);

    await screen.findByRole('table', { name: 'Variables' });
    expect(cellsOf('customer')).toEqual(['customer', 'String', 'Anna Becker', 'Process instance']);
    expect(cellsOf('express')).toEqual(['express', 'Boolean', 'false', 'Process instance']);
    expect(cellsOf('cancelledAt')).toEqual(['cancelledAt', 'Null', 'null', 'Process instance']);
    expect(cellsOf('invoice')).toEqual(['invoice', 'Bytes', '(binary)', 'Process instance']);
    expect(cellsOf('tags')).toEqual([
      'tags',
      'Object (java.util.ArrayList)',
      '["urgent","fragile"]',
      'Process instance',
    ]);
    expect(await screen.findByRole('cell', { name: 'Pick item #2' })).toBeInTheDocument();
    expect(cellsOf('itemCount')).toEqual(['itemCount', 'Integer', '2', 'Pick item #2']);
    expect(cellsOf('nrOfInstances')).toEqual([
      'nrOfInstances',
      'Integer',
      '2',
      'Pick item (multi-instance body)',
    ]);
    expect(requestUrl()?.searchParams.get('processInstanceIdIn')).toBe(PROCESS_INSTANCE_ID);
    expect(requestUrl()?.searchParams.get('deserializeValues')).toBe('false');
  });

  it('cuts a long JSON value short and pretty-prints it in full on demand', async () => {
    serve([buildVariable({ name: 'order', type: 'Json', value: JSON.stringify(ORDER) })]);
    const { user } = renderWithProviders(
      <VariablesPanel processInstanceId={PROCESS_INSTANCE_ID} />,
    );

    await screen.findByRole('table', { name: 'Variables' });
    const row = rowOf('order');
    expect(row).toHaveTextContent('{"customer":"Anna Becker","items":[{"sku":"SKU-40093"');
    expect(row).not.toHaveTextContent('Coffee grinder');

    await user.click(within(row).getByRole('button', { name: 'Show all' }));

    expect(within(row).getByText(/"customer": "Anna Becker"/).textContent).toBe(
      JSON.stringify(ORDER, null, 2),
    );
    expect(within(row).getByRole('button', { name: 'Show less' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('says so when there are none', async () => {
    serve([]);

    renderWithProviders(<VariablesPanel processInstanceId={PROCESS_INSTANCE_ID} />);

    expect(await screen.findByText('This instance has no variables.')).toBeInTheDocument();
  });
});
