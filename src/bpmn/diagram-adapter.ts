import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { Event as DiagramEvent } from 'diagram-js/lib/core/EventBus';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type { ElementLike } from 'diagram-js/lib/model/Types';
import type { Point } from 'diagram-js/lib/util/Types';

import { pathMiddleOffset } from './path-middle';
import type { DiagramPoint } from './path-middle';
import { prepareDiagram, takePreparedDiagram } from './prepared-diagrams';
import type { ParsedDiagram } from './prepared-diagrams';

/** Diagram pixels from the element's edges (diagram-js semantics). */
export interface DiagramOverlayOffsets {
  top?: number;
  left?: number;
  right?: number;
  bottom?: number;
}

/**
 * Where an overlay sits: offsets from its element's edges, or `'path-middle'`, centred on the
 * middle of a sequence flow's path (on a shape, on its centre). A flow's edges are those of its
 * bounding box, whose corners lie off the line and often on a neighbouring shape.
 */
export type DiagramOverlayPosition = DiagramOverlayOffsets | 'path-middle';

/** An overlay as the adapter places it; React renders its content into the published container. */
export interface DiagramOverlayPlacement {
  id: string;
  elementId: string;
  position: DiagramOverlayPosition;
}

/** What the diagram should show on top of the imported XML. */
export interface DiagramRenderState {
  /** CSS classes per element id, added with `canvas.addMarker`. */
  markers: Readonly<Record<string, readonly string[]>>;
  overlays: readonly DiagramOverlayPlacement[];
}

export type DiagramImportResult =
  { status: 'imported'; warnings: readonly string[] } | { status: 'failed'; error: unknown };

export interface DiagramAdapterCallbacks {
  /** A shape or sequence flow was clicked (a label counts as its element; the canvas does not). */
  onElementClick: (elementId: string) => void;
  /** The containers React renders overlays into, by overlay id; called whenever the set changes. */
  onOverlayContainersChange: (containers: ReadonlyMap<string, HTMLElement>) => void;
  /** The latest XML was imported (and fitted), or failed to import. */
  onImport: (result: DiagramImportResult) => void;
}

/** diagram-js `type` of every overlay this adapter adds, so they can be told from bpmn-js' own. */
const OVERLAY_TYPE = 'bpmn-diagram';

/**
 * Overlays keep their size when the diagram is zoomed out to fit, so badges stay readable on
 * large processes (diagram-js `scale` option); zooming in still enlarges them.
 */
const OVERLAY_DEFAULTS = { scale: { min: 1 } };

/**
 * `zoom('fit-viewport', 'auto')` centres the diagram instead of pinning it to the top left; the
 * bpmn-js examples pass 'auto', but diagram-js' declarations only admit a point for `center`.
 */
const CENTERED = 'auto' as unknown as Point;

let viewerModule: Promise<typeof import('./navigated-viewer')> | null = null;

/**
 * Starts loading bpmn-js and its styles (a chunk of their own), or returns the load already under
 * way; a page calls it as it opens, so the viewer arrives while its data is still being fetched.
 */
export function loadDiagramViewer(): Promise<typeof import('./navigated-viewer')> {
  viewerModule ??= import('./navigated-viewer');
  return viewerModule;
}

/** The root element bpmn-js' importer reads an XML into. */
const DEFINITIONS_TYPE = 'bpmn:Definitions';

/**
 * Reads `xml` into bpmn-js' model while the browser is idle, so that its next import only draws
 * (`prepared-diagrams.ts`).
 */
export function prepareDiagramImport(xml: string): void {
  prepareDiagram(
    xml,
    loadDiagramViewer().then(
      ({ BpmnModdle }) =>
        (text: string) =>
          BpmnModdle().fromXML(text, DEFINITIONS_TYPE),
    ),
  );
}

/** bpmn-js' `moddle` service: the model its `importXML` reads the XML with. */
interface ViewerModdle {
  fromXML: (xml: string, type: string) => Promise<ParsedDiagram>;
}

interface RenderedOverlay {
  placement: DiagramOverlayPlacement;
  /** The id `overlays.add` returned. */
  diagramOverlayId: string;
  container: HTMLElement;
}

interface ClickedElement {
  id: string;
  labelTarget?: { id: string } | null;
}

/**
 * The one owner of a bpmn-js `NavigatedViewer` (docs/architecture.md#the-diagram). bpmn-js is
 * loaded on first use; the XML is re-imported only when it changes, and an import that a newer one
 * overtook is ignored. `render()` diffs markers and overlays against what is on the canvas, and
 * event handlers are stable references, so `off` really unsubscribes.
 */
export class DiagramAdapter {
  private viewer: NavigatedViewer | null = null;
  private readonly viewerReady: Promise<NavigatedViewer | null>;
  private readonly resizeObserver: ResizeObserver | null;
  private destroyed = false;

  private xml: string | null = null;
  /** Incremented per requested import; an import whose token is no longer current is stale. */
  private generation = 0;
  /** Imports run one after the other, so an older one can never finish last. */
  private importQueue: Promise<void> = Promise.resolve();
  private imported = false;
  /** The import happened while the container had no size: fit once it gets one. */
  private fitPending = false;
  /** The viewbox the last fit produced; while it is unchanged, the user has not navigated. */
  private fittedViewbox: { x: number; y: number; scale: number } | null = null;

  private desired: DiagramRenderState = { markers: {}, overlays: [] };
  private readonly renderedMarkers = new Map<string, Set<string>>();
  private readonly renderedOverlays = new Map<string, RenderedOverlay>();

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: DiagramAdapterCallbacks,
  ) {
    this.viewerReady = this.createViewer();
    this.resizeObserver =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(this.handleResize);
    this.resizeObserver?.observe(container);
  }

  /** Imports `xml` unless it is what was last requested; then re-applies the render state. */
  setXml(xml: string): void {
    if (this.destroyed || xml === this.xml) {
      return;
    }
    this.xml = xml;
    this.generation += 1;
    const generation = this.generation;
    this.importQueue = this.importQueue.then(() => this.importXml(xml, generation));
  }

  /** Makes markers and overlays match `state`, touching only what changed since the last call. */
  render(state: DiagramRenderState): void {
    this.desired = state;
    if (this.imported) {
      this.applyRenderState();
    }
  }

  /** Fits the whole diagram into the container. */
  fitViewport(): void {
    if (this.viewer === null || !this.imported) {
      return;
    }
    const canvas = this.viewer.get<Canvas>('canvas');
    if (this.container.clientWidth === 0 || this.container.clientHeight === 0) {
      this.fitPending = true;
      return;
    }
    this.fitPending = false;
    canvas.resized();
    canvas.zoom('fit-viewport', CENTERED);
    const { x, y, scale } = canvas.viewbox();
    this.fittedViewbox = { x, y, scale };
  }

  destroy(): void {
    if (this.destroyed) {
      return;
    }
    this.destroyed = true;
    this.generation += 1;
    this.resizeObserver?.disconnect();
    if (this.viewer !== null) {
      this.viewer.get<EventBus>('eventBus').off('element.click', this.handleElementClick);
      this.viewer.destroy();
      this.viewer = null;
    }
    if (this.renderedOverlays.size > 0) {
      this.renderedOverlays.clear();
      this.callbacks.onOverlayContainersChange(new Map());
    }
    this.renderedMarkers.clear();
  }

  private async createViewer(): Promise<NavigatedViewer | null> {
    const { NavigatedViewer: Viewer } = await loadDiagramViewer();
    if (this.destroyed) {
      return null;
    }
    const viewer = new Viewer({
      container: this.container,
      overlays: { defaults: OVERLAY_DEFAULTS },
    });
    viewer.get<EventBus>('eventBus').on('element.click', this.handleElementClick);
    // `importXML` reads the XML with this service, then announces and draws what it read: an XML
    // read ahead is handed over here, and the rest of the import (its events, the drilldown's
    // handling of collapsed subprocesses, error reporting) stays bpmn-js' own.
    const moddle = viewer.get<ViewerModdle>('moddle');
    const readXml = moddle.fromXML.bind(moddle);
    moddle.fromXML = (xml, type) => {
      const parsed = type === DEFINITIONS_TYPE ? takePreparedDiagram(xml) : undefined;
      return parsed === undefined ? readXml(xml, type) : Promise.resolve(parsed);
    };
    this.viewer = viewer;
    return viewer;
  }

  private async importXml(xml: string, generation: number): Promise<void> {
    const viewer = await this.viewerReady;
    if (viewer === null || this.isStale(generation)) {
      return;
    }
    // The import clears the canvas: nothing rendered so far survives it.
    this.imported = false;
    this.renderedMarkers.clear();
    if (this.renderedOverlays.size > 0) {
      this.renderedOverlays.clear();
      this.callbacks.onOverlayContainersChange(new Map());
    }
    try {
      const { warnings } = await viewer.importXML(xml);
      if (this.isStale(generation)) {
        return;
      }
      this.imported = true;
      this.fitViewport();
      this.applyRenderState();
      this.callbacks.onImport({ status: 'imported', warnings });
    } catch (error) {
      if (!this.isStale(generation)) {
        this.callbacks.onImport({ status: 'failed', error });
      }
    }
  }

  private isStale(generation: number): boolean {
    return this.destroyed || generation !== this.generation;
  }

  private applyRenderState(): void {
    if (this.viewer === null) {
      return;
    }
    const registry = this.viewer.get<ElementRegistry>('elementRegistry');
    const exists = (elementId: string) => registry.get(elementId) !== undefined;
    this.applyMarkers(this.viewer.get<Canvas>('canvas'), exists);
    this.applyOverlays(this.viewer.get<Overlays>('overlays'), registry);
  }

  private applyMarkers(canvas: Canvas, exists: (elementId: string) => boolean): void {
    const { markers } = this.desired;
    for (const [elementId, rendered] of this.renderedMarkers) {
      const wanted = markers[elementId] ?? [];
      for (const className of rendered) {
        if (!wanted.includes(className)) {
          canvas.removeMarker(elementId, className);
          rendered.delete(className);
        }
      }
      if (rendered.size === 0) {
        this.renderedMarkers.delete(elementId);
      }
    }
    for (const [elementId, classNames] of Object.entries(markers)) {
      if (classNames.length === 0 || !exists(elementId)) {
        continue;
      }
      const rendered = this.renderedMarkers.get(elementId) ?? new Set<string>();
      for (const className of classNames) {
        if (!rendered.has(className)) {
          canvas.addMarker(elementId, className);
          rendered.add(className);
        }
      }
      this.renderedMarkers.set(elementId, rendered);
    }
  }

  private applyOverlays(overlays: Overlays, registry: ElementRegistry): void {
    const wanted = new Map(this.desired.overlays.map((placement) => [placement.id, placement]));
    let changed = false;
    for (const [id, rendered] of this.renderedOverlays) {
      const placement = wanted.get(id);
      if (placement === undefined || !isSamePlacement(placement, rendered.placement)) {
        overlays.remove(rendered.diagramOverlayId);
        this.renderedOverlays.delete(id);
        changed = true;
      }
    }
    for (const placement of wanted.values()) {
      const element = registry.get(placement.elementId);
      if (this.renderedOverlays.has(placement.id) || element === undefined) {
        continue;
      }
      const container = document.createElement('div');
      container.className =
        placement.position === 'path-middle'
          ? 'bpmn-diagram__overlay bpmn-diagram__overlay--centred'
          : 'bpmn-diagram__overlay';
      container.dataset.overlayId = placement.id;
      const diagramOverlayId = overlays.add(placement.elementId, OVERLAY_TYPE, {
        position: toOffsets(placement.position, element),
        html: container,
      });
      this.renderedOverlays.set(placement.id, { placement, diagramOverlayId, container });
      changed = true;
    }
    if (changed) {
      this.callbacks.onOverlayContainersChange(
        new Map([...this.renderedOverlays].map(([id, { container }]) => [id, container])),
      );
    }
  }

  // The parameter type also fits `off`, which takes callbacks of any event.
  private readonly handleElementClick = (
    event: DiagramEvent & { element?: ClickedElement },
  ): void => {
    const { element } = event;
    if (this.viewer === null || element === undefined) {
      return;
    }
    if (element.id === this.viewer.get<Canvas>('canvas').getRootElement().id) {
      return;
    }
    this.callbacks.onElementClick(element.labelTarget?.id ?? element.id);
  };

  // The page settles after the import (side panels load, columns narrow): a diagram the user
  // has not panned or zoomed yet is fitted again, any other one keeps the user's view.
  private readonly handleResize = (): void => {
    if (this.viewer === null || !this.imported) {
      return;
    }
    const canvas = this.viewer.get<Canvas>('canvas');
    const { x, y, scale } = canvas.viewbox();
    const fitted = this.fittedViewbox;
    const isUntouched =
      fitted !== null && fitted.x === x && fitted.y === y && fitted.scale === scale;
    if (this.fitPending || isUntouched) {
      this.fitViewport();
    } else {
      canvas.resized();
    }
  };
}

function isSamePlacement(a: DiagramOverlayPlacement, b: DiagramOverlayPlacement): boolean {
  return a.elementId === b.elementId && isSamePosition(a.position, b.position);
}

function isSamePosition(a: DiagramOverlayPosition, b: DiagramOverlayPosition): boolean {
  if (a === 'path-middle' || b === 'path-middle') {
    return a === b;
  }
  return a.top === b.top && a.left === b.left && a.right === b.right && a.bottom === b.bottom;
}

/** The offsets diagram-js takes for `position` on `element` (a connection has waypoints). */
function toOffsets(position: DiagramOverlayPosition, element: ElementLike): DiagramOverlayOffsets {
  if (position !== 'path-middle') {
    return { ...position };
  }
  const waypoints = element.waypoints as readonly DiagramPoint[] | undefined;
  if (waypoints !== undefined) {
    return pathMiddleOffset(waypoints) ?? {};
  }
  return { top: Number(element.height ?? 0) / 2, left: Number(element.width ?? 0) / 2 };
}
