import { useSelector } from '@xstate/react';
import { selectIsBusy, selectStep, WAYS, type EffectFailure, type Step, type Way } from '../../machines/index.ts';
import type { LastRefusal, SyncError, SyncStatus } from '../core/store.ts';
import { mergeProps, type ButtonProps, type ElementProps } from '../react/propGetters.ts';
import { eventButtonProps, useSnapshotSelector, useStepBase, type StepHookOptions } from './shared.ts';

/** What `useEntrySelection` returns. */
export interface EntrySelection {
  /** The three ways to start, in the order to offer them. */
  ways: readonly Way[];
  /** Whether the entry selection is the current screen. */
  isActive: boolean;
  /** A group around the way buttons; label it with `getGroupLabelProps`. */
  getGroupProps: (userProps?: ElementProps) => ElementProps;
  getGroupLabelProps: (userProps?: ElementProps) => ElementProps;
  /** The button that starts one way (`way.select`); `data-way` names it. */
  getWayButtonProps: (way: Way, userProps?: ButtonProps) => ButtonProps;
}

/** The first screen: by serial number, by order, by customer. */
export function useEntrySelection(options?: StepHookOptions): EntrySelection {
  const { store, baseId } = useStepBase(options);
  const isActive = useSnapshotSelector(store, (s) => s.matches('entrySelection'));
  const labelId = `${baseId}-ways-label`;
  return {
    ways: WAYS,
    isActive,
    getGroupProps: (userProps) => mergeProps<ElementProps, ElementProps>({ role: 'group', 'aria-labelledby': labelId }, userProps),
    getGroupLabelProps: (userProps) => mergeProps<ElementProps, ElementProps>({ id: labelId }, userProps),
    getWayButtonProps: (way, userProps) => eventButtonProps(store, { type: 'way.select', way }, isActive, userProps, { 'data-way': way }),
  };
}

/** What `useNavigation` returns. */
export interface Navigation {
  step: Step;
  isBusy: boolean;
  /** "One screen back" is possible now (`nav.back`). */
  canGoBack: boolean;
  /** The procedure ended (submitted or cancelled). */
  isFinal: boolean;
  /** One screen back (`nav.back`). */
  getBackButtonProps: (userProps?: ButtonProps) => ButtonProps;
  /** Abandon the procedure (`wizard.cancel`). */
  getCancelButtonProps: (userProps?: ButtonProps) => ButtonProps;
  /** The region that holds the current screen: `aria-busy` while an effect runs, `data-step` for styling. */
  getStepRegionProps: (userProps?: ElementProps) => ElementProps;
}

/** Back, cancel and the step indicator, on every screen. */
export function useNavigation(options?: StepHookOptions): Navigation {
  const { store } = useStepBase(options);
  const step = useSnapshotSelector(store, selectStep);
  const isBusy = useSnapshotSelector(store, selectIsBusy);
  const canGoBack = useSnapshotSelector(store, (s) => s.can({ type: 'nav.back' }));
  const isFinal = useSnapshotSelector(store, (s) => s.status === 'done');
  return {
    step,
    isBusy,
    canGoBack,
    isFinal,
    getBackButtonProps: (userProps) => eventButtonProps(store, { type: 'nav.back' }, canGoBack, userProps),
    getCancelButtonProps: (userProps) => eventButtonProps(store, { type: 'wizard.cancel' }, !isFinal, userProps),
    getStepRegionProps: (userProps) =>
      mergeProps<ElementProps, ElementProps>({ 'aria-busy': isBusy ? 'true' : undefined, 'data-step': step, 'data-state': isBusy ? 'busy' : 'idle' }, userProps),
  };
}

/** What `useEffectFailure` returns. */
export interface EffectFailureState {
  /** The last lookup or write that failed (`context.failure`), or null. */
  failure: EffectFailure | null;
  /** Whether `effect.retry` would run it again from here. */
  canRetry: boolean;
  /** The failure message's element: `role="alert"`. */
  getAlertProps: (userProps?: ElementProps) => ElementProps;
  /** Run the failed effect again (`effect.retry`). */
  getRetryButtonProps: (userProps?: ButtonProps) => ButtonProps;
}

/** A failed effect (lookup, save, submit) and its retry. */
export function useEffectFailure(options?: StepHookOptions): EffectFailureState {
  const { store, baseId } = useStepBase(options);
  const failure = useSnapshotSelector(store, (s) => s.context.failure);
  const canRetry = useSnapshotSelector(store, (s) => s.can({ type: 'effect.retry' }));
  return {
    failure,
    canRetry,
    getAlertProps: (userProps) =>
      mergeProps<ElementProps, ElementProps>({ id: `${baseId}-failure`, role: 'alert', 'data-code': failure?.code }, userProps),
    getRetryButtonProps: (userProps) => eventButtonProps(store, { type: 'effect.retry' }, canRetry, userProps),
  };
}

/** What `useLastRefusal` returns. */
export interface LastRefusalState {
  /** The last event the procedure refused and why (`explainRefusal`), until the next accepted one. */
  refusal: LastRefusal | null;
  clear: () => void;
  /** The explanation's element: `role="status"` (polite: a refusal is feedback, not an error). */
  getMessageProps: (userProps?: ElementProps) => ElementProps;
}

/** Why the last click or keystroke did nothing. */
export function useLastRefusal(options?: StepHookOptions): LastRefusalState {
  const { store, baseId } = useStepBase(options);
  const refusal = useSelector(store, (s) => s.lastRefusal);
  return {
    refusal,
    clear: () => store.clearRefusal(),
    getMessageProps: (userProps) =>
      mergeProps<ElementProps, ElementProps>(
        { id: `${baseId}-refusal`, role: 'status', 'aria-live': 'polite', 'data-kind': refusal?.kind, 'data-event': refusal?.event.type },
        userProps,
      ),
  };
}

/** What `useSyncStatus` returns. */
export interface SyncStatusState {
  syncStatus: SyncStatus;
  lastSyncError: SyncError | null;
  /** Edits the service has not acknowledged yet. */
  unsentCount: number;
  workflowId: string | null;
  isReady: boolean;
  retry: () => void;
  /** A live status element; `data-state` is the sync status. */
  getStatusProps: (userProps?: ElementProps) => ElementProps;
  /** "Retry now" after `offline`/`error`. */
  getRetryButtonProps: (userProps?: ButtonProps) => ButtonProps;
}

/** The remote connection's state, for a "Saved / Saving… / Offline" indicator (always `idle` in local mode). */
export function useSyncStatus(options?: StepHookOptions): SyncStatusState {
  const { store } = useStepBase(options);
  const syncStatus = useSelector(store, (s) => s.syncStatus);
  const lastSyncError = useSelector(store, (s) => s.lastSyncError);
  const unsentCount = useSelector(store, (s) => s.unsentCount);
  const workflowId = useSelector(store, (s) => s.workflowId);
  const isReady = useSelector(store, (s) => s.isReady);
  const failed = syncStatus === 'offline' || syncStatus === 'error';
  return {
    syncStatus,
    lastSyncError,
    unsentCount,
    workflowId,
    isReady,
    retry: () => store.retrySync(),
    getStatusProps: (userProps) =>
      mergeProps<ElementProps, ElementProps>({ role: 'status', 'aria-live': 'polite', 'data-state': syncStatus, 'aria-busy': syncStatus === 'syncing' ? 'true' : undefined }, userProps),
    getRetryButtonProps: (userProps) =>
      mergeProps<ButtonProps, ButtonProps>(
        { type: 'button', 'aria-disabled': failed ? undefined : 'true', 'data-state': failed ? 'enabled' : 'disabled', onClick: () => store.retrySync() },
        userProps,
      ),
  };
}
