// The lazily loaded half of the diagram: bpmn-js and every stylesheet it needs travel in one chunk,
// which only the pages showing a diagram ever request.
import './bpmn-diagram.scss';

export { default as NavigatedViewer } from 'bpmn-js/lib/NavigatedViewer';
// bpmn-js' model, which its viewer creates without extensions: `prepareDiagramImport` reads XML
// with it before the viewer exists.
export { BpmnModdle } from 'bpmn-moddle';
