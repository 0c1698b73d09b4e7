import {
  createLicenseUpdateOrderActor,
  explainRefusal,
  nextSnapshot,
  runEffects,
  snapshotFromView,
  type EffectImplementations,
  type EffectRunner,
  type InspectionEvent,
  type LicenseUpdateOrderActor,
  type LicenseUpdateOrderSnapshot,
  type Observer,
  type OperatorEvent,
  type Refusal,
} from '../../machines/index.ts';
import { createServiceClient, NetworkError, ServiceError, type ServiceClient, type WorkflowView } from '../client/serviceClient.ts';
import { DEFAULT_DEBOUNCE_MS, enqueueCoalesced, isDebouncedEvent } from './eventBatching.ts';
import { replaceEqualDeep } from './replaceEqualDeep.ts';

/**
 * Where the remote connection stands:
 * `idle` everything the operator did is acknowledged; `pending` edits wait for a pause in typing;
 * `syncing` a request is on its way; `offline` the service cannot be reached (retrying);
 * `error` the service refused or failed (see `lastSyncError`; retrying when it may help).
 */
export type SyncStatus = 'idle' | 'pending' | 'syncing' | 'offline' | 'error';

/** Why the last request to the service failed. */
export interface SyncError {
  /** `network`: no answer; `http`: an error status; `restore`: the workflow could not be loaded or created. */
  kind: 'network' | 'http' | 'restore';
  /** The HTTP status, when there was one. */
  status: number | null;
  message: string;
  /** Whether the kit retries by itself (with backoff); otherwise call `retrySync()`. */
  willRetry: boolean;
}

/** An event the machine (or the service) would not take, and why (`explainRefusal`). */
export interface LastRefusal extends Refusal {
  event: OperatorEvent;
  /** `local`: refused before sending; `service`: the service refused it (422) or it no longer applied after a re-sync. */
  source: 'local' | 'service';
}

/** Everything the hooks select from: the machine snapshot plus the connection around it. */
export interface LicenseUpdateOrderState {
  mode: 'local' | 'remote';
  /** The machine's snapshot as the operator sees it now (in remote mode: the service's view plus the unacknowledged edits). */
  snapshot: LicenseUpdateOrderSnapshot;
  /** The service's workflow id (remote), or the `workflowId` input (local); null until known. */
  workflowId: string | null;
  /** The service's version last acknowledged (remote); null in local mode. */
  version: number | null;
  /** False while a remote workflow is being created or restored: the snapshot is a placeholder until then. */
  isReady: boolean;
  syncStatus: SyncStatus;
  lastSyncError: SyncError | null;
  lastRefusal: LastRefusal | null;
  /** Events applied locally that the service has not acknowledged yet. */
  unsentCount: number;
}

/** What both modes accept. */
interface CommonOptions {
  /** An `@statelyai/inspect` inspector's `inspect` (or any XState inspection observer), passed to `createActor`. */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /** Called once the workflow's id is known: created by the service, or given. Put it in the URL or storage to resume. */
  onWorkflowId?: (workflowId: string) => void;
}

/** Local mode: the machine runs in the browser and the host's effects answer its requests. */
export interface LocalModeOptions extends CommonOptions {
  mode?: 'local';
  /** The host's implementation of every effect, e.g. `createInMemoryEffects(new InMemoryLicenseStore())`. */
  effects: EffectImplementations;
  /** The workflow id the machine carries (one order per workflow id). */
  workflowId?: string;
  /** Today (`YYYY-MM-DD`) as the machine should see it; the browser's clock by default. */
  today?: string;
}

/** Something like `localStorage`: where unsent events wait across a reload. */
export type UnsentEventStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Remote mode: the machine runs in the browser for instant feedback; the service is authoritative. */
export interface RemoteModeOptions extends CommonOptions {
  mode: 'remote';
  /** The service's origin (`''` = the page's own). */
  baseUrl: string;
  apiKey: string;
  /** Resume this workflow; without it a new one is created and reported through `onWorkflowId`. */
  workflowId?: string;
  /** The pause in typing after which typed events are sent (ms). */
  debounceMs?: number;
  /** Keeps unacknowledged events here (by workflow id) so a reload while offline loses nothing. Off by default. */
  unsentStorage?: UnsentEventStorage;
  /** A client to use instead of building one from `baseUrl` and `apiKey` (tests, instrumentation). */
  client?: ServiceClient;
  /** First retry delay after a failure (ms); doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** Options of `useLicenseUpdateOrder` / `createLicenseUpdateOrderStore`: local (`effects`) or remote (`mode: 'remote'`). */
export type LicenseUpdateOrderOptions = LocalModeOptions | RemoteModeOptions;

/**
 * The framework-free core of the hooks: owns the actor (local) or the connection (remote) and
 * publishes one immutable `LicenseUpdateOrderState` per change. Shaped like an actor
 * (`getSnapshot` / `subscribe`) so `@xstate/react`'s `useSelector` can select from it.
 */
export interface LicenseUpdateOrderStore {
  readonly mode: 'local' | 'remote';
  getSnapshot(): LicenseUpdateOrderState;
  subscribe(observer: Observer<LicenseUpdateOrderState>): Subscription;
  subscribe(next: (state: LicenseUpdateOrderState) => void, error?: (error: unknown) => void, complete?: () => void): Subscription;
  /** Sends an operator event. Returns false, and records `lastRefusal`, when the current state refuses it; never throws. */
  send(event: OperatorEvent): boolean;
  /** Whether the current state takes this event now (its guard included). */
  can(event: OperatorEvent): boolean;
  /** Starts running effects (local) or talking to the service (remote). Idempotent; React calls it in an effect. */
  start(): void;
  /** Stops effects, timers and listeners; the state is kept, so `start()` may follow (React StrictMode). Sends what is unsent first. */
  stop(): void;
  /** Sends every unsent event now instead of after the typing pause. */
  flush(options?: { keepalive?: boolean }): void;
  /** Retries the failed request now (after `error`/`offline`). */
  retrySync(): void;
  /** Forgets `lastRefusal`. */
  clearRefusal(): void;
  /** Resolves once nothing waits: no effect in flight (local), nothing unsent nor in flight (remote). */
  settled(): Promise<void>;
}

type Listener = (state: LicenseUpdateOrderState) => void;
type MachineActor = LicenseUpdateOrderActor;
type Subscription = { unsubscribe(): void };


/** Builds the store for either mode; `useLicenseUpdateOrder` does this for React hosts. */
export function createLicenseUpdateOrderStore(options: LicenseUpdateOrderOptions): LicenseUpdateOrderStore {
  return options.mode === 'remote' ? createRemoteStore(options) : createLocalStore(options);
}

/** Shared plumbing: one current actor, one published state, listeners. */
function createStateCell(mode: 'local' | 'remote', inspect: CommonOptions['inspect'], firstActor: MachineActor, workflowId: string | null) {
  const listeners = new Set<Listener>();
  let actor = firstActor;
  let state: LicenseUpdateOrderState = {
    mode,
    snapshot: actor.getSnapshot(),
    workflowId,
    version: null,
    isReady: mode === 'local',
    syncStatus: 'idle',
    lastSyncError: null,
    lastRefusal: null,
    unsentCount: 0,
  };
  const publish = (patch: Partial<LicenseUpdateOrderState>) => {
    const next = { ...state, ...patch };
    const changed = (Object.keys(patch) as (keyof LicenseUpdateOrderState)[]).some((key) => !Object.is(state[key], next[key]));
    if (!changed) return;
    state = next;
    for (const listener of [...listeners]) listener(state);
  };
  let actorSubscription = actor.subscribe((snapshot) => publish({ snapshot }));
  actor.start();
  publish({ snapshot: actor.getSnapshot() });

  return {
    get actor() {
      return actor;
    },
    get state() {
      return state;
    },
    publish,
    /** Replaces the actor with one restored from `snapshot` (remote re-sync): every selector sees the new snapshot. */
    replaceActor(snapshot: LicenseUpdateOrderSnapshot) {
      actorSubscription.unsubscribe();
      actor.stop();
      actor = createLicenseUpdateOrderActor({ snapshot, inspect });
      actorSubscription = actor.subscribe((next) => publish({ snapshot: next }));
      actor.start();
      publish({ snapshot: actor.getSnapshot() });
    },
    subscribe(observerOrNext: Observer<LicenseUpdateOrderState> | Listener): Subscription {
      const listener: Listener = typeof observerOrNext === 'function' ? observerOrNext : (s) => observerOrNext.next?.(s);
      listeners.add(listener);
      return { unsubscribe: () => listeners.delete(listener) };
    },
  };
}

function refusalOf(snapshot: LicenseUpdateOrderSnapshot, event: OperatorEvent): Refusal | null {
  // A thrown explanation (an event no zod schema knows) is still a refusal, never a crash in the host.
  try {
    return explainRefusal(snapshot, event);
  } catch (error) {
    return { kind: 'malformed', message: error instanceof Error ? error.message : String(error) };
  }
}

function createLocalStore(options: LocalModeOptions): LicenseUpdateOrderStore {
  const input = { ...(options.workflowId ? { workflowId: options.workflowId } : {}), ...(options.today ? { today: options.today } : {}) };
  const actor = createLicenseUpdateOrderActor({ input, inspect: options.inspect });
  const cell = createStateCell('local', options.inspect, actor, options.workflowId ?? null);
  let runner: EffectRunner | null = null;
  let reported = false;

  const store: LicenseUpdateOrderStore = {
    mode: 'local',
    getSnapshot: () => cell.state,
    subscribe: cell.subscribe as LicenseUpdateOrderStore['subscribe'],
    send(event) {
      const refusal = refusalOf(cell.actor.getSnapshot(), event);
      if (refusal) {
        cell.publish({ lastRefusal: { ...refusal, event, source: 'local' } });
        return false;
      }
      cell.publish({ lastRefusal: null });
      cell.actor.send(event);
      return true;
    },
    can: (event) => refusalOf(cell.actor.getSnapshot(), event) === null,
    start() {
      if (runner) return;
      runner = runEffects(cell.actor, options.effects);
      if (!reported && options.workflowId) {
        reported = true;
        options.onWorkflowId?.(options.workflowId);
      }
    },
    stop() {
      runner?.stop();
      runner = null;
    },
    flush() {},
    retrySync() {},
    clearRefusal: () => cell.publish({ lastRefusal: null }),
    settled: () => runner?.idle() ?? Promise.resolve(),
  };
  return store;
}

interface Batch {
  events: OperatorEvent[];
  idempotencyKey: string;
  expectedVersion: number;
}

const newKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** A status the service may recover from by itself: worth retrying with backoff. */
const isTransient = (status: number) => status >= 500 || status === 408 || status === 429;

function createRemoteStore(options: RemoteModeOptions): LicenseUpdateOrderStore {
  const client = options.client ?? createServiceClient({ baseUrl: options.baseUrl, apiKey: options.apiKey });
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  // A placeholder until the service's view arrives; edits made meanwhile are replayed on it.
  const placeholder = createLicenseUpdateOrderActor({ ...(options.workflowId ? { input: { workflowId: options.workflowId } } : {}), inspect: options.inspect });
  const cell = createStateCell('remote', options.inspect, placeholder, options.workflowId ?? null);

  let workflowId: string | null = options.workflowId ?? null;
  let version: number | null = null;
  /** Applied locally, not yet sent. */
  let queue: OperatorEvent[] = [];
  /** Sent, not yet answered: resent as is (same idempotency key) after a network failure. */
  let inFlight: Batch | null = null;
  let connecting: Promise<void> | null = null;
  let debounceTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let started = false;
  /** Set when the failure needs the host (401, 403, 404): no automatic retry. */
  let haltedOnError = false;
  let reportedId: string | null = null;
  let settleWaiters: (() => void)[] = [];

  const storageKey = (id: string) => `license-update-kit:unsent:${id}`;

  const isSettled = () => cell.state.isReady && queue.length === 0 && inFlight === null && connecting === null;
  const checkSettled = () => {
    if (!isSettled()) return;
    const waiters = settleWaiters;
    settleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const saveUnsent = () => {
    if (!options.unsentStorage || !workflowId) return;
    const events = [...(inFlight?.events ?? []), ...queue];
    try {
      if (events.length === 0) options.unsentStorage.removeItem(storageKey(workflowId));
      else options.unsentStorage.setItem(storageKey(workflowId), JSON.stringify(events));
    } catch {
      // Storage full or denied: the events still live in memory.
    }
  };

  const loadUnsent = (id: string): OperatorEvent[] => {
    if (!options.unsentStorage) return [];
    try {
      const stored = JSON.parse(options.unsentStorage.getItem(storageKey(id)) ?? '[]') as unknown;
      return Array.isArray(stored) ? (stored as OperatorEvent[]) : [];
    } catch {
      return [];
    }
  };

  const statusNow = (): SyncStatus => {
    if (cell.state.syncStatus === 'offline' || cell.state.syncStatus === 'error') {
      if (retryTimer || haltedOnError) return cell.state.syncStatus;
    }
    if (inFlight || connecting) return 'syncing';
    if (queue.length > 0) return 'pending';
    return 'idle';
  };

  const publishSync = (patch: Partial<LicenseUpdateOrderState> = {}) => {
    cell.publish({ unsentCount: queue.length + (inFlight?.events.length ?? 0), version, workflowId, syncStatus: statusNow(), ...patch });
    saveUnsent();
    checkSettled();
  };

  /**
   * The service's view replaces the local snapshot; the operator's unacknowledged events are
   * replayed on it, and those the new state refuses are dropped. Returns the events kept.
   */
  const adoptView = (view: WorkflowView, unacknowledged: OperatorEvent[]): OperatorEvent[] => {
    version = view.version;
    workflowId = view.id;
    let snapshot = snapshotFromView(view);
    const kept: OperatorEvent[] = [];
    let refusal: LastRefusal | null = null;
    for (const event of unacknowledged) {
      const why = refusalOf(snapshot, event);
      if (why) {
        refusal = { ...why, event, source: 'service' };
        continue;
      }
      snapshot = nextSnapshot(snapshot, event);
      kept.push(event);
    }
    // Keep every unchanged object of the current snapshot, so only the selectors of what changed fire.
    const current = cell.actor.getSnapshot();
    const context = replaceEqualDeep(current.context, snapshot.context);
    const value = replaceEqualDeep(current.value, snapshot.value);
    if (context !== current.context || value !== current.value || snapshot.status !== current.status) {
      cell.replaceActor(snapshotFromView({ state: value, context }));
    }
    if (refusal) cell.publish({ lastRefusal: refusal });
    return kept;
  };

  const reportWorkflowId = () => {
    if (workflowId && reportedId !== workflowId) {
      reportedId = workflowId;
      options.onWorkflowId?.(workflowId);
    }
  };

  const scheduleRetry = (run: () => void) => {
    if (retryTimer || !started) return;
    const delay = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** attempt) * (0.8 + Math.random() * 0.4);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      run();
    }, delay);
  };

  const failureOf = (error: unknown, kind: SyncError['kind']): { status: SyncStatus; error: SyncError } => {
    if (error instanceof ServiceError) {
      const willRetry = isTransient(error.status);
      return { status: 'error', error: { kind: kind === 'restore' ? 'restore' : 'http', status: error.status, message: error.message, willRetry } };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'offline', error: { kind: kind === 'restore' ? 'restore' : 'network', status: null, message, willRetry: true } };
  };

  const connect = () => {
    if (connecting || cell.state.isReady) return;
    const id = workflowId;
    const request = id ? client.getWorkflow(id) : client.createWorkflow([]);
    publishSync();
    connecting = request.then(
      (view) => {
        connecting = null;
        attempt = 0;
        const stored = id ? loadUnsent(id) : [];
        queue = adoptView(view, [...stored, ...queue]);
        cell.publish({ isReady: true, lastSyncError: null });
        reportWorkflowId();
        publishSync({ syncStatus: statusNow() });
        if (queue.length > 0) flush();
      },
      (error: unknown) => {
        connecting = null;
        const failure = failureOf(error, 'restore');
        // A workflow that does not exist (404) or a refused key will not appear by retrying.
        const retry = error instanceof NetworkError || (error instanceof ServiceError && isTransient(error.status));
        haltedOnError = !retry;
        publishSync({ syncStatus: failure.status, lastSyncError: { ...failure.error, willRetry: retry } });
        if (retry) scheduleRetry(connect);
      },
    );
  };

  const sendBatch = (batch: Batch, keepalive: boolean) => {
    if (!workflowId) return;
    const id = workflowId;
    client.sendEvents(id, batch.expectedVersion, batch.events, { idempotencyKey: batch.idempotencyKey, keepalive }).then(
      (view) => {
        if (inFlight !== batch) return;
        inFlight = null;
        attempt = 0;
        haltedOnError = false;
        queue = adoptView(view, queue);
        publishSync({ lastSyncError: null });
        if (queue.length > 0 && !debounceTimer) flush();
      },
      (error: unknown) => {
        if (inFlight !== batch) return;
        if (error instanceof ServiceError && error.status === 409 && error.problem.view) {
          // Another client moved on: replay what this operator did on its state, then resend.
          inFlight = null;
          attempt = 0;
          queue = adoptView(error.problem.view, [...batch.events, ...queue]);
          publishSync({ lastSyncError: null });
          flush();
          return;
        }
        if (error instanceof ServiceError && error.status === 422) {
          inFlight = null;
          const index = error.refusedIndex ?? 0;
          const refused = batch.events[index];
          // The events before the refused one were applied; the rest are replayed on the new state.
          queue = [...batch.events.slice(index + 1), ...queue];
          const resync = (view: WorkflowView) => {
            queue = adoptView(view, queue);
            if (refused) cell.publish({ lastRefusal: { kind: 'guard', message: error.message, event: refused, source: 'service' } });
            publishSync({ lastSyncError: null });
            flush();
          };
          if (error.problem.view) resync(error.problem.view);
          else void client.getWorkflow(id).then(resync, (e: unknown) => onSendFailure(e));
          return;
        }
        if (error instanceof ServiceError && error.status === 400) {
          // A batch the service cannot read is never accepted: drop it and re-sync from the service.
          inFlight = null;
          cell.publish({ lastSyncError: { kind: 'http', status: 400, message: error.message, willRetry: false } });
          void client.getWorkflow(id).then(
            (view) => {
              queue = adoptView(view, queue);
              publishSync({ syncStatus: 'error' });
              haltedOnError = true;
              if (queue.length > 0) flush();
            },
            (e: unknown) => onSendFailure(e),
          );
          return;
        }
        onSendFailure(error);
      },
    );
  };

  const onSendFailure = (error: unknown) => {
    const failure = failureOf(error, 'http');
    haltedOnError = !failure.error.willRetry;
    publishSync({ syncStatus: failure.status, lastSyncError: failure.error });
    if (failure.error.willRetry) scheduleRetry(resend);
  };

  /** Sends the in-flight batch again (same key: applied once), or what is queued. */
  const resend = () => {
    if (!cell.state.isReady) return connect();
    if (inFlight) {
      publishSync({ syncStatus: 'syncing' });
      sendBatch(inFlight, false);
    } else flush();
  };

  function flush(flushOptions: { keepalive?: boolean } = {}) {
    if (debounceTimer) {
      clearTimeout(debounceTimer);
      debounceTimer = null;
    }
    if (!cell.state.isReady || !workflowId || version === null || queue.length === 0) return publishSync();
    if (inFlight) {
      if (flushOptions.keepalive) {
        // The page is going away while a request is out: send the rest assuming that request lands (one version per request).
        void client
          .sendEvents(workflowId, version + 1, queue, { keepalive: true, idempotencyKey: newKey() })
          .catch(() => undefined);
      }
      return publishSync();
    }
    if (retryTimer || haltedOnError) return publishSync();
    const batch: Batch = { events: queue, idempotencyKey: newKey(), expectedVersion: version };
    queue = [];
    inFlight = batch;
    publishSync({ syncStatus: 'syncing' });
    sendBatch(batch, flushOptions.keepalive ?? false);
  }

  const onPageHide = () => flush({ keepalive: true });
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush({ keepalive: true });
  };
  const onOnline = () => {
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    attempt = 0;
    if (started) resend();
  };

  const store: LicenseUpdateOrderStore = {
    mode: 'remote',
    getSnapshot: () => cell.state,
    subscribe: cell.subscribe as LicenseUpdateOrderStore['subscribe'],
    send(event) {
      // Until a resumed workflow arrives, the placeholder is not its state: an edit on it would be a guess.
      const refusal: Refusal | null =
        !cell.state.isReady && options.workflowId
          ? { kind: 'notAccepted', message: 'The workflow is still being restored' }
          : refusalOf(cell.actor.getSnapshot(), event);
      if (refusal) {
        cell.publish({ lastRefusal: { ...refusal, event, source: 'local' } });
        return false;
      }
      cell.publish({ lastRefusal: null });
      cell.actor.send(event);
      queue = enqueueCoalesced(queue, event);
      if (isDebouncedEvent(event)) {
        if (debounceTimer) clearTimeout(debounceTimer);
        debounceTimer = setTimeout(() => {
          debounceTimer = null;
          flush();
        }, debounceMs);
        publishSync();
      } else flush();
      return true;
    },
    can: (event) => refusalOf(cell.actor.getSnapshot(), event) === null,
    start() {
      if (started) return;
      started = true;
      if (typeof window !== 'undefined') {
        window.addEventListener('pagehide', onPageHide);
        window.addEventListener('online', onOnline);
        document.addEventListener('visibilitychange', onVisibility);
      }
      if (!cell.state.isReady) connect();
      else resend();
    },
    stop() {
      if (!started) return;
      // Unmounting is like leaving the page: what was typed goes out now.
      flush({ keepalive: true });
      started = false;
      if (typeof window !== 'undefined') {
        window.removeEventListener('pagehide', onPageHide);
        window.removeEventListener('online', onOnline);
        document.removeEventListener('visibilitychange', onVisibility);
      }
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
    flush: (flushOptions) => flush(flushOptions),
    retrySync() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      haltedOnError = false;
      attempt = 0;
      resend();
    },
    clearRefusal: () => cell.publish({ lastRefusal: null }),
    settled: () => (isSettled() ? Promise.resolve() : new Promise<void>((resolve) => settleWaiters.push(resolve))),
  };
  return store;
}
