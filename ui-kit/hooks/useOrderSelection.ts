import { useState, type KeyboardEvent } from 'react';
import { customerDisplayName, type Customer, type LicenseUpdateOrderSnapshot, type Order, type OrderSummary } from '../../machines/index.ts';
import { mergeProps, type ButtonProps, type ElementProps, type InputProps, type LabelProps, type TableProps } from '../react/propGetters.ts';
import { eventButtonProps, isIn, useSnapshotSelector, useStepBase, type StepHookOptions } from './shared.ts';

/** A search field whose query is sent on Enter or with its button, not per keystroke (a search is a lookup). */
interface SearchFieldParts {
  query: string;
  setQuery: (query: string) => void;
  getLabelProps: (userProps?: LabelProps) => LabelProps;
  /** The query field: Enter runs the search (the host may `preventDefault` its keydown to opt out). */
  getSearchInputProps: (userProps?: InputProps) => InputProps;
  getSearchButtonProps: (userProps?: ButtonProps) => ButtonProps;
}

function useSearchField(
  store: ReturnType<typeof useStepBase>['store'],
  baseId: string,
  sentQuery: string,
  search: (query: string) => { type: 'orders.search' | 'customers.search'; query: string },
  enabled: boolean,
  busy: boolean,
): SearchFieldParts {
  const [draft, setDraft] = useState<string | null>(null);
  const query = draft ?? sentQuery;
  const ids = { input: `${baseId}-query`, label: `${baseId}-query-label` };
  const run = () => {
    if (store.send(search(query))) setDraft(null);
  };
  return {
    query,
    setQuery: setDraft,
    getLabelProps: (userProps) => mergeProps<LabelProps, LabelProps>({ id: ids.label, htmlFor: ids.input }, userProps),
    getSearchInputProps: (userProps) =>
      mergeProps<InputProps, InputProps>(
        {
          id: ids.input,
          type: 'search',
          value: query,
          autoComplete: 'off',
          onChange: (event) => setDraft(event.currentTarget.value),
          onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
            if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
            event.preventDefault();
            run();
          },
        },
        userProps,
      ),
    getSearchButtonProps: (userProps) =>
      mergeProps<ButtonProps, ButtonProps>(
        {
          type: 'button',
          'aria-busy': busy ? 'true' : undefined,
          'aria-disabled': enabled ? undefined : 'true',
          'data-state': enabled ? 'enabled' : 'disabled',
          onClick: run,
        },
        userProps,
      ),
  };
}

const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a === b || (a.length === b.length && a.every((item, i) => item === b[i]));

/** What `useOrderList` returns. */
export interface OrderList extends SearchFieldParts {
  /** The orders listed: the search's (order way) or the customer's (Orders tab). */
  orders: readonly OrderSummary[];
  /** `search` on the order way; `customer` on the customer card's Orders tab (no search there). */
  source: 'search' | 'customer' | 'none';
  isSearching: boolean;
  /** An order is being opened. */
  isOpening: boolean;
  getTableProps: (userProps?: TableProps) => TableProps;
  /** One order's row: `data-status` (`done`/`draft`/`cancelled`), `data-type`. */
  getRowProps: (order: OrderSummary, userProps?: ElementProps) => ElementProps;
  /** Opens the order page (`order.open`). */
  getOpenButtonProps: (order: OrderSummary, userProps?: ButtonProps) => ButtonProps;
}

function orderSource(s: LicenseUpdateOrderSnapshot): OrderList['source'] {
  if (isIn(s, 'orderSelection')) return 'search';
  if (isIn(s, 'customerSelection.card.ordersTab')) return 'customer';
  return 'none';
}

/** The order list: the order way's searchable list, or the customer card's Orders tab. */
export function useOrderList(options?: StepHookOptions): OrderList {
  const { store, baseId } = useStepBase(options);
  const source = useSnapshotSelector(store, orderSource);
  const orders = useSnapshotSelector(store, (s) => (orderSource(s) === 'customer' ? (s.context.card?.orders ?? []) : s.context.orders), sameItems);
  const sentQuery = useSnapshotSelector(store, (s) => s.context.orderQuery);
  const isSearching = useSnapshotSelector(store, (s) => isIn(s, 'orderSelection.searching'));
  const isOpening = useSnapshotSelector(store, (s) => isIn(s, 'orderSelection.loadingOrder', 'customerSelection.card.ordersTab.loadingOrder'));
  const canSearch = useSnapshotSelector(store, (s) => isIn(s, 'orderSelection.list'));
  const search = useSearchField(store, baseId, sentQuery, (query) => ({ type: 'orders.search', query }), canSearch, isSearching);
  const canOpen = source !== 'none' && !isSearching && !isOpening;
  return {
    ...search,
    orders: source === 'none' ? [] : orders,
    source,
    isSearching,
    isOpening,
    getTableProps: (userProps) =>
      mergeProps<TableProps, TableProps>({ id: `${baseId}-orders`, 'aria-busy': isSearching || isOpening ? 'true' : undefined, 'data-source': source }, userProps),
    getRowProps: (order, userProps) =>
      mergeProps<ElementProps, ElementProps>({ id: `${baseId}-order-${order.id}`, 'data-status': order.status, 'data-type': order.type, 'data-state': order.status }, userProps),
    getOpenButtonProps: (order, userProps) => eventButtonProps(store, { type: 'order.open', orderId: order.id }, canOpen, userProps, { 'data-status': order.status }),
  };
}

/** What `useOrderPage` returns. */
export interface OrderPage {
  /** The open order (with its serials), or null when no order page is shown. */
  order: Order | null;
  /** The order page is the current screen (on the order way or the customer's Orders tab). */
  isActive: boolean;
  /** The order produced several serials: "Update License" leads to picking one. */
  hasSeveralSerials: boolean;
  /** `order.updateLicense` would be taken (the order is done and has an active serial). */
  canUpdateLicense: boolean;
  isLoadingLicense: boolean;
  /** "Update License" (`order.updateLicense`). */
  getUpdateLicenseButtonProps: (userProps?: ButtonProps) => ButtonProps;
}

/** The order page and its "Update License". */
export function useOrderPage(options?: StepHookOptions): OrderPage {
  const { store } = useStepBase(options);
  const isActive = useSnapshotSelector(store, (s) => isIn(s, 'orderSelection.orderPage', 'customerSelection.card.ordersTab.orderPage'));
  const order = useSnapshotSelector(store, (s) => s.context.order);
  const canUpdateLicense = useSnapshotSelector(store, (s) => s.can({ type: 'order.updateLicense' }));
  const isLoadingLicense = useSnapshotSelector(store, (s) => isIn(s, 'loadingLicense'));
  return {
    order,
    isActive,
    hasSeveralSerials: (order?.serials.length ?? 0) > 1,
    canUpdateLicense,
    isLoadingLicense,
    getUpdateLicenseButtonProps: (userProps) =>
      eventButtonProps(store, { type: 'order.updateLicense' }, canUpdateLicense, userProps, { 'aria-busy': isLoadingLicense ? 'true' : undefined }),
  };
}

/** What `useCustomerList` returns. */
export interface CustomerList extends SearchFieldParts {
  customers: readonly Customer[];
  isSearching: boolean;
  isOpening: boolean;
  /** How the list names a customer: the company, or the person. */
  displayName: (customer: Customer) => string;
  getTableProps: (userProps?: TableProps) => TableProps;
  getRowProps: (customer: Customer, userProps?: ElementProps) => ElementProps;
  /** Opens the customer card (`customer.open`). */
  getOpenButtonProps: (customer: Customer, userProps?: ButtonProps) => ButtonProps;
}

/** The customer way's searchable list. */
export function useCustomerList(options?: StepHookOptions): CustomerList {
  const { store, baseId } = useStepBase(options);
  const customers = useSnapshotSelector(store, (s) => s.context.customers);
  const sentQuery = useSnapshotSelector(store, (s) => s.context.customerQuery);
  const isSearching = useSnapshotSelector(store, (s) => isIn(s, 'customerSelection.searching'));
  const isOpening = useSnapshotSelector(store, (s) => isIn(s, 'customerSelection.loadingCustomer'));
  const isList = useSnapshotSelector(store, (s) => isIn(s, 'customerSelection.list'));
  const search = useSearchField(store, baseId, sentQuery, (query) => ({ type: 'customers.search', query }), isList, isSearching);
  return {
    ...search,
    customers,
    isSearching,
    isOpening,
    displayName: customerDisplayName,
    getTableProps: (userProps) =>
      mergeProps<TableProps, TableProps>({ id: `${baseId}-customers`, 'aria-busy': isSearching || isOpening ? 'true' : undefined }, userProps),
    getRowProps: (customer, userProps) =>
      mergeProps<ElementProps, ElementProps>({ id: `${baseId}-customer-${customer.id}`, 'data-kind': customer.kind }, userProps),
    getOpenButtonProps: (customer, userProps) => eventButtonProps(store, { type: 'customer.open', customerId: customer.id }, isList, userProps),
  };
}

/** The customer card's two tabs. */
export type CustomerTab = 'serials' | 'orders';
/** The tabs in the order they are shown. */
export const CUSTOMER_TABS: readonly CustomerTab[] = ['serials', 'orders'];

/** What `useCustomerCard` returns. */
export interface CustomerCardState {
  customer: Customer | null;
  /** The company, or the person. */
  displayName: string | null;
  /** The card is the current screen. */
  isActive: boolean;
  selectedTab: CustomerTab | null;
  tabs: readonly CustomerTab[];
  /** `role="tablist"`; arrow keys, Home and End move between the tabs (and select them). */
  getTabListProps: (userProps?: ElementProps) => ElementProps;
  /** One tab: `role="tab"`, `aria-selected`, `aria-controls` its panel, roving `tabIndex`; a click sends `tab.select`. */
  getTabProps: (tab: CustomerTab, userProps?: ButtonProps) => ButtonProps;
  /** One panel: `role="tabpanel"`, `aria-labelledby` its tab, `hidden` when not selected. */
  getTabPanelProps: (tab: CustomerTab, userProps?: ElementProps) => ElementProps;
}

/** The customer card: the customer's data and the tabs "Serial Numbers and Hardware Keys (dongles)" and "Orders". */
export function useCustomerCard(options?: StepHookOptions): CustomerCardState {
  const { store, baseId } = useStepBase(options);
  const customer = useSnapshotSelector(store, (s) => s.context.card?.customer ?? null);
  const isActive = useSnapshotSelector(store, (s) => isIn(s, 'customerSelection.card'));
  const selectedTab = useSnapshotSelector(store, (s): CustomerTab | null =>
    isIn(s, 'customerSelection.card.serialsTab') ? 'serials' : isIn(s, 'customerSelection.card.ordersTab') ? 'orders' : null,
  );
  // The machine refuses a tab switch while a request runs: say so before the click.
  const isBusy = useSnapshotSelector(store, (s) => s.hasTag('busy'));
  const tabId = (tab: CustomerTab) => `${baseId}-tab-${tab}`;
  const panelId = (tab: CustomerTab) => `${baseId}-panel-${tab}`;
  const select = (tab: CustomerTab) => {
    if (tab !== selectedTab) store.send({ type: 'tab.select', tab });
  };

  return {
    customer,
    displayName: customer ? customerDisplayName(customer) : null,
    isActive,
    selectedTab,
    tabs: CUSTOMER_TABS,
    getTabListProps: (userProps) =>
      mergeProps<ElementProps, ElementProps>(
        {
          role: 'tablist',
          'aria-orientation': 'horizontal',
          onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
            const index = selectedTab ? CUSTOMER_TABS.indexOf(selectedTab) : 0;
            const next =
              event.key === 'ArrowRight' ? (index + 1) % CUSTOMER_TABS.length
              : event.key === 'ArrowLeft' ? (index - 1 + CUSTOMER_TABS.length) % CUSTOMER_TABS.length
              : event.key === 'Home' ? 0
              : event.key === 'End' ? CUSTOMER_TABS.length - 1
              : null;
            if (next === null) return;
            event.preventDefault();
            const tab = CUSTOMER_TABS[next]!;
            select(tab);
            event.currentTarget.ownerDocument.getElementById(tabId(tab))?.focus();
          },
        },
        userProps,
      ),
    getTabProps: (tab, userProps) =>
      mergeProps<ButtonProps, ButtonProps>(
        {
          id: tabId(tab),
          type: 'button',
          role: 'tab',
          'aria-selected': tab === selectedTab,
          'aria-controls': panelId(tab),
          'aria-disabled': isBusy && tab !== selectedTab ? 'true' : undefined,
          tabIndex: tab === selectedTab ? 0 : -1,
          'data-state': tab === selectedTab ? 'selected' : 'idle',
          onClick: () => select(tab),
        },
        userProps,
      ),
    getTabPanelProps: (tab, userProps) =>
      mergeProps<ElementProps, ElementProps>(
        { id: panelId(tab), role: 'tabpanel', 'aria-labelledby': tabId(tab), hidden: tab !== selectedTab, tabIndex: 0, 'data-state': tab === selectedTab ? 'selected' : 'idle' },
        userProps,
      ),
  };
}
