import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import {
  activityInstance,
  processTree,
  runningOrderTree,
  transitionInstance,
} from '../../../modification/testing/modification-fixtures';
import { renderWorkspace } from '../testing/render-workspace';

afterEach(() => {
  localStorage.clear();
});

function instructionTexts(): string[] {
  const list = screen.queryByRole('list', { name: 'Instructions' });
  if (list === null) {
    return [];
  }
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('p')?.textContent ?? '');
}

describe('ModificationWorkspace', () => {
  it('builds a plan through the element picker and the action menu, keyboard included', async () => {
    const { user } = renderWorkspace();

    const picker = screen.getByRole('combobox', { name: 'Element' });
    await user.click(picker);
    await user.type(picker, 'ship or');
    await user.click(
      await screen.findByRole('option', { name: /Ship order \[ship\] \(user task\) – 1 token/ }),
    );

    expect(screen.getByRole('heading', { name: "Actions for 'Ship order'" })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "Cancel the token at 'Ship order'" }));
    expect(instructionTexts()).toEqual(["1. Cancel the token at 'Ship order'"]);
    expect(
      screen.getByText("Added to the plan: Cancel the token at 'Ship order'."),
    ).toBeInTheDocument();

    // A disabled action says why, in words.
    expect(screen.getByRole('button', { name: "Start after 'Ship order'" })).toBeEnabled();
    await user.clear(picker);
    await user.type(picker, 'paid');
    await user.click(await screen.findByRole('option', { name: /Paid\?/ }));
    expect(screen.getByRole('button', { name: "Start after 'Paid?'" })).toBeDisabled();
    expect(
      screen.getByText("Not possible: 'Paid?' has 2 outgoing flows – choose one of them."),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "Start on flow 'yes' to 'join'" }));

    expect(instructionTexts()).toEqual([
      "1. Cancel the token at 'Ship order'",
      "2. Start a new token on the sequence flow 'yes' from 'Paid?' to 'join'",
    ]);

    // Reorder with the keyboard: focus stays on the moved instruction.
    screen.getByRole('button', { name: 'Move up instruction 2' }).focus();
    await user.keyboard('{Enter}');
    expect(instructionTexts()).toEqual([
      "1. Start a new token on the sequence flow 'yes' from 'Paid?' to 'join'",
      "2. Cancel the token at 'Ship order'",
    ]);
    expect(screen.getByRole('button', { name: 'Move down instruction 1' })).toHaveFocus();
    expect(
      screen.getByText('Instructions run in this order; the order changes the result.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo last change' }));
    expect(instructionTexts()[0]).toBe("1. Cancel the token at 'Ship order'");
    await user.click(screen.getByRole('button', { name: 'Remove instruction 2' }));
    expect(instructionTexts()).toEqual(["1. Cancel the token at 'Ship order'"]);
  });

  it('moves tokens: source first, then the target', async () => {
    const { user } = renderWorkspace({ initialSelection: 'ship' });

    await user.click(
      screen.getByRole('button', { name: 'Move the token from here to another element…' }),
    );
    expect(screen.getByText(/Moving the tokens of 'Ship order'/)).toBeInTheDocument();

    const picker = screen.getByRole('combobox', { name: 'Element' });
    await user.clear(picker);
    await user.type(picker, 'escalate');
    await user.click(await screen.findByRole('option', { name: /Escalate/ }));
    await user.click(
      screen.getByRole('button', {
        name: "Move here: cancel the token at 'Ship order', start a new one before 'Escalate'",
      }),
    );

    expect(instructionTexts()).toEqual([
      "1. Cancel the token at 'Ship order'",
      "2. Start a new token before 'Escalate'",
    ]);
    expect(screen.queryByText(/Moving the tokens of/)).not.toBeInTheDocument();
    expect(
      // The first preview loads the engine chunk and parses the diagram.
      await screen.findByText(
        /Preview: the instance keeps running with 3 activity instances, 1 of them new/,
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });

  it('blocks review until an ambiguous ancestor is chosen', async () => {
    const tree = processTree(
      activityInstance('sub:1', 'sub', activityInstance('pick:1', 'pick')),
      activityInstance('sub:2', 'sub', activityInstance('pick:2', 'pick')),
    );
    const { user } = renderWorkspace({ tree, initialSelection: 'pick' });

    await user.click(screen.getByRole('button', { name: "Start before 'Pick item'" }));

    const review = screen.getByRole('button', { name: 'Review' });
    expect(review).toBeDisabled();
    expect(screen.getByText('Instruction 1 needs a choice first.')).toBeInTheDocument();
    const group = screen.getByRole('group', {
      name: 'Where the new token of instruction 1 starts',
    });
    expect(group).toHaveAccessibleDescription(
      "'Pick items' has 2 running instances: choose which one the new token goes into.",
    );
    expect(
      within(group).queryByRole('radio', { name: /Let Camunda choose/ }),
    ).not.toBeInTheDocument();

    await user.click(within(group).getByRole('radio', { name: /'Pick items' instance 2/ }));
    expect(review).toBeEnabled();
    expect(instructionTexts()).toEqual([
      "1. Start a new token before 'Pick item' inside 'Pick items' instance 2",
    ]);
  });

  it('validates variables per type before they join the plan', async () => {
    const { user } = renderWorkspace({ initialSelection: 'escalate' });
    await user.click(screen.getByRole('button', { name: "Start before 'Escalate'" }));
    await user.click(screen.getByRole('button', { name: 'Edit variables (0) of instruction 1' }));

    const form = screen.getByRole('form', { name: 'Variables of instruction 1' });
    expect(
      within(form).getByText(
        "Local: the variable is created only on the new token's own scope and is not visible to other paths; otherwise it is set where it already exists or on the process instance.",
      ),
    ).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Add variable' }));
    await user.click(within(form).getByRole('button', { name: 'Add variable' }));
    await user.selectOptions(within(form).getByLabelText('Type of variable 1'), 'Integer');
    await user.type(within(form).getByLabelText('Value of variable 1'), 'abc');
    await user.type(within(form).getByLabelText('Name of variable 2'), 'due');
    await user.selectOptions(within(form).getByLabelText('Type of variable 2'), 'Date');
    await user.type(within(form).getByLabelText('Value of variable 2'), 'tomorrow');
    await user.click(within(form).getByRole('button', { name: 'Save variables' }));

    expect(await within(form).findByText('Enter a name.')).toBeInTheDocument();
    expect(within(form).getByText('Enter a whole number, e.g. 42.')).toBeInTheDocument();
    expect(
      within(form).getByText('Enter an ISO 8601 date and time, e.g. 2024-05-01T14:30:00Z.'),
    ).toBeInTheDocument();

    await user.type(within(form).getByLabelText('Name of variable 1'), 'count');
    await user.clear(within(form).getByLabelText('Value of variable 1'));
    await user.type(within(form).getByLabelText('Value of variable 1'), '7');
    await user.click(within(form).getByLabelText('Local (variable 1)'));
    await user.selectOptions(within(form).getByLabelText('Type of variable 2'), 'Null');
    expect(within(form).getByLabelText('Value of variable 2')).toBeDisabled();
    await user.click(within(form).getByRole('button', { name: 'Save variables' }));

    expect(
      await screen.findByText(
        "1. Start a new token before 'Escalate', setting count = 7 (Integer, local), due = null (Null)",
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Variables of instruction 1' }),
    ).not.toBeInTheDocument();
  });

  it('restores the plan from storage after a remount, and discarding forgets it', async () => {
    const view = renderWorkspace({ initialSelection: 'ship' });
    await view.user.click(screen.getByRole('button', { name: "Cancel the token at 'Ship order'" }));
    expect(localStorage.getItem('repair-plan:pi-1')).not.toBeNull();
    view.unmount();

    const { user } = renderWorkspace();
    expect(instructionTexts()).toEqual(["1. Cancel the token at 'Ship order'"]);

    await user.click(screen.getByRole('button', { name: 'Discard plan' }));
    expect(instructionTexts()).toEqual([]);
    expect(localStorage.getItem('repair-plan:pi-1')).toBeNull();
  });

  it('warns when the instance changed under a stored plan', async () => {
    const view = renderWorkspace({ initialSelection: 'ship' });
    await view.user.click(screen.getByRole('button', { name: "Cancel the token at 'Ship order'" }));
    view.unmount();

    const { user } = renderWorkspace({
      tree: processTree(activityInstance('sub:1', 'sub', activityInstance('pick:1', 'pick'))),
    });
    expect(
      screen.getByText('The instance changed since the plan was last edited'),
    ).toBeInTheDocument();
    expect(
      screen.getByText("'Ship order': 1 token when the plan was made, 0 tokens now"),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Plan against the current state' }));
    expect(
      screen.queryByText('The instance changed since the plan was last edited'),
    ).not.toBeInTheDocument();
  });

  it('removes instructions about instances that are gone when planning against the current state', async () => {
    const view = renderWorkspace({ initialSelection: 'pick' });
    await view.user.click(screen.getByRole('button', { name: /^Cancel token 1/ }));
    const picker = screen.getByRole('combobox', { name: 'Element' });
    await view.user.clear(picker);
    await view.user.type(picker, 'ship or');
    await view.user.click(await screen.findByRole('option', { name: /^Ship order \[/ }));
    await view.user.click(screen.getByRole('button', { name: "Cancel the token at 'Ship order'" }));
    view.unmount();

    // The item was picked meanwhile: the token the first instruction cancels is gone.
    const { user } = renderWorkspace({
      tree: processTree(activityInstance('join:1', 'join'), activityInstance('ship:1', 'ship')),
    });
    await user.click(
      screen.getByRole('button', {
        name: 'Remove those instructions and plan against the current state',
      }),
    );
    expect(instructionTexts()).toEqual(["1. Cancel the token at 'Ship order'"]);
    expect(
      screen.getByText('Removed from the plan: Instruction 1: the token 1 it cancels is gone.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('The instance changed since the plan was last edited'),
    ).not.toBeInTheDocument();
  });

  it('shows tokens of the current tree in the picker', async () => {
    const { user } = renderWorkspace({ tree: runningOrderTree() });
    await user.click(screen.getByRole('combobox', { name: 'Element' }));
    expect(
      await screen.findByRole('option', { name: 'Pick item [pick] (user task) – 1 token' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'yes [yes] (sequence flow)' })).toBeInTheDocument();
  });

  it('says since when a waiting async continuation waits, from its job', async () => {
    // Neither waiting token has a running activity instance in history: only their jobs know.
    renderWorkspace({
      tree: processTree(transitionInstance('exec-1', 'ship'), transitionInstance('exec-2', 'ship')),
      jobs: [
        { executionId: 'exec-1', createTime: '2024-05-01T10:07:00.000+0000' },
        { executionId: 'other-execution', createTime: '2024-05-01T10:09:00.000+0000' },
      ],
      initialSelection: 'ship',
    });

    expect(
      await screen.findByRole('button', {
        name: 'Cancel the waiting async continuation exec-1',
        description: /Waiting since 2024-05-01 10:07:00/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Cancel the waiting async continuation exec-2' }),
    ).toHaveAccessibleDescription(/Waiting since an unknown time · no local variables$/);
  });
});
