import { useId } from 'react';
import { useSelector } from '@xstate/react';
import { selectStatePath, type LicenseUpdateOrderSnapshot, type OperatorEvent } from '../../machines/index.ts';
import type { LicenseUpdateOrderStore } from '../core/store.ts';
import { useLicenseUpdateOrderStore } from '../react/context.tsx';
import { ariaFlag, mergeProps, type ButtonProps } from '../react/propGetters.ts';

/** The store, or the handle of `useLicenseUpdateOrder` that carries it. */
export type StoreArg = LicenseUpdateOrderStore | { store: LicenseUpdateOrderStore };

/** Options every step hook takes. */
export interface StepHookOptions {
  /** The procedure to drive; the nearest `LicenseUpdateOrderProvider`'s by default. */
  store?: StoreArg;
  /** A prefix for the element ids the hook generates (React `useId` by default). */
  id?: string;
}

/** The store and an id prefix for one step hook. */
export function useStepBase(options: StepHookOptions = {}) {
  const store = useLicenseUpdateOrderStore(options.store);
  const generated = useId();
  return { store, baseId: options.id ?? `luk${generated.replace(/[^A-Za-z0-9_-]/g, '')}` };
}

/** Selects from the machine snapshot alone; re-renders when the selection changes by `compare`. */
export function useSnapshotSelector<T>(store: LicenseUpdateOrderStore, selector: (snapshot: LicenseUpdateOrderSnapshot) => T, compare?: (a: T, b: T) => boolean): T {
  return useSelector(store, (state) => selector(state.snapshot), compare);
}

/** Shallow equality of arrays and plain objects: for selections built fresh from the same parts. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The errors whose path starts with `prefix` (e.g. `lines.1.`), keyed by the rest of the path. */
export function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) if (path.startsWith(prefix)) result[path.slice(prefix.length)] = message;
  return result;
}

/**
 * A button that sends one event: `type="button"`, the click sends it (unless the host's onClick
 * prevents default), `aria-disabled` and `data-state` say whether the state takes it now. It stays
 * focusable and clickable when refused, so the refusal reaches `lastRefusal` and can be explained.
 */
export function eventButtonProps(
  store: LicenseUpdateOrderStore,
  event: OperatorEvent,
  enabled: boolean,
  userProps: ButtonProps | undefined,
  extra: ButtonProps = {},
): ButtonProps {
  return mergeProps<ButtonProps, ButtonProps>(
    {
      type: 'button',
      'aria-disabled': enabled ? undefined : 'true',
      'data-state': enabled ? 'enabled' : 'disabled',
      ...extra,
      onClick: () => {
        store.send(event);
      },
    },
    userProps,
  );
}

export { ariaFlag };

/** Whether the snapshot is in one of these states, named by dotted path (`orderForm`, `customerSelection.card.ordersTab`). */
export function isIn(snapshot: LicenseUpdateOrderSnapshot, ...paths: string[]): boolean {
  const current = selectStatePath(snapshot);
  return paths.some((path) => current === path || current.startsWith(`${path}.`));
}
