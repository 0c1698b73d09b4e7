import { initialTransition, transition } from 'xstate';
import {
  selectStatePath,
  type LicenseUpdateOrderEvent,
  type LicenseUpdateOrderInput,
  type LicenseUpdateOrderMachine,
  type LicenseUpdateOrderSnapshot,
} from '../licenseUpdateOrder/index.ts';
import type { Chart, ChartEdge } from './chart.ts';
import { isEffectAnswer, staleIdOf } from './eventCases.ts';

type Ev = LicenseUpdateOrderEvent;

/** One step of a path: the event sent and the model's snapshot after it. */
export interface ModelStep {
  /** 1-based position in the path. */
  index: number;
  event: Ev;
  /** For an effect answer: `current` answers the pending request, `stale` carries an old id and must be ignored. */
  answer: 'current' | 'stale' | null;
  /** The model's snapshot after the event. */
  state: LicenseUpdateOrderSnapshot;
  statePath: string;
  /** The chart's transitions the event took (none: the machine refused it). */
  edges: ChartEdge[];
}

export interface ModelPath {
  id: string;
  generator: string;
  input: LicenseUpdateOrderInput;
  initial: LicenseUpdateOrderSnapshot;
  steps: ModelStep[];
  /** Where the path ends, as a dotted state path. */
  target: string;
  /** States and events, one line a step: reads like the reproduction steps of a bug report. */
  description: string;
}

/** How one event of a path is written in a description: the payload, shortened; answers by their gist. */
export function describeEvent(event: Ev, answer: ModelStep['answer']): string {
  if (isEffectAnswer(event)) {
    const gist = answerGist(event);
    return `${answer === 'stale' ? 'stale answer' : 'answer'} ${event.type}${gist ? ` ${gist}` : ''}${answer === 'stale' ? ` (id ${event.id})` : ''}`;
  }
  const { type, ...payload } = event as { type: string } & Record<string, unknown>;
  const json = JSON.stringify(payload);
  return json === '{}' ? type : `${type} ${json.length > 120 ? `${json.slice(0, 117)}...` : json}`;
}

function answerGist(event: Ev): string {
  switch (event.type) {
    case 'serials.found':
      return `(${event.serials.map((s) => s.id).join(', ')})`;
    case 'orders.found':
      return `(${event.orders.length} orders)`;
    case 'customers.found':
      return `(${event.customers.length} customers)`;
    case 'order.loaded':
      return `(${event.order.id})`;
    case 'customer.loaded':
      return `(${event.customer.id})`;
    case 'license.loaded':
      return `(${event.serial.id})`;
    case 'products.loaded':
      return `(${event.products.length} products)`;
    case 'draft.saved':
      return `(${event.draftRef})`;
    case 'order.submitted':
      return `(order ${event.order.number})`;
    case 'effect.failed':
      return `(${event.code}: ${event.message})`;
    default:
      return '';
  }
}

function describeState(snapshot: LicenseUpdateOrderSnapshot): string {
  const c = snapshot.context;
  const notes: string[] = [];
  if (c.pending) notes.push(`${snapshot.hasTag('busy') ? 'busy' : 'pending'}: ${c.pending.kind}`);
  if (c.failure) notes.push(`failed: ${c.failure.kind} ${c.failure.code}`);
  const errors = Object.keys(c.errors);
  if (errors.length > 0) notes.push(`errors: ${errors.join(', ')}`);
  return `${selectStatePath(snapshot)}${notes.length > 0 ? ` [${notes.join('; ')}]` : ''}`;
}

export function describePath(path: Pick<ModelPath, 'id' | 'generator' | 'initial' | 'steps' | 'target'>): string {
  const lines = [`${path.id} (${path.generator}): reaches ${path.target} in ${path.steps.length} steps`, `   0. start → ${describeState(path.initial)}`];
  for (const step of path.steps) {
    const refused = step.edges.length === 0 ? ' (refused, nothing changes)' : '';
    lines.push(`  ${String(step.index).padStart(2)}. ${describeEvent(step.event, step.answer)}${refused} → ${describeState(step.state)}`);
  }
  return lines.join('\n');
}

export interface Replayer {
  machine: LicenseUpdateOrderMachine;
  chart: Chart;
  input: LicenseUpdateOrderInput;
}

/**
 * What holds in every snapshot of the chart, whatever the path: a request is pending exactly in the busy states,
 * never together with a failure, and never once the workflow has finished. Returns the broken ones.
 */
export function brokenInvariants(snapshot: LicenseUpdateOrderSnapshot): string[] {
  const c = snapshot.context;
  const broken: string[] = [];
  if (snapshot.status !== 'active') {
    if (c.pending !== null) broken.push(`a finished workflow still has ${c.pending.kind} pending`);
    return broken;
  }
  const busy = snapshot.hasTag('busy');
  if (busy && c.pending === null) broken.push(`${selectStatePath(snapshot)} is busy but nothing is pending`);
  if (!busy && c.pending !== null) broken.push(`${selectStatePath(snapshot)} is not busy but ${c.pending.kind} is pending`);
  if (c.pending !== null && c.failure !== null) broken.push(`${c.pending.kind} is pending while the ${c.failure.kind} failure is still shown`);
  return broken;
}

export class InvariantError extends Error {
  override name = 'InvariantError';
}

/** Walks the real machine (pure transitions, no actor) one event at a time, recording each step and checking the invariants. */
export class Stepper {
  readonly initial: LicenseUpdateOrderSnapshot;
  state: LicenseUpdateOrderSnapshot;
  readonly steps: ModelStep[] = [];

  constructor(private readonly replayer: Replayer) {
    [this.initial] = initialTransition(replayer.machine, replayer.input);
    this.state = this.initial;
  }

  /**
   * An answer marked `current` is re-addressed to the request pending now, a `stale` one to an older id:
   * paths found in the bounded model stay valid whatever ids the requests get on the way.
   * Without a mark, an answer is sent as it is.
   */
  send(event: Ev, answer: ModelStep['answer'] = null): ModelStep {
    const pendingId = this.state.context.pending?.id;
    let sent = event;
    if (isEffectAnswer(event) && answer !== null && pendingId !== undefined) {
      sent = { ...event, id: answer === 'current' ? pendingId : staleIdOf(pendingId) } as Ev;
    }
    const edges = this.replayer.chart.edgesTaken(this.state, sent);
    [this.state] = transition(this.replayer.machine, this.state, sent);
    const step: ModelStep = {
      index: this.steps.length + 1,
      event: sent,
      answer: isEffectAnswer(sent) ? (answer ?? (pendingId === sent.id ? 'current' : 'stale')) : null,
      state: this.state,
      statePath: selectStatePath(this.state),
      edges,
    };
    this.steps.push(step);
    const broken = brokenInvariants(this.state);
    if (broken.length > 0) {
      const path = this.toPath({ id: 'invariant', generator: 'replay' });
      throw new InvariantError(`after step ${step.index}: ${broken.join('; ')}\n${path.description}`);
    }
    return step;
  }

  toPath(meta: { id: string; generator: string }): ModelPath {
    const path = { ...meta, input: this.replayer.input, initial: this.initial, steps: [...this.steps], target: selectStatePath(this.state) };
    return { ...path, description: describePath(path) };
  }
}

/** Runs a list of events from the initial state into a path (see `Stepper.send` for how answers are addressed). */
export function replay(
  replayer: Replayer,
  events: readonly { event: Ev; answer?: ModelStep['answer'] }[],
  meta: { id: string; generator: string },
): ModelPath {
  const stepper = new Stepper(replayer);
  for (const { event, answer } of events) stepper.send(event, answer ?? null);
  return stepper.toPath(meta);
}
