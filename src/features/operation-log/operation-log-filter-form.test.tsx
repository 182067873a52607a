import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { renderWithProviders } from '../../testing/render-with-providers';
import { OperationLogFilterForm } from './operation-log-filter-form';

describe('OperationLogFilterForm', () => {
  it('applies the filters together, trimmed and without blank ones', async () => {
    const handleChange = vi.fn();
    const { user } = renderWithProviders(
      <OperationLogFilterForm value={{ userId: 'mary' }} onChange={handleChange} />,
    );

    expect(screen.getByRole('textbox', { name: 'User' })).toHaveValue('mary');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Operation' }),
      'ModifyProcessInstance',
    );
    await user.clear(screen.getByRole('textbox', { name: 'User' }));
    await user.type(screen.getByRole('textbox', { name: 'Process instance ID' }), ' pi-42 ');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(handleChange).toHaveBeenLastCalledWith({
      operationType: 'ModifyProcessInstance',
      userId: undefined,
      processInstanceId: 'pi-42',
    });
  });

  it('resets to no filters', async () => {
    const handleChange = vi.fn();
    const { user } = renderWithProviders(
      <OperationLogFilterForm
        value={{ operationType: 'SetJobRetries', processInstanceId: 'pi-42' }}
        onChange={handleChange}
      />,
    );

    await user.click(screen.getByRole('button', { name: 'Reset' }));

    expect(handleChange).toHaveBeenLastCalledWith({});
    expect(screen.getByRole('combobox', { name: 'Operation' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Process instance ID' })).toHaveValue('');
  });
});
