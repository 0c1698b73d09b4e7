import { createContext, useContext, type ReactNode } from 'react';
import { useSelector } from '@xstate/react';
import type { LicenseUpdateOrderState, LicenseUpdateOrderStore } from '../core/store.ts';

const StoreContext = createContext<LicenseUpdateOrderStore | null>(null);

/** Props of {@link LicenseUpdateOrderProvider}. */
export interface LicenseUpdateOrderProviderProps {
  /** The store of `useLicenseUpdateOrder` (its `store` field, or the whole handle). */
  value: LicenseUpdateOrderStore | { store: LicenseUpdateOrderStore };
  children?: ReactNode;
}

/** Makes one procedure available to the step hooks below it, so the handle need not be threaded through props. */
export function LicenseUpdateOrderProvider({ value, children }: LicenseUpdateOrderProviderProps) {
  const store = 'store' in value ? value.store : value;
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store given explicitly, else the nearest provider's; throws a clear error when there is neither. */
export function useLicenseUpdateOrderStore(explicit?: LicenseUpdateOrderStore | { store: LicenseUpdateOrderStore }): LicenseUpdateOrderStore {
  const fromContext = useContext(StoreContext);
  const store = explicit ? ('store' in explicit ? explicit.store : explicit) : fromContext;
  if (!store) throw new Error('No license update order here: render the hook inside <LicenseUpdateOrderProvider>, or pass the store to it');
  return store;
}

/**
 * Selects one value from the procedure's state and re-renders only when it changes (by `compare`,
 * `Object.is` by default). Select primitives, or pass a shallow compare: never the whole snapshot.
 */
export function useLicenseUpdateOrderSelector<T>(
  selector: (state: LicenseUpdateOrderState) => T,
  compare?: (a: T, b: T) => boolean,
  store?: LicenseUpdateOrderStore | { store: LicenseUpdateOrderStore },
): T {
  return useSelector(useLicenseUpdateOrderStore(store), selector, compare);
}
