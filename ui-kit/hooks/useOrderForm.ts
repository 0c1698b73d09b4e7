import type { FormEvent } from 'react';
import { selectCanReview, type LicenseUpdateOrderSnapshot } from '../../machines/index.ts';
import {
  ariaFlag,
  mergeProps,
  type ButtonProps,
  type ElementProps,
  type FormProps,
  type InputProps,
  type LabelProps,
  type TextareaProps,
} from '../react/propGetters.ts';
import { eventButtonProps, isIn, useSnapshotSelector, useStepBase, type StepHookOptions } from './shared.ts';

const isEditing = (s: LicenseUpdateOrderSnapshot) => isIn(s, 'orderForm.editing');

/** What `useOrderForm` returns: the form as a whole (its fields have their own hooks). */
export interface OrderForm {
  /** The form (the License Update page) is the current screen. */
  isActive: boolean;
  /** The form's fields take edits now (not in a product editor, picker or while saving). */
  isEditing: boolean;
  /** The whole order passes every rule: review is offered. */
  canReview: boolean;
  /** How many field errors the order has now. */
  errorCount: number;
  isSavingDraft: boolean;
  /** Set once a draft was saved. */
  draftRef: string | null;
  /** The serial number being updated. */
  serialNumber: string | null;
  /** The form element: submitting it sends `order.review` (the default submit is prevented); `aria-busy` while saving. */
  getFormProps: (userProps?: FormProps) => FormProps;
  /** "Review" as a plain button (`order.review`), for a skin that does not submit a form. */
  getReviewButtonProps: (userProps?: ButtonProps) => ButtonProps;
  /** "Save draft" (`draft.save`). */
  getSaveDraftButtonProps: (userProps?: ButtonProps) => ButtonProps;
}

/** The License Update form as a whole: review, save draft, its error count. */
export function useOrderForm(options?: StepHookOptions): OrderForm {
  const { store, baseId } = useStepBase(options);
  const isActive = useSnapshotSelector(store, (s) => isIn(s, 'orderForm'));
  const editing = useSnapshotSelector(store, isEditing);
  const canReview = useSnapshotSelector(store, selectCanReview);
  const errorCount = useSnapshotSelector(store, (s) => (isIn(s, 'orderForm') ? Object.keys(s.context.errors).length : 0));
  const isSavingDraft = useSnapshotSelector(store, (s) => isIn(s, 'orderForm.savingDraft'));
  const draftRef = useSnapshotSelector(store, (s) => s.context.draftRef);
  const serialNumber = useSnapshotSelector(store, (s) => s.context.serial?.serial ?? null);
  return {
    isActive,
    isEditing: editing,
    canReview,
    errorCount,
    isSavingDraft,
    draftRef,
    serialNumber,
    getFormProps: (userProps) =>
      mergeProps<FormProps, FormProps>(
        {
          id: `${baseId}-form`,
          noValidate: true,
          'aria-busy': isSavingDraft ? 'true' : undefined,
          'data-state': isSavingDraft ? 'saving' : canReview ? 'valid' : 'invalid',
          onSubmit: (event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            store.send({ type: 'order.review' });
          },
        },
        userProps,
      ),
    getReviewButtonProps: (userProps) => eventButtonProps(store, { type: 'order.review' }, canReview, userProps),
    getSaveDraftButtonProps: (userProps) =>
      eventButtonProps(store, { type: 'draft.save' }, editing, userProps, { 'aria-busy': isSavingDraft ? 'true' : undefined }),
  };
}

/** What a text field of the order (CRM ID, Comment) returns. */
export interface OrderTextField<E extends InputProps | TextareaProps> {
  value: string;
  error: string | null;
  getLabelProps: (userProps?: LabelProps) => LabelProps;
  /** The field: value, its change event on change, `aria-invalid`, `aria-describedby` → the error. */
  getInputProps: (userProps?: E) => E;
  /** The error message's element (render it when `error` is set). */
  getErrorProps: (userProps?: ElementProps) => ElementProps;
}

function useOrderTextField<E extends InputProps | TextareaProps>(
  field: 'crmId' | 'comment',
  options: StepHookOptions | undefined,
  extra: E,
): OrderTextField<E> {
  const { store, baseId } = useStepBase(options);
  const value = useSnapshotSelector(store, (s) => s.context.draft?.[field] ?? '');
  const error = useSnapshotSelector(store, (s) => s.context.errors[field] ?? null);
  const editable = useSnapshotSelector(store, isEditing);
  const ids = { input: `${baseId}-${field}`, label: `${baseId}-${field}-label`, error: `${baseId}-${field}-error` };
  return {
    value,
    error,
    getLabelProps: (userProps) => mergeProps<LabelProps, LabelProps>({ id: ids.label, htmlFor: ids.input }, userProps),
    getInputProps: (userProps) =>
      mergeProps<E, E>(
        {
          ...extra,
          id: ids.input,
          name: field,
          value,
          readOnly: !editable,
          'aria-invalid': ariaFlag(error !== null),
          'aria-describedby': error !== null ? ids.error : undefined,
          'data-state': error !== null ? 'invalid' : 'valid',
          onChange: (event: { currentTarget: { value: string } }) => {
            store.send(field === 'crmId' ? { type: 'crmId.change', value: event.currentTarget.value } : { type: 'comment.change', value: event.currentTarget.value });
          },
        } as E,
        userProps,
      ),
    getErrorProps: (userProps) => mergeProps<ElementProps, ElementProps>({ id: ids.error, 'data-state': 'invalid' }, userProps),
  };
}

/** The CRM ID field (`crmId.change`): an `<input>`. Re-renders only when the CRM ID, its error or editability change. */
export function useCrmIdField(options?: StepHookOptions): OrderTextField<InputProps> {
  return useOrderTextField<InputProps>('crmId', options, { type: 'text', autoComplete: 'off' });
}

/** The Comment field (`comment.change`): a `<textarea>`. */
export function useCommentField(options?: StepHookOptions): OrderTextField<TextareaProps> {
  return useOrderTextField<TextareaProps>('comment', options, {});
}

/** What `useAddOnMode` returns. */
export interface AddOnMode {
  /** On: the order is merged into the license; off: it replaces the license. */
  enabled: boolean;
  /** The id `getDescriptionProps` gives its element. */
  descriptionId: string;
  getLabelProps: (userProps?: LabelProps) => LabelProps;
  /** A `<button>` switch: `role="switch"`, `aria-checked`; a click sends `addOn.set`. */
  getSwitchProps: (userProps?: ButtonProps) => ButtonProps;
  /** A hint beside the switch (e.g. "Off: the order replaces the license"); link it with `getSwitchProps({ 'aria-describedby': descriptionId })`. */
  getDescriptionProps: (userProps?: ElementProps) => ElementProps;
}

/** The Add-on Mode switch (on by default). */
export function useAddOnMode(options?: StepHookOptions): AddOnMode {
  const { store, baseId } = useStepBase(options);
  const enabled = useSnapshotSelector(store, (s) => s.context.draft?.addOnMode ?? true);
  const editable = useSnapshotSelector(store, isEditing);
  const ids = { switch: `${baseId}-addon`, label: `${baseId}-addon-label`, description: `${baseId}-addon-description` };
  return {
    enabled,
    descriptionId: ids.description,
    getLabelProps: (userProps) => mergeProps<LabelProps, LabelProps>({ id: ids.label, htmlFor: ids.switch }, userProps),
    getSwitchProps: (userProps) =>
      switchProps(ids.switch, enabled, editable, () => store.send({ type: 'addOn.set', enabled: !enabled }), userProps),
    getDescriptionProps: (userProps) => mergeProps<ElementProps, ElementProps>({ id: ids.description }, userProps),
  };
}

/** A `<button role="switch">`: the kit's one switch shape (Unlimited, Add-on Mode). */
export function switchProps(id: string, checked: boolean, enabled: boolean, toggle: () => void, userProps?: ButtonProps): ButtonProps {
  return mergeProps<ButtonProps, ButtonProps>(
    {
      id,
      type: 'button',
      role: 'switch',
      'aria-checked': checked,
      'aria-disabled': enabled ? undefined : 'true',
      'data-state': checked ? 'on' : 'off',
      onClick: toggle,
    },
    userProps,
  );
}

/** What `useObtainingPeriod` returns. */
export interface ObtainingPeriodField {
  unlimited: boolean;
  from: string | null;
  to: string | null;
  fromError: string | null;
  toError: string | null;
  /** The group (`role="group"`) around the switch and the dates, labelled by `getGroupLabelProps`. */
  getGroupProps: (userProps?: ElementProps) => ElementProps;
  getGroupLabelProps: (userProps?: ElementProps) => ElementProps;
  getUnlimitedLabelProps: (userProps?: LabelProps) => LabelProps;
  /** The Unlimited switch (`period.setUnlimited`). */
  getUnlimitedSwitchProps: (userProps?: ButtonProps) => ButtonProps;
  getFromLabelProps: (userProps?: LabelProps) => LabelProps;
  getToLabelProps: (userProps?: LabelProps) => LabelProps;
  /** A date input (`period.setDates {from}`), disabled while Unlimited is on. */
  getFromInputProps: (userProps?: InputProps) => InputProps;
  getToInputProps: (userProps?: InputProps) => InputProps;
  getFromErrorProps: (userProps?: ElementProps) => ElementProps;
  getToErrorProps: (userProps?: ElementProps) => ElementProps;
}

/** The obtaining period: the Unlimited switch, or two dates. */
export function useObtainingPeriod(options?: StepHookOptions): ObtainingPeriodField {
  const { store, baseId } = useStepBase(options);
  const unlimited = useSnapshotSelector(store, (s) => s.context.draft?.obtainingPeriod.unlimited ?? true);
  const from = useSnapshotSelector(store, (s) => s.context.draft?.obtainingPeriod.from ?? null);
  const to = useSnapshotSelector(store, (s) => s.context.draft?.obtainingPeriod.to ?? null);
  const fromError = useSnapshotSelector(store, (s) => s.context.errors['obtainingPeriod.from'] ?? null);
  const toError = useSnapshotSelector(store, (s) => s.context.errors['obtainingPeriod.to'] ?? null);
  const editable = useSnapshotSelector(store, isEditing);
  const ids = {
    group: `${baseId}-period-label`,
    unlimited: `${baseId}-unlimited`,
    from: `${baseId}-from`,
    to: `${baseId}-to`,
    fromError: `${baseId}-from-error`,
    toError: `${baseId}-to-error`,
  };
  const dateInput = (which: 'from' | 'to', value: string | null, error: string | null, userProps?: InputProps) =>
    mergeProps<InputProps, InputProps>(
      {
        id: ids[which],
        name: `obtainingPeriod.${which}`,
        type: 'date',
        value: value ?? '',
        disabled: unlimited,
        readOnly: !editable,
        'aria-invalid': ariaFlag(error !== null),
        'aria-describedby': error !== null ? ids[which === 'from' ? 'fromError' : 'toError'] : undefined,
        'data-state': error !== null ? 'invalid' : 'valid',
        onChange: (event) => {
          const date = event.currentTarget.value || null;
          store.send(which === 'from' ? { type: 'period.setDates', from: date } : { type: 'period.setDates', to: date });
        },
      },
      userProps,
    );
  return {
    unlimited,
    from,
    to,
    fromError,
    toError,
    getGroupProps: (userProps) =>
      mergeProps<ElementProps, ElementProps>({ role: 'group', 'aria-labelledby': ids.group, 'data-state': unlimited ? 'unlimited' : 'dates' }, userProps),
    getGroupLabelProps: (userProps) => mergeProps<ElementProps, ElementProps>({ id: ids.group }, userProps),
    getUnlimitedLabelProps: (userProps) => mergeProps<LabelProps, LabelProps>({ htmlFor: ids.unlimited }, userProps),
    getUnlimitedSwitchProps: (userProps) =>
      switchProps(ids.unlimited, unlimited, editable, () => store.send({ type: 'period.setUnlimited', unlimited: !unlimited }), userProps),
    getFromLabelProps: (userProps) => mergeProps<LabelProps, LabelProps>({ htmlFor: ids.from }, userProps),
    getToLabelProps: (userProps) => mergeProps<LabelProps, LabelProps>({ htmlFor: ids.to }, userProps),
    getFromInputProps: (userProps) => dateInput('from', from, fromError, userProps),
    getToInputProps: (userProps) => dateInput('to', to, toError, userProps),
    getFromErrorProps: (userProps) => mergeProps<ElementProps, ElementProps>({ id: ids.fromError, 'data-state': 'invalid' }, userProps),
    getToErrorProps: (userProps) => mergeProps<ElementProps, ElementProps>({ id: ids.toError, 'data-state': 'invalid' }, userProps),
  };
}
