import { Button, ComposedModal, ModalBody, ModalHeader } from '@carbon/react';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { usePageEscape } from './use-page-escape';

function Page({ onEscape }: { onEscape: () => void }) {
  const [open, setOpen] = useState(false);
  usePageEscape(onEscape);
  return (
    <>
      <label>
        Search <input />
      </label>
      <Button
        onClick={() => {
          setOpen(true);
        }}
      >
        Review
      </Button>
      {open && (
        <ComposedModal
          open
          onClose={() => {
            setOpen(false);
          }}
        >
          <ModalHeader title="Review the modification" />
          <ModalBody>Nothing yet</ModalBody>
        </ComposedModal>
      )}
    </>
  );
}

describe('usePageEscape', () => {
  it('takes an Escape pressed on the page', async () => {
    const onEscape = vi.fn();
    render(<Page onEscape={onEscape} />);
    await userEvent.keyboard('{Escape}');
    expect(onEscape).toHaveBeenCalledOnce();
  });

  it('leaves the Escape that closes a dialog to the dialog', async () => {
    // Carbon's modal places its scroll shadow with one; jsdom has no layout to observe.
    vi.stubGlobal('ResizeObserver', NoopResizeObserver);
    const onEscape = vi.fn();
    render(<Page onEscape={onEscape} />);
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    // Sent to the page, not the dialog: Carbon's modal closes on any Escape while it is open.
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onEscape).not.toHaveBeenCalled();
  });

  it('leaves an Escape typed into a text field to the field', async () => {
    const onEscape = vi.fn();
    render(<Page onEscape={onEscape} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Search' }), 'ship{Escape}');
    expect(onEscape).not.toHaveBeenCalled();
  });
});

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
