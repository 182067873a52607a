import { IconButton, InlineLoading, InlineNotification } from '@carbon/react';
import { CenterToFit } from '@carbon/react/icons';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';

import { DiagramAdapter, loadDiagramViewer } from './diagram-adapter';
import type { DiagramImportResult, DiagramOverlayPosition } from './diagram-adapter';

import './bpmn-diagram-frame.scss';

export type { DiagramOverlayPosition } from './diagram-adapter';

/** CSS classes per element id, e.g. `{ reviewOrder: [DIAGRAM_MARKER.selected] }`. */
export type DiagramMarkers = Readonly<Record<string, readonly string[]>>;

/** HTML on top of a diagram element; `render` is called during React rendering, into a portal. */
export interface DiagramOverlay {
  /** Unique among the overlays of one diagram; keeps the overlay in place across renders. */
  id: string;
  elementId: string;
  /** Diagram pixels from the element's edges, e.g. `{ bottom: 12, left: -8 }`, or `'path-middle'`. */
  position: DiagramOverlayPosition;
  render: () => ReactNode;
}

/** The marker classes `bpmn-diagram.scss` styles; features may add their own next to them. */
export const DIAGRAM_MARKER = {
  /** The element the operator picked (a strong outline). */
  selected: 'diagram-marker--selected',
  /** An element that takes part in something (a soft fill). */
  highlighted: 'diagram-marker--highlighted',
  /** An element with an open incident (a red outline). */
  hasIncident: 'diagram-marker--has-incident',
} as const;

export interface BpmnDiagramProps {
  /** BPMN 2.0 XML with diagram interchange; re-imported only when the text changes. */
  xml: string;
  markers?: DiagramMarkers;
  overlays?: readonly DiagramOverlay[];
  /** A shape or sequence flow was clicked (clicking a label counts as its element). */
  onElementClick?: (elementId: string) => void;
  /** The accessible name of the diagram. */
  ariaLabel: string;
  /** Called after each import, once the diagram is drawn and fitted, or has failed to import. */
  onSettled?: () => void;
}

type DiagramState =
  { status: 'loading' } | { status: 'ready' } | { status: 'error'; message: string };

const NO_MARKERS: DiagramMarkers = {};
const NO_OVERLAYS: readonly DiagramOverlay[] = [];
const NO_CONTAINERS: ReadonlyMap<string, HTMLElement> = new Map();

/**
 * A read-only BPMN diagram (bpmn-js `NavigatedViewer`, loaded on first use): drag to pan,
 * Ctrl + wheel to zoom. Markers and overlays are declarative props; overlay content is React,
 * rendered through portals into the containers the adapter placed on the canvas.
 */
export function BpmnDiagram({
  xml,
  markers = NO_MARKERS,
  overlays = NO_OVERLAYS,
  onElementClick,
  ariaLabel,
  onSettled,
}: BpmnDiagramProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<DiagramAdapter | null>(null);
  const callbacksRef = useRef({ onElementClick, onSettled });
  const [overlayContainers, setOverlayContainers] = useState(NO_CONTAINERS);
  const [state, setState] = useState<DiagramState>({ status: 'loading' });

  // The adapter is created once; it calls whatever callbacks the latest render passed.
  useLayoutEffect(() => {
    callbacksRef.current = { onElementClick, onSettled };
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) {
      return;
    }
    let overlayContainers = NO_CONTAINERS;
    const adapter = new DiagramAdapter(canvas, {
      onElementClick: (elementId) => {
        callbacksRef.current.onElementClick?.(elementId);
      },
      onOverlayContainersChange: (containers) => {
        overlayContainers = containers;
        setOverlayContainers(containers);
      },
      onImport: (result) => {
        // Synchronously, with the overlays' containers: the diagram and what React renders into
        // its overlays reach the screen in the same paint, instead of the bare diagram first.
        flushSync(() => {
          setOverlayContainers(overlayContainers);
          setState(toDiagramState(result));
        });
        callbacksRef.current.onSettled?.();
      },
    });
    adapterRef.current = adapter;
    return () => {
      adapter.destroy();
      adapterRef.current = null;
    };
  }, []);

  useEffect(() => {
    adapterRef.current?.setXml(xml);
  }, [xml]);

  const placements = useMemo(
    () => overlays.map(({ id, elementId, position }) => ({ id, elementId, position })),
    [overlays],
  );
  useEffect(() => {
    adapterRef.current?.render({ markers, overlays: placements });
  }, [markers, placements]);

  const handleFit = () => {
    adapterRef.current?.fitViewport();
  };

  return (
    <div
      className="bpmn-diagram"
      role="figure"
      aria-label={ariaLabel}
      aria-busy={state.status === 'loading'}
      data-diagram-state={state.status}
    >
      <div className="bpmn-diagram__canvas" ref={canvasRef} />
      {state.status === 'loading' && (
        <InlineLoading className="bpmn-diagram__status" description="Loading diagram…" />
      )}
      {state.status === 'error' && (
        <div className="bpmn-diagram__status">
          <InlineNotification
            kind="error"
            role="alert"
            lowContrast
            hideCloseButton
            title="The diagram could not be shown"
            subtitle={state.message}
          />
        </div>
      )}
      {state.status === 'ready' && (
        <div className="bpmn-diagram__fit">
          <IconButton kind="ghost" size="sm" align="left" label="Fit diagram" onClick={handleFit}>
            <CenterToFit />
          </IconButton>
        </div>
      )}
      {overlays.map((overlay) => {
        const container = overlayContainers.get(overlay.id);
        return container === undefined
          ? null
          : createPortal(overlay.render(), container, overlay.id);
      })}
    </div>
  );
}

/**
 * Starts loading bpmn-js before the first `<BpmnDiagram>` mounts; a page that will show a diagram
 * calls it as it opens, so the viewer loads while the XML is still being fetched.
 */
export function preloadBpmnDiagram(): void {
  void loadDiagramViewer();
}

function toDiagramState(result: DiagramImportResult): DiagramState {
  if (result.status === 'imported') {
    return { status: 'ready' };
  }
  const { error } = result;
  return { status: 'error', message: error instanceof Error ? error.message : String(error) };
}
