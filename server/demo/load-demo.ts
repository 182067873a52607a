/**
 * Demo data for `npm start`: deploys three processes an operator would recognise and leaves about a
 * hundred instances spread over every wait state, including failed jobs with incidents and
 * multi-instance subprocesses with several instances, so the console has something to repair.
 * On top come the traces of earlier repairs: annotated modifications in the operation log, a
 * finished modification batch and one stuck on failed jobs.
 * The spread is fixed per state and shuffled by a seeded generator: every start shows the same data.
 */
import { readFile } from 'node:fs/promises';
import type { EngineApi } from '../../engine/engine-api';
import type { ModificationInstruction } from '../../engine/modification/modification-instruction';
import type { BatchRec, ProcessInstanceState } from '../../engine/runtime/state';
import type { TypedValue } from '../../engine/variables';

/** Changing it reshuffles names, amounts and business keys, never how many instances wait where. */
const DEMO_SEED = 7781;

const DEMO_DEPLOYMENT_NAME = 'demo';

/** Who made the demo repairs; the operation log shows only authenticated users' operations. */
const DEMO_OPERATOR = 'demo';

const DEMO_RESOURCES = ['order-fulfilment.bpmn', 'invoice-approval.bpmn', 'payment.bpmn'] as const;

/** Camunda's default retries for a failed job; after the last one the job raises an incident. */
const JOB_ATTEMPTS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deploys the demo processes and starts the demo instances; failures are logged, never thrown.
 * With `authenticated` false (an engine served without authentication) the demo's earlier repairs
 * were made by nobody, as requests to such a REST API have no user, and leave no operation log.
 */
export async function loadDemo(
  engine: EngineApi,
  { authenticated = true }: { authenticated?: boolean } = {},
): Promise<void> {
  const operator = authenticated ? DEMO_OPERATOR : null;
  try {
    await deployDemo(engine);
  } catch (error) {
    console.warn(`Demo data not loaded: deploying the demo processes failed: ${describe(error)}`);
    return;
  }
  const random = createRandom(DEMO_SEED);
  const failures = [
    ...startOrders(engine, random),
    ...startInvoices(engine, random),
    ...startPayments(engine, random),
  ];
  assignSomeTasks(engine, random);
  failures.push(...repairAsAnOperatorWould(engine, operator));
  if (failures.length > 0) {
    console.warn(
      `Demo data incomplete: ${String(failures.length)} instances could not be set up:\n  ${failures.join('\n  ')}`,
    );
  }
}

async function deployDemo(engine: EngineApi): Promise<void> {
  const resources = await Promise.all(
    DEMO_RESOURCES.map(async (name) => ({
      name,
      content: await readFile(new URL(`./${name}`, import.meta.url), 'utf8'),
    })),
  );
  await engine.deploy({ name: DEMO_DEPLOYMENT_NAME, source: 'demo data', resources });
}

// orders ////////////////////////////////////////////////////////////////////////////////////////

type OrderStage =
  | 'picking'
  | 'packing'
  | 'awaitingShipping'
  | 'awaitingPicking'
  | 'expressHandling'
  | 'shipping'
  | 'chasing'
  | 'shipped';

const ORDER_STAGES: Record<OrderStage, number> = {
  picking: 8,
  packing: 8,
  awaitingShipping: 5,
  awaitingPicking: 5,
  expressHandling: 4,
  shipping: 7,
  chasing: 5,
  shipped: 3,
};

interface Product {
  sku: string;
  name: string;
  price: number;
}

const PRODUCTS: readonly Product[] = [
  { sku: 'SKU-10442', name: 'Espresso machine', price: 349.0 },
  { sku: 'SKU-20817', name: 'Milk frother', price: 59.9 },
  { sku: 'SKU-31205', name: 'Coffee grinder', price: 129.5 },
  { sku: 'SKU-40093', name: 'Descaling tablets (12)', price: 14.95 },
  { sku: 'SKU-52710', name: 'Barista tamper', price: 24.99 },
  { sku: 'SKU-60381', name: 'Glass carafe', price: 34.0 },
  { sku: 'SKU-71124', name: 'Single-origin beans 1 kg', price: 27.8 },
  { sku: 'SKU-85502', name: 'Knock box', price: 19.9 },
];

/** Weighted towards several items: a multi-instance subprocess with one instance shows little. */
const ITEM_COUNTS = [1, 2, 2, 3, 3, 4] as const;

const CUSTOMERS = [
  'Anna Becker',
  'Jonas Weber',
  'Sofia Rossi',
  'Liam O’Connor',
  'Mia Johansson',
  'Noah Dubois',
  'Emma van Dijk',
  'Lucas Novak',
  'Olivia Kowalski',
  'Elias Fischer',
  'Chloe Martin',
  'Mateo García',
] as const;

const CITIES = [
  'Berlin',
  'Hamburg',
  'Munich',
  'Vienna',
  'Zurich',
  'Amsterdam',
  'Lyon',
  'Milan',
] as const;

function startOrders(engine: EngineApi, random: Random): string[] {
  const definitionId = engine.latestDefinition('orderFulfilment')?.id;
  if (definitionId === undefined) {
    return ['orderFulfilment is not deployed'];
  }
  const failures: string[] = [];
  let number = 1001;
  for (const stage of expandStages(random, ORDER_STAGES)) {
    number += between(random, 1, 3);
    const businessKey = `ORD-${String(number)}`;
    const items = shuffle(random, [...PRODUCTS])
      .slice(0, pick(random, ITEM_COUNTS))
      .map((product) => ({ ...product, quantity: between(random, 1, 3) }));
    const express = stage === 'expressHandling' || random() < 0.3;
    const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    try {
      const { id } = engine.startProcessInstance(definitionId, {
        businessKey,
        variables: {
          customer: stringValue(pick(random, CUSTOMERS)),
          shippingCity: stringValue(pick(random, CITIES)),
          orderTotal: doubleValue(roundCents(total)),
          express: booleanValue(express),
          items: jsonValue(items),
        },
      });
      advanceOrder(engine, random, id, stage, items.length);
    } catch (error) {
      failures.push(`${businessKey} (${stage}): ${describe(error)}`);
    }
  }
  return failures;
}

function advanceOrder(
  engine: EngineApi,
  random: Random,
  id: string,
  stage: OrderStage,
  itemCount: number,
): void {
  switch (stage) {
    case 'picking':
      return;
    case 'packing': {
      // Some items picked, so Pick item and Pack item wait side by side in different subprocesses.
      const picked = between(random, 1, itemCount);
      completeTasks(engine, id, 'pickItem', picked);
      completeTasks(engine, id, 'packItem', between(random, 0, picked - 1));
      return;
    }
    case 'awaitingShipping':
      completeTasks(engine, id, 'pickItem');
      completeTasks(engine, id, 'packItem');
      return;
    case 'awaitingPicking':
      completeTasks(engine, id, 'reserveShipping');
      completeTasks(engine, id, 'pickItem', between(random, 0, itemCount - 1));
      return;
    case 'expressHandling':
      finishFulfilment(engine, id);
      return;
    case 'shipping':
      finishFulfilment(engine, id);
      completeTasks(engine, id, 'expressHandling');
      return;
    case 'chasing':
      finishFulfilment(engine, id);
      completeTasks(engine, id, 'expressHandling');
      // The 48 h reminder is due in the future; running its job now plays the time forward.
      for (const job of jobsAt(engine, id, 'reminder')) {
        engine.executeJob(job);
      }
      return;
    case 'shipped':
      finishFulfilment(engine, id);
      completeTasks(engine, id, 'expressHandling');
      completeTasks(engine, id, 'shipOrder', undefined, {
        trackingNumber: stringValue(`DHL-${String(between(random, 100000, 999999))}`),
      });
      return;
  }
}

function finishFulfilment(engine: EngineApi, id: string): void {
  completeTasks(engine, id, 'pickItem');
  completeTasks(engine, id, 'packItem');
  completeTasks(engine, id, 'reserveShipping', undefined, { carrier: stringValue('DHL') });
}

// invoices //////////////////////////////////////////////////////////////////////////////////////

type InvoiceStage =
  'checking' | 'reviewing' | 'partlyReviewed' | 'booking' | 'clarifying' | 'withdrawn' | 'booked';

const INVOICE_STAGES: Record<InvoiceStage, number> = {
  checking: 7,
  reviewing: 6,
  partlyReviewed: 6,
  booking: 5,
  clarifying: 4,
  withdrawn: 2,
  booked: 2,
};

const SUPPLIERS = [
  'Nordwind Logistics GmbH',
  'Brightline Office Supplies',
  'Alpen Kaffee Import AG',
  'Kowalski Packaging Sp. z o.o.',
  'Rivera Print & Design',
  'Helios Facility Services',
  'Blue Harbour IT Consulting',
] as const;

function startInvoices(engine: EngineApi, random: Random): string[] {
  const definitionId = engine.latestDefinition('invoiceApproval')?.id;
  if (definitionId === undefined) {
    return ['invoiceApproval is not deployed'];
  }
  const failures: string[] = [];
  let number = 2001;
  for (const stage of expandStages(random, INVOICE_STAGES)) {
    number += between(random, 1, 4);
    const businessKey = `INV-${String(number)}`;
    try {
      const { id } = engine.startProcessInstance(definitionId, {
        businessKey,
        variables: {
          supplier: stringValue(pick(random, SUPPLIERS)),
          invoiceNumber: stringValue(`RE-${String(between(random, 240001, 249999))}`),
          amount: doubleValue(roundCents(between(random, 12000, 1250000) / 100)),
          currency: stringValue('EUR'),
          invoiceDate: dateValue(engine.now() - between(random, 2, 30) * DAY_MS),
          reviewers: integerValue(between(random, 2, 4)),
        },
      });
      advanceInvoice(engine, random, id, stage);
    } catch (error) {
      failures.push(`${businessKey} (${stage}): ${describe(error)}`);
    }
  }
  return failures;
}

function advanceInvoice(engine: EngineApi, random: Random, id: string, stage: InvoiceStage): void {
  if (stage === 'checking') {
    return;
  }
  if (stage === 'withdrawn') {
    engine.correlateMessage({ messageName: 'InvoiceWithdrawn', processInstanceId: id });
    return;
  }
  completeTasks(engine, id, 'checkInvoice', undefined, {
    costCentre: stringValue(`CC-${String(between(random, 100, 499))}`),
  });
  if (stage === 'reviewing') {
    return;
  }
  const approve = stage !== 'clarifying';
  completeTasks(engine, id, 'reviewInvoice', 1, { approved: booleanValue(approve) });
  if (stage === 'partlyReviewed') {
    return;
  }
  // The second review meets the completion condition; the remaining reviews are cancelled.
  completeTasks(engine, id, 'reviewInvoice', 1, { approved: booleanValue(approve) });
  if (stage === 'booked') {
    for (const job of jobsAt(engine, id, 'bookInvoice')) {
      engine.executeJob(job);
    }
  }
}

// payments //////////////////////////////////////////////////////////////////////////////////////

type PaymentStage = 'charging' | 'retrying' | 'incident' | 'confirming' | 'timedOut' | 'paid';

const PAYMENT_STAGES: Record<PaymentStage, number> = {
  charging: 5,
  retrying: 3,
  incident: 6,
  confirming: 10,
  timedOut: 6,
  paid: 3,
};

function startPayments(engine: EngineApi, random: Random): string[] {
  const definitionId = engine.latestDefinition('payment')?.id;
  if (definitionId === undefined) {
    return ['payment is not deployed'];
  }
  const failures: string[] = [];
  let number = 7701;
  for (const stage of expandStages(random, PAYMENT_STAGES)) {
    number += between(random, 1, 5);
    const businessKey = `PAY-${String(number)}`;
    // A declined card makes the Charge card expression name an unknown identifier, so its job fails.
    const cardValid = stage !== 'retrying' && stage !== 'incident';
    try {
      const { id } = engine.startProcessInstance(definitionId, {
        businessKey,
        variables: {
          customer: stringValue(pick(random, CUSTOMERS)),
          orderReference: stringValue(`ORD-${String(between(random, 1001, 1130))}`),
          amount: doubleValue(roundCents(between(random, 990, 189900) / 100)),
          currency: stringValue('EUR'),
          cardLast4: stringValue(String(between(random, 0, 9999)).padStart(4, '0')),
          cardValid: booleanValue(cardValid),
        },
      });
      advancePayment(engine, random, id, stage);
    } catch (error) {
      failures.push(`${businessKey} (${stage}): ${describe(error)}`);
    }
  }
  return failures;
}

function advancePayment(engine: EngineApi, random: Random, id: string, stage: PaymentStage): void {
  switch (stage) {
    case 'charging':
      return;
    case 'retrying':
      failJob(engine, id, 'chargeCard', 1);
      return;
    case 'incident':
      failJob(engine, id, 'chargeCard', JOB_ATTEMPTS);
      return;
    case 'confirming':
      chargeCard(engine, id);
      return;
    case 'timedOut':
      // Half of them time out before the card was charged, half while waiting for confirmation.
      if (random() < 0.5) {
        chargeCard(engine, id);
      }
      for (const job of jobsAt(engine, id, 'oneHourElapsed')) {
        engine.executeJob(job);
      }
      return;
    case 'paid':
      chargeCard(engine, id);
      completeTasks(engine, id, 'confirmPayment');
      return;
  }
}

function chargeCard(engine: EngineApi, id: string): void {
  for (const job of jobsAt(engine, id, 'chargeCard')) {
    engine.executeJob(job);
  }
}

/** Runs the job at `activityId` `attempts` times, each expected to fail and cost one retry. */
function failJob(engine: EngineApi, id: string, activityId: string, attempts: number): void {
  for (const job of jobsAt(engine, id, activityId)) {
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        engine.executeJob(job);
      } catch {
        // Expected: the failure is recorded on the job (retries − 1, exception, finally an incident).
      }
    }
  }
}

// repairs ///////////////////////////////////////////////////////////////////////////////////////

/** Instances the stuck batch covers, of which `STUCK_BATCH_DELETED` are deleted before it runs. */
const STUCK_BATCH_SIZE = 10;
const STUCK_BATCH_DELETED = 3;

/** Guards the job loops: a batch's jobs never need more rounds than this here. */
const MAX_JOB_ROUNDS = 20;

/**
 * What an operator's earlier repairs leave behind: synchronous modifications with annotations, a
 * modification batch that finished, and one that is stuck because three of its instances were
 * deleted before its jobs ran (ENGINE-13036, retries used up, no monitor run).
 */
function repairAsAnOperatorWould(engine: EngineApi, operator: string | null): string[] {
  const failures: string[] = [];
  const attempt = (what: string, repair: () => void) => {
    try {
      repair();
    } catch (error) {
      failures.push(`${what}: ${describe(error)}`);
    }
  };
  attempt('annotated modifications', () => {
    modifyWithAnnotations(engine, operator);
  });
  attempt('finished batch', () => {
    runFinishedBatch(engine, operator);
  });
  attempt('stuck batch', () => {
    runStuckBatch(engine, operator);
  });
  return failures;
}

function moveToken(from: string, to: string): ModificationInstruction[] {
  return [
    { type: 'startBeforeActivity', activityId: to },
    { type: 'cancel', activityId: from },
  ];
}

function modifyWithAnnotations(engine: EngineApi, operator: string | null): void {
  const declined = waitingAt(engine, 'payment', 'chargeCard').filter(
    (instance) => Object.keys(instance.incidents).length > 0,
  );
  for (const [instance, ticket] of zip(declined.slice(0, 2), ['SUP-4711', 'SUP-4719'])) {
    engine.modifyProcessInstance(instance.id, moveToken('chargeCard', 'confirmPayment'), {
      userId: operator,
      annotation: `Card declined, customer paid by bank transfer (${ticket}): skipped Charge card, confirm the payment by hand.`,
    });
  }
  for (const instance of waitingAt(engine, 'invoiceApproval', 'clarifyWithSupplier').slice(0, 1)) {
    engine.modifyProcessInstance(instance.id, moveToken('clarifyWithSupplier', 'bookInvoice'), {
      userId: operator,
      annotation:
        'Supplier sent a credit note for the disputed amount; booking without another review.',
    });
  }
  for (const instance of waitingAt(engine, 'orderFulfilment', 'chaseWarehouse').slice(0, 1)) {
    engine.modifyProcessInstance(instance.id, [{ type: 'cancel', activityId: 'chaseWarehouse' }], {
      userId: operator,
      annotation: 'Warehouse confirmed by phone that the parcel leaves today; reminder closed.',
    });
  }
}

/** Timeouts that were false alarms go back to Confirm payment; the batch runs to its end. */
function runFinishedBatch(engine: EngineApi, operator: string | null): void {
  const definitionId = engine.latestDefinition('payment')?.id;
  const instances = waitingAt(engine, 'payment', 'handleTimeout').slice(0, 3);
  const batch = engine.executeModificationAsync({
    processDefinitionId: definitionId,
    processInstanceIds: instances.map((instance) => instance.id),
    instructions: moveToken('handleTimeout', 'confirmPayment'),
    annotation:
      'Payment provider outage 14:00–15:10: the payments arrived, the timeouts were false alarms.',
    userId: operator,
  });
  runJobs(engine, batch.seedJobDefinitionId);
  runJobs(engine, batch.batchJobDefinitionId);
  runJobs(engine, batch.monitorJobDefinitionId);
  if (engine.batch(batch.id) || engine.historicBatch(batch.id)?.endTime === null) {
    throw new Error(`batch ${batch.id} did not finish`);
  }
}

/**
 * Invoices in review go back to Check invoice. Three of them are deleted right after the batch
 * is created, so their jobs fail until no retries are left; the monitor job is not run, so the
 * batch stays, as it would in Camunda until someone retries or deletes the failed jobs.
 */
function runStuckBatch(engine: EngineApi, operator: string | null): BatchRec {
  const definitionId = engine.latestDefinition('invoiceApproval')?.id;
  const instances = waitingAt(engine, 'invoiceApproval', 'reviewInvoice').slice(
    0,
    STUCK_BATCH_SIZE,
  );
  const batch = engine.executeModificationAsync({
    processDefinitionId: definitionId,
    processInstanceIds: instances.map((instance) => instance.id),
    instructions: [
      { type: 'startBeforeActivity', activityId: 'checkInvoice' },
      { type: 'cancel', activityId: 'reviewInvoice#multiInstanceBody' },
    ],
    annotation:
      'Cost centres were restructured on the 1st: open reviews go back to Check invoice for the new cost centre.',
    userId: operator,
  });
  for (const instance of instances.slice(0, STUCK_BATCH_DELETED)) {
    engine.deleteProcessInstance(instance.id, {
      deleteReason: 'Duplicate invoice, withdrawn by the supplier',
      userId: operator,
    });
  }
  runJobs(engine, batch.seedJobDefinitionId);
  runJobs(engine, batch.batchJobDefinitionId);
  return batch;
}

/**
 * Executes the jobs of one job definition until none with retries is left; a failing job is run
 * again until its retries are used up. Only these jobs run, not whatever else is due: the
 * instances' own async jobs stay where the demo put them.
 */
function runJobs(engine: EngineApi, jobDefinitionId: string): void {
  for (let round = 0; round < MAX_JOB_ROUNDS; round++) {
    const runnable = [...engine.jobs()].filter(
      (job) => job.jobDefinitionId === jobDefinitionId && job.retries > 0,
    );
    if (runnable.length === 0) {
      return;
    }
    for (const job of runnable) {
      try {
        engine.executeJob(job.id);
      } catch {
        // Expected for the deleted instances: the engine records the failure on the job.
      }
    }
  }
  throw new Error(`jobs of job definition ${jobDefinitionId} did not finish`);
}

/** Running instances of the latest `definitionKey` with a token at `activityId`, by business key. */
function waitingAt(
  engine: EngineApi,
  definitionKey: string,
  activityId: string,
): ProcessInstanceState[] {
  const definitionId = engine.latestDefinition(definitionKey)?.id;
  return [...engine.instances()]
    .filter(
      (instance) =>
        instance.processDefinitionId === definitionId &&
        [
          ...Object.values(instance.activityInstances),
          ...Object.values(instance.transitionInstances),
        ].some((token) => token.activityId === activityId),
    )
    .sort((a, b) => (a.businessKey ?? '').localeCompare(b.businessKey ?? ''));
}

function zip<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.flatMap((a, i) => {
    const b = bs[i];
    return b === undefined ? [] : [[a, b] as [A, B]];
  });
}

// engine helpers ////////////////////////////////////////////////////////////////////////////////

const ASSIGNEES = ['demo', 'john', 'mary', 'peter'] as const;

/** Completes up to `count` (all when undefined) open tasks of `taskDefinitionKey` in the instance. */
function completeTasks(
  engine: EngineApi,
  processInstanceId: string,
  taskDefinitionKey: string,
  count?: number,
  variables: Record<string, TypedValue> = {},
): void {
  const open = [...engine.tasks()].filter(
    (task) =>
      task.processInstanceId === processInstanceId && task.taskDefinitionKey === taskDefinitionKey,
  );
  for (const task of open.slice(0, count ?? open.length)) {
    engine.completeTask(task.id, variables);
  }
}

function jobsAt(engine: EngineApi, processInstanceId: string, activityId: string): string[] {
  return [...engine.jobs()]
    .filter((job) => job.processInstanceId === processInstanceId && job.activityId === activityId)
    .map((job) => job.id);
}

/** Claims about a third of the open tasks, so the task columns are not all empty. */
function assignSomeTasks(engine: EngineApi, random: Random): void {
  for (const task of [...engine.tasks()]) {
    if (random() < 0.35) {
      engine.setTaskAssignee(task.id, pick(random, ASSIGNEES));
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// values ////////////////////////////////////////////////////////////////////////////////////////

function stringValue(value: string): TypedValue {
  return { type: 'String', value, valueInfo: {} };
}

function doubleValue(value: number): TypedValue {
  return { type: 'Double', value, valueInfo: {} };
}

function integerValue(value: number): TypedValue {
  return { type: 'Integer', value, valueInfo: {} };
}

function booleanValue(value: boolean): TypedValue {
  return { type: 'Boolean', value, valueInfo: {} };
}

/** Dates are stored as epoch milliseconds (see `engine/variables.ts`). */
function dateValue(epochMs: number): TypedValue {
  return { type: 'Date', value: epochMs, valueInfo: {} };
}

/** Json is kept as its text, as Camunda's Spin does; expressions see the parsed value. */
function jsonValue(value: unknown): TypedValue {
  return { type: 'Json', value: JSON.stringify(value), valueInfo: {} };
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

// seeded randomness /////////////////////////////////////////////////////////////////////////////

type Random = () => number;

/** mulberry32: tiny, fast and good enough to shuffle demo data; the same seed gives the same data. */
function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new Error('pick from an empty list');
  }
  return item;
}

/** Fisher–Yates, in place. */
function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

/** Each stage as often as its count says, in a seeded order so keys and states do not line up. */
function expandStages<S extends string>(random: Random, counts: Record<S, number>): S[] {
  const stages = (Object.entries(counts) as [S, number][]).flatMap(([stage, count]) =>
    Array.from({ length: count }, () => stage),
  );
  return shuffle(random, stages);
}
