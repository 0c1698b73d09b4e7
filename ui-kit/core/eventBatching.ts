import type { OperatorEvent, OperatorEventType } from '../../machines/index.ts';

/** Events typed key by key: sent after a pause in typing, not one request per key. */
export const DEBOUNCED_EVENT_TYPES: ReadonlySet<OperatorEventType> = new Set<OperatorEventType>([
  'serial.input',
  'crmId.change',
  'comment.change',
  'period.setDates',
]);

/** The pause in typing after which typed events are sent. */
export const DEFAULT_DEBOUNCE_MS = 250;

/** Whether an event waits for a pause in typing (true) or is sent at once (false). */
export function isDebouncedEvent(event: OperatorEvent): boolean {
  return DEBOUNCED_EVENT_TYPES.has(event.type);
}

/**
 * Appends an event to a queue of unsent events, folding it into the last one when both set the
 * same field: only the field's latest value matters, so a typed word travels as one event.
 */
export function enqueueCoalesced(queue: readonly OperatorEvent[], event: OperatorEvent): OperatorEvent[] {
  const last = queue[queue.length - 1];
  if (!last || last.type !== event.type || !isDebouncedEvent(event)) return [...queue, event];
  const head = queue.slice(0, -1);
  if (last.type === 'period.setDates' && event.type === 'period.setDates') {
    // `from` and `to` are set independently: keep a date the newer event leaves out.
    const merged: OperatorEvent = { type: 'period.setDates' };
    const from = event.from !== undefined ? event.from : last.from;
    const to = event.to !== undefined ? event.to : last.to;
    if (from !== undefined) merged.from = from;
    if (to !== undefined) merged.to = to;
    return [...head, merged];
  }
  return [...head, event];
}
