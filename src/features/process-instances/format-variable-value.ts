import type { VariableInstanceDto } from '../../../contract/camunda/variables';

/** Longer values (or any with a line break) show a one-line preview that expands. */
export const VALUE_PREVIEW_LENGTH = 80;

export interface FormattedValue {
  /** The whole value as text; JSON is pretty-printed. */
  text: string;
  /**
   * What shows until expanded: the first line (for JSON, of the compact form), cut at
   * `VALUE_PREVIEW_LENGTH` and ending in an ellipsis when anything is cut.
   */
  preview: string;
  /** Whether `preview` leaves anything out, so that the value needs to expand. */
  isTruncated: boolean;
  /** A value that is not data itself: `null`, binary content, a value the engine cannot read. */
  isPlaceholder: boolean;
}

/**
 * A variable's value as the console shows it, from `GET /variable-instance` with
 * `deserializeValues=false`: `Json` values and JSON-serialized `Object` values are
 * pretty-printed; other `Object` values are shown as serialized; `Bytes` and `File` values
 * (whose content the list never includes) by what they are.
 */
export function formatVariableValue(variable: VariableInstanceDto): FormattedValue {
  if (variable.errorMessage !== null) {
    return placeholder(`Cannot be read: ${variable.errorMessage}`);
  }
  const { type, value, valueInfo } = variable;
  if (type === 'Bytes') {
    return placeholder('(binary)');
  }
  if (type === 'File') {
    const fileName = valueInfo?.filename;
    return placeholder(typeof fileName === 'string' ? `(file ${fileName})` : '(file)');
  }
  if (value === null || value === undefined || type === 'Null') {
    return placeholder('null');
  }
  const isJson =
    type === 'Json' ||
    (type === 'Object' && valueInfo?.serializationDataFormat === 'application/json');
  if (typeof value !== 'string') {
    return withPreview(JSON.stringify(value, null, 2), JSON.stringify(value), false);
  }
  const parsed = isJson ? parseJson(value) : undefined;
  // JSON previews in its compact form, which shows more than the first line of the pretty one.
  return parsed === undefined
    ? withPreview(value, value, false)
    : withPreview(JSON.stringify(parsed, null, 2), JSON.stringify(parsed), false);
}

/** The type column: `Object` values name their Java class, which is what an operator looks for. */
export function formatVariableType(variable: VariableInstanceDto): string {
  const objectTypeName = variable.valueInfo?.objectTypeName;
  if (variable.type === 'Object' && typeof objectTypeName === 'string') {
    return `Object (${objectTypeName})`;
  }
  return variable.type ?? 'Unknown';
}

function placeholder(text: string): FormattedValue {
  return withPreview(text, text, true);
}

function withPreview(text: string, previewSource: string, isPlaceholder: boolean): FormattedValue {
  const firstLine = previewSource.split('\n', 1)[0] ?? '';
  const isCut = firstLine.length > VALUE_PREVIEW_LENGTH || firstLine.length < previewSource.length;
  const preview = isCut ? `${firstLine.slice(0, VALUE_PREVIEW_LENGTH).trimEnd()}…` : firstLine;
  return { text, preview, isTruncated: isCut, isPlaceholder };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
