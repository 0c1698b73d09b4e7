import type { KeyboardEvent } from 'react';
import { parseSerialNumbers, type LicenseUpdateOrderSnapshot, type SerialSummary } from '../../machines/index.ts';
import { ariaFlag, mergeProps, type ButtonProps, type ElementProps, type InputProps, type LabelProps, type TableProps } from '../react/propGetters.ts';
import { eventButtonProps, isIn, useSnapshotSelector, useStepBase, type StepHookOptions } from './shared.ts';

const SEARCHING = ['serialDefinition.searching', 'customerSelection.card.serialsTab.searching'] as const;
const FIELD_STATES = ['serialDefinition', 'customerSelection.card.serialsTab'] as const;
const isSearching = (s: LicenseUpdateOrderSnapshot) => isIn(s, ...SEARCHING);

/** What `useSerialSearch` returns. */
export interface SerialSearch {
  /** The field as typed: one or more serial numbers. */
  text: string;
  /** How many well-formed serial numbers the text holds. */
  serialCount: number;
  /** The field's message (a malformed token, no match, blocked), or null. */
  error: string | null;
  isSearching: boolean;
  /** `serial.search` would be taken now (≥ 1 well-formed serial). */
  canSearch: boolean;
  /** The field belongs to the current screen (serial way, or the customer's serials tab). */
  isActive: boolean;
  getLabelProps: (userProps?: LabelProps) => LabelProps;
  /** The serial field: value, `serial.input` on change, **Enter sends `serial.search`**, `aria-invalid`, `aria-describedby` → the error. */
  getInputProps: (userProps?: InputProps) => InputProps;
  /** The error message's element (render it when `error` is set). */
  getErrorProps: (userProps?: ElementProps) => ElementProps;
  /** The search button (`serial.search`), `aria-busy` while searching. */
  getSearchButtonProps: (userProps?: ButtonProps) => ButtonProps;
}

/** The serial number field and its search, on the serial way and on the customer's serials tab. */
export function useSerialSearch(options?: StepHookOptions): SerialSearch {
  const { store, baseId } = useStepBase(options);
  const text = useSnapshotSelector(store, (s) => s.context.serialText);
  const error = useSnapshotSelector(store, (s) => s.context.errors['serial'] ?? null);
  const searching = useSnapshotSelector(store, isSearching);
  const canSearch = useSnapshotSelector(store, (s) => s.can({ type: 'serial.search' }));
  const isActive = useSnapshotSelector(store, (s) => isIn(s, ...FIELD_STATES));
  const ids = { input: `${baseId}-serial`, label: `${baseId}-serial-label`, error: `${baseId}-serial-error` };

  return {
    text,
    serialCount: parseSerialNumbers(text).serials.length,
    error,
    isSearching: searching,
    canSearch,
    isActive,
    getLabelProps: (userProps) => mergeProps<LabelProps, LabelProps>({ id: ids.label, htmlFor: ids.input }, userProps),
    getInputProps: (userProps) =>
      mergeProps<InputProps, InputProps>(
        {
          id: ids.input,
          type: 'text',
          value: text,
          autoComplete: 'off',
          spellCheck: false,
          'aria-invalid': ariaFlag(error !== null),
          'aria-describedby': error !== null ? ids.error : undefined,
          'data-state': error !== null ? 'invalid' : searching ? 'searching' : 'idle',
          onChange: (event) => {
            store.send({ type: 'serial.input', text: event.currentTarget.value });
          },
          onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
            if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
            // Enter searches; it must not also submit a form the host wrapped around the field.
            event.preventDefault();
            store.send({ type: 'serial.search' });
          },
        },
        userProps,
      ),
    getErrorProps: (userProps) => mergeProps<ElementProps, ElementProps>({ id: ids.error, 'data-state': 'invalid' }, userProps),
    getSearchButtonProps: (userProps) =>
      eventButtonProps(store, { type: 'serial.search' }, canSearch, userProps, { 'aria-busy': searching ? 'true' : undefined }),
  };
}

/** Which serial table is shown: its rows, what selecting and "Update" do there. */
export type SerialTableKind = 'results' | 'customerSerials' | 'licenseUpdatePage' | 'orderSerials' | 'none';

function tableKind(s: LicenseUpdateOrderSnapshot): SerialTableKind {
  if (isIn(s, 'serialDefinition')) return 'results';
  if (isIn(s, 'customerSelection.card.serialsTab.licenseUpdatePage')) return 'licenseUpdatePage';
  if (isIn(s, 'customerSelection.card.serialsTab')) return 'customerSerials';
  if (isIn(s, 'orderSelection.pickingSerial') || isIn(s, 'customerSelection.card.ordersTab.pickingSerial')) return 'orderSerials';
  if (isIn(s, 'orderSelection.orderPage') || isIn(s, 'customerSelection.card.ordersTab.orderPage')) return 'orderSerials';
  return 'none';
}

function rowsOf(s: LicenseUpdateOrderSnapshot, kind: SerialTableKind): readonly SerialSummary[] {
  if (kind === 'orderSerials') return s.context.order?.serials ?? [];
  if (kind === 'none') return [];
  return s.context.serialResults;
}

const EMPTY: readonly SerialSummary[] = [];

/** What `useSerialTable` returns. */
export interface SerialTable {
  /** Which table this is now: the serial way's results, a customer's serials, the License Update page, an order's serials. */
  kind: SerialTableKind;
  rows: readonly SerialSummary[];
  selectedSerialId: string | null;
  /** Rows can be selected (`serial.select`) here. */
  isSelectable: boolean;
  isBusy: boolean;
  /** The table: `aria-busy` while searching, `aria-multiselectable="false"`. */
  getTableProps: (userProps?: TableProps) => TableProps;
  /** One row: `aria-selected`, `data-state` (`selected`/`blocked`/`active`), a click selects it. */
  getRowProps: (serial: SerialSummary, userProps?: ElementProps) => ElementProps;
  /** "Update" in the row (`serial.update {serialId}`); `aria-disabled` on a blocked serial, whose refusal is explained. */
  getUpdateButtonProps: (serial: SerialSummary, userProps?: ButtonProps) => ButtonProps;
}

/**
 * The serial tables: the serial way's results, the customer's serials tab, the License Update
 * page (the customer's serials, the chosen one selected), and an order's serials when it produced several.
 */
export function useSerialTable(options?: StepHookOptions): SerialTable {
  const { store, baseId } = useStepBase(options);
  const kind = useSnapshotSelector(store, tableKind);
  const rows = useSnapshotSelector(store, (s) => rowsOf(s, tableKind(s)), (a, b) => a === b || (a.length === b.length && a.every((row, i) => row === b[i])));
  const selectedSerialId = useSnapshotSelector(store, (s) => s.context.selectedSerialId);
  const isBusy = useSnapshotSelector(store, isSearching);
  const isPicking = useSnapshotSelector(store, (s) => isIn(s, 'orderSelection.pickingSerial', 'customerSelection.card.ordersTab.pickingSerial'));
  const isSelectable = kind === 'results' || kind === 'customerSerials' || (kind === 'orderSerials' && isPicking);
  const rowId = (serial: SerialSummary) => `${baseId}-row-${serial.id}`;

  return {
    kind,
    rows: kind === 'none' ? EMPTY : rows,
    selectedSerialId,
    isSelectable,
    isBusy,
    getTableProps: (userProps) =>
      mergeProps<TableProps, TableProps>(
        { id: `${baseId}-serials`, 'aria-busy': isBusy ? 'true' : undefined, 'aria-multiselectable': isSelectable ? 'false' : undefined, 'data-kind': kind },
        userProps,
      ),
    getRowProps: (serial, userProps) => {
      const selected = serial.id === selectedSerialId;
      return mergeProps<ElementProps, ElementProps>(
        {
          id: rowId(serial),
          'aria-selected': isSelectable ? selected : undefined,
          'data-state': selected ? 'selected' : serial.status === 'blocked' ? 'blocked' : 'active',
          'data-status': serial.status,
          onClick: isSelectable
            ? () => {
                // A click on the row's own Update button also reaches the row: select only where selecting still applies.
                const event = { type: 'serial.select', serialId: serial.id } as const;
                if (serial.id !== selectedSerialId && store.can(event)) store.send(event);
              }
            : undefined,
        },
        userProps,
      );
    },
    getUpdateButtonProps: (serial, userProps) =>
      eventButtonProps(store, { type: 'serial.update', serialId: serial.id }, serial.status === 'active', userProps, { 'data-status': serial.status }),
  };
}
