import type {
  ButtonHTMLAttributes,
  FormHTMLAttributes,
  HTMLAttributes,
  InputHTMLAttributes,
  LabelHTMLAttributes,
  SelectHTMLAttributes,
  TableHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

/** `data-*` attributes the getters set for styling (`data-state`, `data-way`, …). */
export type DataAttributes = { [key: `data-${string}`]: string | number | boolean | undefined };

/** Props of an `<input>` as getters take and return them: React's attributes plus `data-*`. */
export type InputProps = InputHTMLAttributes<HTMLInputElement> & DataAttributes;
/** Props of a `<textarea>`. */
export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & DataAttributes;
/** Props of a `<select>`. */
export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & DataAttributes;
/** Props of a `<button>`. */
export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes;
/** Props of a `<label>`. */
export type LabelProps = LabelHTMLAttributes<HTMLLabelElement> & DataAttributes;
/** Props of a `<form>`. */
export type FormProps = FormHTMLAttributes<HTMLFormElement> & DataAttributes;
/** Props of a `<table>`. */
export type TableProps = TableHTMLAttributes<HTMLTableElement> & DataAttributes;
/** Props of any other element (rows, groups, regions, messages). */
export type ElementProps = HTMLAttributes<HTMLElement> & DataAttributes;

type Cancellable = { defaultPrevented?: boolean; isDefaultPrevented?: () => boolean };

/** Whether a host handler opted out of the kit's behaviour with `event.preventDefault()`. */
export function isPrevented(event: unknown): boolean {
  const e = event as Cancellable | null;
  if (!e || typeof e !== 'object') return false;
  return typeof e.isDefaultPrevented === 'function' ? e.isDefaultPrevented() : e.defaultPrevented === true;
}

/**
 * One handler from the host's and the kit's: the host's runs first; when it calls
 * `event.preventDefault()` the kit's does not run (downshift's opt-out).
 */
export function chainHandlers<E>(host: ((event: E) => void) | undefined, kit: ((event: E) => void) | undefined): ((event: E) => void) | undefined {
  if (!host) return kit;
  if (!kit) return host;
  return (event: E) => {
    host(event);
    if (!isPrevented(event)) kit(event);
  };
}

/** Space-separated id lists (`aria-describedby`, `aria-labelledby`) from both sides, without blanks or repeats. */
export function joinIds(...lists: (string | undefined | null | false)[]): string | undefined {
  const ids = [...new Set(lists.flatMap((list) => (list ? list.split(/\s+/) : [])).filter(Boolean))];
  return ids.length > 0 ? ids.join(' ') : undefined;
}

const ID_LISTS = new Set(['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns']);

/**
 * The kit's props and the host's in one object: handlers chained host first (honouring
 * `preventDefault`), id lists joined, everything else the host's when both set it.
 */
export function mergeProps<K extends object, H extends object>(kit: K, host: H | undefined): K & H {
  if (!host) return kit as K & H;
  const merged = { ...kit } as Record<string, unknown>;
  for (const [key, value] of Object.entries(host)) {
    const ours = merged[key];
    if (/^on[A-Z]/.test(key) && typeof value === 'function' && typeof ours === 'function') {
      merged[key] = chainHandlers(value as (e: unknown) => void, ours as (e: unknown) => void);
    } else if (ID_LISTS.has(key) && typeof value === 'string' && typeof ours === 'string') {
      merged[key] = joinIds(ours, value);
    } else if (value !== undefined) {
      merged[key] = value;
    }
  }
  return merged as K & H;
}

/** `true` → `"true"`, `false`/absent → no attribute: keeps `aria-*` booleans off the DOM when false. */
export const ariaFlag = (on: boolean): 'true' | undefined => (on ? 'true' : undefined);
