/**
 * Camunda's REST API does not list the instances of a batch, and a modification batch job carries
 * no process instance (`BatchJobDeclaration.resolveExecution` returns null). So when this console
 * creates a modification batch for many instances, it keeps what it asked for – the ids, or the
 * query – in localStorage under the batch id: later selections are checked against it, and a
 * failed job of the batch can be traced to the instances it was sent for. Records of batches that
 * no longer run are dropped when the running batches are next read.
 */
import * as z from 'zod/mini';

import type { SelectedInstances } from './process-instance-query';

export const BATCH_RECORDS_STORAGE_KEY = 'repair-bulk-batches';
const STORAGE_VERSION = 1;

export interface BulkBatchRecord {
  batchId: string;
  processDefinitionId: string;
  /** When the request was sent, ISO 8601. */
  createdAt: string;
  instances: SelectedInstances;
}

const recordSchema = z.object({
  batchId: z.string(),
  processDefinitionId: z.string(),
  createdAt: z.string(),
  instances: z.union([
    z.object({ processInstanceIds: z.array(z.string()) }),
    z.object({ processInstanceQuery: z.record(z.string(), z.unknown()) }),
    z.object({ historicProcessInstanceQuery: z.record(z.string(), z.unknown()) }),
  ]),
});

const storedSchema = z.object({
  version: z.literal(STORAGE_VERSION),
  records: z.array(recordSchema),
});

export function loadBatchRecords(storage: Storage = localStorage): BulkBatchRecord[] {
  try {
    const text = storage.getItem(BATCH_RECORDS_STORAGE_KEY);
    if (text === null) {
      return [];
    }
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.records : [];
  } catch {
    return [];
  }
}

export function recordBatch(record: BulkBatchRecord, storage: Storage = localStorage): void {
  const records = loadBatchRecords(storage).filter(({ batchId }) => batchId !== record.batchId);
  writeRecords([...records, record], storage);
}

/** Keeps only the records of batches that still run. */
export function pruneBatchRecords(
  runningBatchIds: ReadonlySet<string>,
  storage: Storage = localStorage,
): void {
  const records = loadBatchRecords(storage);
  const kept = records.filter(({ batchId }) => runningBatchIds.has(batchId));
  if (kept.length !== records.length) {
    writeRecords(kept, storage);
  }
}

function writeRecords(records: BulkBatchRecord[], storage: Storage): void {
  try {
    storage.setItem(
      BATCH_RECORDS_STORAGE_KEY,
      JSON.stringify({ version: STORAGE_VERSION, records }),
    );
  } catch {
    // Without the record the overlap check says it cannot know this batch's instances.
  }
}
