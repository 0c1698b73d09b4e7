import { useEffect, useRef, useState } from 'react';
import { useSelector } from '@xstate/react';
import { selectIsBusy, selectStatePath, selectStep, type EffectFailure, type OperatorEvent, type Step } from '../../machines/index.ts';
import {
  createLicenseUpdateOrderStore,
  type LastRefusal,
  type LicenseUpdateOrderOptions,
  type LicenseUpdateOrderStore,
  type SyncError,
  type SyncStatus,
} from '../core/store.ts';

/** What `useLicenseUpdateOrder` returns: the selected navigation and connection state, and the intents. */
export interface LicenseUpdateOrderHandle {
  /** The store: give it to `<LicenseUpdateOrderProvider value={…}>` or to a step hook. Stable for the component's life. */
  store: LicenseUpdateOrderStore;
  /** Sends an operator event; false (and `lastRefusal` set) when the current state refuses it. */
  send: (event: OperatorEvent) => boolean;
  /** Whether the current state takes the event now. */
  can: (event: OperatorEvent) => boolean;
  /** Sends typed edits now rather than after the typing pause (remote). */
  flush: () => void;
  /** Retries a failed sync now (remote). */
  retrySync: () => void;
  /** Forgets `lastRefusal`. */
  clearRefusal: () => void;
  /** The step indicator's position (`entry`, `serial`, `order`, `customer`, `license`, `form`, `review`, `submitted`, `cancelled`). */
  step: Step;
  /** The deepest active state as a dotted path, e.g. `orderForm.productEditor`: which screen to show. */
  statePath: string;
  /** Waiting for an effect (the `busy` tag). */
  isBusy: boolean;
  /** Submitted or cancelled: the machine reached a final state. */
  isFinal: boolean;
  /** The last effect failure the machine recorded (`context.failure`), with its `effect.retry` target. */
  failure: EffectFailure | null;
  /** The workflow's id once known (remote: created or resumed). */
  workflowId: string | null;
  /** False while a remote workflow is created or restored. */
  isReady: boolean;
  syncStatus: SyncStatus;
  lastSyncError: SyncError | null;
  lastRefusal: LastRefusal | null;
}

/**
 * The procedure's root hook. **Local** (`{ effects }`): the machine runs here and the host's effects
 * answer it. **Remote** (`{ mode: 'remote', baseUrl, apiKey, workflowId? }`): the machine runs here for
 * instant feedback and the service is authoritative. Options are read on mount (remount with a `key`
 * to switch workflows); `onWorkflowId` always calls the latest callback.
 *
 * It re-renders when a returned field changes (navigation, busy, sync status, refusal) — not on typing;
 * fields use the step hooks, which select narrowly.
 */
export function useLicenseUpdateOrder(options: LicenseUpdateOrderOptions): LicenseUpdateOrderHandle {
  const onWorkflowId = useRef(options.onWorkflowId);
  onWorkflowId.current = options.onWorkflowId;
  const [store] = useState(() => createLicenseUpdateOrderStore({ ...options, onWorkflowId: (id) => onWorkflowId.current?.(id) }));

  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);

  const step = useSelector(store, (s) => selectStep(s.snapshot));
  const statePath = useSelector(store, (s) => selectStatePath(s.snapshot));
  const isBusy = useSelector(store, (s) => selectIsBusy(s.snapshot));
  const isFinal = useSelector(store, (s) => s.snapshot.status === 'done');
  const failure = useSelector(store, (s) => s.snapshot.context.failure);
  const workflowId = useSelector(store, (s) => s.workflowId);
  const isReady = useSelector(store, (s) => s.isReady);
  const syncStatus = useSelector(store, (s) => s.syncStatus);
  const lastSyncError = useSelector(store, (s) => s.lastSyncError);
  const lastRefusal = useSelector(store, (s) => s.lastRefusal);

  const [intents] = useState(() => ({
    send: (event: OperatorEvent) => store.send(event),
    can: (event: OperatorEvent) => store.can(event),
    flush: () => store.flush(),
    retrySync: () => store.retrySync(),
    clearRefusal: () => store.clearRefusal(),
  }));

  return { store, ...intents, step, statePath, isBusy, isFinal, failure, workflowId, isReady, syncStatus, lastSyncError, lastRefusal };
}
