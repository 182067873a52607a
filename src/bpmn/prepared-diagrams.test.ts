import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { MAX_PREPARED_XML_LENGTH, prepareDiagram, takePreparedDiagram } from './prepared-diagrams';
import type { ParsedDiagram } from './prepared-diagrams';

const idleTasks: (() => void)[] = [];

vi.mock('../lib/when-idle', () => ({
  whenIdle: (task: () => void) => {
    idleTasks.push(task);
  },
}));

/** Runs what waits for the browser to be idle, and the promises it settles. */
async function becomeIdle(): Promise<void> {
  await Promise.resolve();
  for (let task = idleTasks.shift(); task !== undefined; task = idleTasks.shift()) {
    task();
  }
  await Promise.resolve();
  await Promise.resolve();
}

function parsedAs(xml: string): ParsedDiagram {
  return { rootElement: { xml }, warnings: [] };
}

describe('prepared diagrams', () => {
  let parse: ReturnType<typeof vi.fn<(xml: string) => Promise<ParsedDiagram>>>;

  beforeEach(() => {
    parse = vi.fn((xml: string) => Promise.resolve(parsedAs(xml)));
  });

  afterEach(async () => {
    // Each test leaves nothing prepared for the next one.
    await becomeIdle();
    for (const xml of ['<a/>', '<b/>', '<c/>']) {
      takePreparedDiagram(xml);
    }
  });

  it('reads the XML once the browser is idle and hands the model to one import only', async () => {
    prepareDiagram('<a/>', Promise.resolve(parse));
    await Promise.resolve();
    expect(parse).not.toHaveBeenCalled();

    await becomeIdle();
    expect(parse).toHaveBeenCalledExactlyOnceWith('<a/>');
    expect(takePreparedDiagram('<a/>')).toEqual(parsedAs('<a/>'));
    expect(takePreparedDiagram('<a/>')).toBeUndefined();
  });

  it('reads an XML asked for twice only once', async () => {
    prepareDiagram('<a/>', Promise.resolve(parse));
    prepareDiagram('<a/>', Promise.resolve(parse));
    await becomeIdle();
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('lets an import that comes before the idle time read the XML itself', async () => {
    prepareDiagram('<a/>', Promise.resolve(parse));
    expect(takePreparedDiagram('<a/>')).toBeUndefined();

    await becomeIdle();
    expect(parse).not.toHaveBeenCalled();
    expect(takePreparedDiagram('<a/>')).toBeUndefined();
  });

  it('keeps nothing of an XML that does not parse, so its import reports why', async () => {
    prepareDiagram(
      '<a/>',
      Promise.resolve(() => Promise.reject(new Error('unparsable'))),
    );
    await becomeIdle();
    expect(takePreparedDiagram('<a/>')).toBeUndefined();
  });

  it('keeps the two XMLs prepared last', async () => {
    prepareDiagram('<a/>', Promise.resolve(parse));
    prepareDiagram('<b/>', Promise.resolve(parse));
    prepareDiagram('<c/>', Promise.resolve(parse));
    await becomeIdle();
    expect(parse.mock.calls.map(([xml]) => xml)).toEqual(['<b/>', '<c/>']);
    expect(takePreparedDiagram('<a/>')).toBeUndefined();
    expect(takePreparedDiagram('<b/>')).toEqual(parsedAs('<b/>'));
    expect(takePreparedDiagram('<c/>')).toEqual(parsedAs('<c/>'));
  });

  it('leaves an XML too large to read in one idle task to its import, keeping the others', async () => {
    const large = `<definitions>${' '.repeat(MAX_PREPARED_XML_LENGTH)}</definitions>`;
    prepareDiagram('<a/>', Promise.resolve(parse));
    prepareDiagram('<b/>', Promise.resolve(parse));
    prepareDiagram(large, Promise.resolve(parse));
    await becomeIdle();
    expect(parse.mock.calls.map(([xml]) => xml)).toEqual(['<a/>', '<b/>']);
    expect(takePreparedDiagram(large)).toBeUndefined();
    expect(takePreparedDiagram('<a/>')).toEqual(parsedAs('<a/>'));
  });
});
