import { useMemo } from 'react';
import {
  selectCanSubmit,
  selectResultingLicense,
  type LicensingTerms,
  type ObtainingPeriod,
  type Product,
  type SubmittedOrder,
} from '../../machines/index.ts';
import { mergeProps, type ButtonProps, type ElementProps } from '../react/propGetters.ts';
import { eventButtonProps, isIn, useSnapshotSelector, useStepBase, type StepHookOptions } from './shared.ts';

/** One line of the license the serial will carry, with names to show. */
export interface ReviewLicenseLine {
  productId: string;
  productName: string;
  features: { featureId: string; featureName: string; terms: LicensingTerms }[];
}

/** Something the order takes off the serial: a whole product (`featureId` null) or one feature. */
export interface ReviewRemoval {
  productId: string;
  productName: string;
  featureId: string | null;
  featureName: string | null;
}

/** What `useReview` returns. */
export interface Review {
  /** The review (or its submitting) is the current screen. */
  isActive: boolean;
  isSubmitting: boolean;
  /** "Submit Order" is offered: in review, not busy, and the order passes every rule. */
  canSubmit: boolean;
  /** On: merged into the license; off: the license is replaced (see `removed`). */
  addOnMode: boolean;
  obtainingPeriod: ObtainingPeriod | null;
  crmId: string;
  comment: string;
  serialNumber: string | null;
  /** The license after the order is obtained (`selectResultingLicense`), or null before the form exists. */
  resultingLicense: readonly ReviewLicenseLine[] | null;
  /** What the serial loses: everything the order leaves out when Add-on Mode is off, and explicit exclusions. */
  removed: readonly ReviewRemoval[];
  /** "Submit Order" (`order.submit`), `aria-busy` while submitting. */
  getSubmitButtonProps: (userProps?: ButtonProps) => ButtonProps;
  /** "Back to order" (`order.back`). */
  getBackToOrderButtonProps: (userProps?: ButtonProps) => ButtonProps;
  /** Back to one line's editor (`order.back {lineId}`). */
  getEditLineButtonProps: (lineId: string, userProps?: ButtonProps) => ButtonProps;
  /** The removals' container: `data-state="removing"` when the order takes something off the serial, else `none`. */
  getRemovedProps: (userProps?: ElementProps) => ElementProps;
}

const nameOf = (products: readonly Product[], productId: string, featureId?: string | null) => {
  const product = products.find((p) => p.id === productId);
  return {
    productName: product?.name ?? productId,
    featureName: featureId ? (product?.features.find((f) => f.id === featureId)?.name ?? featureId) : null,
  };
};

/** The review: the resulting license (merge or replace), what a replace removes, "Submit Order". */
export function useReview(options?: StepHookOptions): Review {
  const { store, baseId } = useStepBase(options);
  const isActive = useSnapshotSelector(store, (s) => isIn(s, 'review', 'submitting'));
  const isSubmitting = useSnapshotSelector(store, (s) => isIn(s, 'submitting'));
  const canSubmit = useSnapshotSelector(store, selectCanSubmit);
  const draft = useSnapshotSelector(store, (s) => s.context.draft);
  const products = useSnapshotSelector(store, (s) => s.context.products);
  const serialNumber = useSnapshotSelector(store, (s) => s.context.serial?.serial ?? null);
  // Recomputed only when the order or the license changes, not on every snapshot.
  const result = useSnapshotSelector(store, selectResultingLicense, (a, b) => a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b)));

  const resultingLicense = useMemo<ReviewLicenseLine[] | null>(
    () =>
      result?.license.lines.map((line) => ({
        productId: line.productId,
        productName: nameOf(products, line.productId).productName,
        features: line.features.map((f) => ({ featureId: f.featureId, featureName: nameOf(products, line.productId, f.featureId).featureName ?? f.featureId, terms: f.terms })),
      })) ?? null,
    [result, products],
  );
  const removed = useMemo<ReviewRemoval[]>(
    () => (result?.removed ?? []).map((r) => ({ productId: r.productId, featureId: r.featureId, ...nameOf(products, r.productId, r.featureId) })),
    [result, products],
  );

  return {
    isActive,
    isSubmitting,
    canSubmit,
    addOnMode: draft?.addOnMode ?? true,
    obtainingPeriod: draft?.obtainingPeriod ?? null,
    crmId: draft?.crmId ?? '',
    comment: draft?.comment ?? '',
    serialNumber,
    resultingLicense,
    removed,
    getSubmitButtonProps: (userProps) =>
      eventButtonProps(store, { type: 'order.submit' }, canSubmit, userProps, { 'aria-busy': isSubmitting ? 'true' : undefined, 'data-state': isSubmitting ? 'submitting' : canSubmit ? 'enabled' : 'disabled' }),
    getBackToOrderButtonProps: (userProps) => eventButtonProps(store, { type: 'order.back' }, isActive && !isSubmitting, userProps),
    getEditLineButtonProps: (lineId, userProps) => eventButtonProps(store, { type: 'order.back', lineId }, isActive && !isSubmitting, userProps),
    getRemovedProps: (userProps) =>
      mergeProps<ElementProps, ElementProps>({ id: `${baseId}-removed`, 'data-state': removed.length > 0 ? 'removing' : 'none' }, userProps),
  };
}

/** What `useSubmitResult` returns. */
export interface SubmitResult {
  /** The order created (number, id, submit date), once submitted. */
  order: SubmittedOrder | null;
  isSubmitted: boolean;
  isCancelled: boolean;
  /** A live region announcing the outcome: `role="status"`, `data-state` `submitted`/`cancelled`/`open`. */
  getStatusProps: (userProps?: ElementProps) => ElementProps;
}

/** The outcome: the update order created, or the procedure cancelled. */
export function useSubmitResult(options?: StepHookOptions): SubmitResult {
  const { store } = useStepBase(options);
  const order = useSnapshotSelector(store, (s) => s.context.submittedOrder);
  const isSubmitted = useSnapshotSelector(store, (s) => isIn(s, 'submitted'));
  const isCancelled = useSnapshotSelector(store, (s) => isIn(s, 'cancelled'));
  return {
    order,
    isSubmitted,
    isCancelled,
    getStatusProps: (userProps) =>
      mergeProps<ElementProps, ElementProps>(
        { role: 'status', 'aria-live': 'polite', 'data-state': isSubmitted ? 'submitted' : isCancelled ? 'cancelled' : 'open', 'data-order-number': order?.number },
        userProps,
      ),
  };
}
