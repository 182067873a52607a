import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { BpmnDiagram, DIAGRAM_MARKER } from './bpmn-diagram';
import type { DiagramOverlay } from './bpmn-diagram';
import type { DiagramAdapterCallbacks, DiagramRenderState } from './diagram-adapter';

// bpmn-js needs SVG geometry that jsdom lacks: the adapter is replaced by a recorder, and these
// tests check what the React face asks of it (docs/architecture.md#tests).
interface FakeAdapter {
  container: HTMLElement;
  callbacks: DiagramAdapterCallbacks;
  setXml: (xml: string) => void;
  render: (state: DiagramRenderState) => void;
  fitViewport: () => void;
  destroy: () => void;
}

const adapters = vi.hoisted(() => [] as FakeAdapter[]);

vi.mock('./diagram-adapter', () => ({
  loadDiagramViewer: vi.fn(),
  DiagramAdapter: class implements FakeAdapter {
    setXml = vi.fn<(xml: string) => void>();
    render = vi.fn<(state: DiagramRenderState) => void>();
    fitViewport = vi.fn<() => void>();
    destroy = vi.fn<() => void>();
    constructor(
      public container: HTMLElement,
      public callbacks: DiagramAdapterCallbacks,
    ) {
      adapters.push(this);
    }
  },
}));

const XML = '<definitions id="one"/>';

function onlyAdapter(): FakeAdapter {
  expect(adapters).toHaveLength(1);
  return adapters[0] as FakeAdapter;
}

describe('BpmnDiagram', () => {
  beforeEach(() => {
    adapters.length = 0;
  });

  it('imports the XML once and re-imports only when it changes', () => {
    const { rerender } = render(<BpmnDiagram xml={XML} ariaLabel="Diagram" />);
    const adapter = onlyAdapter();
    expect(adapter.setXml).toHaveBeenCalledExactlyOnceWith(XML);

    rerender(<BpmnDiagram xml={XML} ariaLabel="Diagram" markers={{}} />);
    expect(adapter.setXml).toHaveBeenCalledTimes(1);

    rerender(<BpmnDiagram xml="<definitions id='two'/>" ariaLabel="Diagram" />);
    expect(adapter.setXml).toHaveBeenLastCalledWith("<definitions id='two'/>");
  });

  it('hands markers and overlay placements to the adapter', () => {
    const overlays: DiagramOverlay[] = [
      { id: 'tokens:task', elementId: 'task', position: { bottom: 10 }, render: () => '2' },
    ];
    const { rerender } = render(
      <BpmnDiagram
        xml={XML}
        ariaLabel="Diagram"
        markers={{ task: [DIAGRAM_MARKER.selected] }}
        overlays={overlays}
      />,
    );
    const adapter = onlyAdapter();
    expect(adapter.render).toHaveBeenLastCalledWith({
      markers: { task: [DIAGRAM_MARKER.selected] },
      overlays: [{ id: 'tokens:task', elementId: 'task', position: { bottom: 10 } }],
    });

    rerender(<BpmnDiagram xml={XML} ariaLabel="Diagram" markers={{}} overlays={overlays} />);
    expect(adapter.render).toHaveBeenLastCalledWith({
      markers: {},
      overlays: [{ id: 'tokens:task', elementId: 'task', position: { bottom: 10 } }],
    });
  });

  it('renders overlay content into the containers the adapter placed', () => {
    render(
      <BpmnDiagram
        xml={XML}
        ariaLabel="Diagram"
        overlays={[
          {
            id: 'tokens:task',
            elementId: 'task',
            position: { bottom: 10, left: -8 },
            render: () => <span>3 active</span>,
          },
        ]}
      />,
    );
    const adapter = onlyAdapter();
    const container = document.createElement('div');
    adapter.container.append(container);

    act(() => {
      adapter.callbacks.onOverlayContainersChange(new Map([['tokens:task', container]]));
    });

    expect(container).toHaveTextContent('3 active');
  });

  it('reports element clicks to the latest handler, and when the import is done', () => {
    const firstHandler = vi.fn();
    const latestHandler = vi.fn();
    const handleSettled = vi.fn();
    const { rerender } = render(
      <BpmnDiagram xml={XML} ariaLabel="Diagram" onElementClick={firstHandler} />,
    );
    rerender(
      <BpmnDiagram
        xml={XML}
        ariaLabel="Diagram"
        onElementClick={latestHandler}
        onSettled={handleSettled}
      />,
    );
    const adapter = onlyAdapter();
    const figure = screen.getByRole('figure', { name: 'Diagram' });
    expect(figure).toHaveAttribute('data-diagram-state', 'loading');

    act(() => {
      adapter.callbacks.onImport({ status: 'imported', warnings: [] });
      adapter.callbacks.onElementClick('flow1');
    });

    expect(latestHandler).toHaveBeenCalledExactlyOnceWith('flow1');
    expect(firstHandler).not.toHaveBeenCalled();
    expect(handleSettled).toHaveBeenCalledTimes(1);
    expect(figure).toHaveAttribute('data-diagram-state', 'ready');
  });

  it('says why a diagram cannot be shown', () => {
    const handleSettled = vi.fn();
    render(<BpmnDiagram xml="not xml" ariaLabel="Diagram" onSettled={handleSettled} />);

    act(() => {
      onlyAdapter().callbacks.onImport({
        status: 'failed',
        error: new Error('unparsable content'),
      });
    });

    expect(screen.getByRole('alert')).toHaveTextContent('unparsable content');
    expect(handleSettled).toHaveBeenCalledTimes(1);
  });

  it('destroys the viewer on unmount', () => {
    const { unmount } = render(<BpmnDiagram xml={XML} ariaLabel="Diagram" />);
    const adapter = onlyAdapter();

    unmount();

    expect(adapter.destroy).toHaveBeenCalledTimes(1);
  });
});
