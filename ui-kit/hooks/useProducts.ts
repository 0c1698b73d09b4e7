import { useMemo, useState } from 'react';
import {
  baselineTerms,
  defaultTermsFor,
  LICENSING_MODELS,
  CONSUMPTION_MODES,
  sameTerms,
  selectPickableProducts,
  type Consumption,
  type LicenseUpdateOrderSnapshot,
  MODEL_TERMS_FIELDS,
  type LicensingModel,
  type LicensingTerms,
  type OrderLine,
  type Product,
  type ProductFeature,
} from '../../machines/index.ts';
import { ariaFlag, mergeProps, type ButtonProps, type ElementProps, type InputProps, type LabelProps, type SelectProps } from '../react/propGetters.ts';
import { errorsUnder, eventButtonProps, isIn, shallowEqual, useSnapshotSelector, useStepBase, type StepHookOptions } from './shared.ts';

/** One product line as the form lists it. */
export interface ProductLineItem {
  lineId: string;
  productId: string;
  /** The product's name, or its id while the product is unknown. */
  productName: string;
  /** `license`: on the serial already; `added`: picked with "Add product". */
  origin: OrderLine['origin'];
  featureCount: number;
  excludedCount: number;
  /** The first error of the line (any feature), or null. */
  error: string | null;
}

/** What `useProductLines` returns. */
export interface ProductLines {
  lines: readonly ProductLineItem[];
  /** The order-level message about lines ("The order needs at least one product"), or null. */
  linesError: string | null;
  /** Lines can be opened or added now (the form is editing, or in review). */
  isEditable: boolean;
  /** A line's element: `data-origin`, `data-state` (`invalid`/`valid`), `aria-invalid`. */
  getLineProps: (line: ProductLineItem, userProps?: ElementProps) => ElementProps;
  /** "Change license restrictions" (`line.changeRestrictions {lineId}`). */
  getChangeRestrictionsButtonProps: (line: ProductLineItem, userProps?: ButtonProps) => ButtonProps;
  /** "Add product" (`product.add`). */
  getAddProductButtonProps: (userProps?: ButtonProps) => ButtonProps;
  getLinesErrorProps: (userProps?: ElementProps) => ElementProps;
}

const lineEditable = (s: LicenseUpdateOrderSnapshot) => isIn(s, 'orderForm.editing', 'review');

/** The order's product lines, with "Change license restrictions" per line and "Add product". */
export function useProductLines(options?: StepHookOptions): ProductLines {
  const { store, baseId } = useStepBase(options);
  const draftLines = useSnapshotSelector(store, (s) => s.context.draft?.lines ?? null);
  const products = useSnapshotSelector(store, (s) => s.context.products);
  const lineErrors = useSnapshotSelector(store, (s) => errorsUnder(s.context.errors, 'lines.'), shallowEqual);
  const linesError = useSnapshotSelector(store, (s) => s.context.errors['lines'] ?? null);
  const isEditable = useSnapshotSelector(store, lineEditable);

  const lines = useMemo<ProductLineItem[]>(
    () =>
      (draftLines ?? []).map((line, index) => {
        const product = products.find((p) => p.id === line.productId);
        const firstError = Object.entries(lineErrors).find(([path]) => path.startsWith(`${index}.`))?.[1] ?? null;
        return {
          lineId: line.lineId,
          productId: line.productId,
          productName: product?.name ?? line.productId,
          origin: line.origin,
          featureCount: line.features.length,
          excludedCount: line.features.filter((f) => f.excluded).length,
          error: firstError,
        };
      }),
    [draftLines, products, lineErrors],
  );

  return {
    lines,
    linesError,
    isEditable,
    getLineProps: (line, userProps) =>
      mergeProps<ElementProps, ElementProps>(
        { id: `${baseId}-line-${line.lineId}`, 'data-origin': line.origin, 'data-state': line.error ? 'invalid' : 'valid', 'aria-invalid': ariaFlag(line.error !== null) },
        userProps,
      ),
    getChangeRestrictionsButtonProps: (line, userProps) =>
      eventButtonProps(store, { type: 'line.changeRestrictions', lineId: line.lineId }, isEditable, userProps),
    getAddProductButtonProps: (userProps) => eventButtonProps(store, { type: 'product.add' }, isEditable, userProps),
    getLinesErrorProps: (userProps) => mergeProps<ElementProps, ElementProps>({ id: `${baseId}-lines-error`, 'data-state': 'invalid' }, userProps),
  };
}

/** The terms fields each licensing model has: the domain's list, named for the editor. */
export const TERMS_FIELDS = MODEL_TERMS_FIELDS;

/** A typed terms field of a feature: the model's own fields plus the network seats. */
export type TermsField = 'from' | 'to' | 'expiresOn' | 'days' | 'count' | 'networkSeats';
/** Every control of a feature in the editor that has a label (and may have an error). */
export type FeatureControl = TermsField | 'model' | 'consumption' | 'vmForbidden' | 'exclude';

const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

const NUMBER_FIELDS = new Set<TermsField>(['days', 'count', 'networkSeats']);
const NOT_A_WHOLE_NUMBER = 'Enter a whole number';

/** One feature of the line being edited. */
export interface EditorFeature {
  featureId: string;
  name: string;
  description: string;
  terms: LicensingTerms;
  model: LicensingModel;
  /** The model's own terms fields (network fields are always available). */
  termsFields: readonly TermsField[];
  excluded: boolean;
  canModify: boolean;
  canExclude: boolean;
  /** The terms differ from the serial's (or the product's default, on an added line). */
  changed: boolean;
  /** Errors of this feature keyed by control (`days`, `to`, `model` for the terms as a whole, `exclude`). */
  errors: Partial<Record<FeatureControl, string>>;
}

/** What `useProductEditor` returns. */
export interface ProductEditor {
  /** The editor is the current screen. */
  isActive: boolean;
  lineId: string | null;
  product: Product | null;
  origin: OrderLine['origin'] | null;
  features: readonly EditorFeature[];
  /** The line may be removed ("Remove product"): only a line added in this order. */
  canRemove: boolean;
  /** The line-level message ("Keep at least one feature, or remove the product"), or null. */
  lineError: string | null;
  models: readonly LicensingModel[];
  consumptionModes: readonly Consumption[];
  /** A feature's group: `role="group"` labelled by its name; `data-state` `excluded`/`changed`/`fixed`/`default`. */
  getFeatureProps: (featureId: string, userProps?: ElementProps) => ElementProps;
  /** The element holding the feature's name (labels its group). */
  getFeatureNameProps: (featureId: string, userProps?: ElementProps) => ElementProps;
  getLabelProps: (featureId: string, control: FeatureControl, userProps?: LabelProps) => LabelProps;
  /** The licensing model `<select>`: switching resets the model's fields to their defaults, keeps the network terms. */
  getModelSelectProps: (featureId: string, userProps?: SelectProps) => SelectProps;
  /** A terms field (`date` or `number`); number fields keep what is typed until it is a whole number. */
  getTermsInputProps: (featureId: string, field: TermsField, userProps?: InputProps) => InputProps;
  /** The consumption `<select>` (empty option = none). */
  getConsumptionSelectProps: (featureId: string, userProps?: SelectProps) => SelectProps;
  /** "Forbid virtual machines" checkbox. */
  getVmForbiddenCheckboxProps: (featureId: string, userProps?: InputProps) => InputProps;
  /** "Exclude" checkbox (`feature.exclude`), disabled unless the feature may be excluded. */
  getExcludeCheckboxProps: (featureId: string, userProps?: InputProps) => InputProps;
  getErrorProps: (featureId: string, control: FeatureControl, userProps?: ElementProps) => ElementProps;
  /** "Remove product" (`line.remove`). */
  getRemoveLineButtonProps: (userProps?: ButtonProps) => ButtonProps;
  /** "Back to order" (`order.back`). */
  getBackToOrderButtonProps: (userProps?: ButtonProps) => ButtonProps;
}

function featureErrors(lineErrors: Record<string, string>, featureIndex: number): EditorFeature['errors'] {
  const own = errorsUnder(lineErrors, `features.${featureIndex}.`);
  const errors: EditorFeature['errors'] = {};
  for (const [path, message] of Object.entries(own)) {
    if (path === 'excluded') errors.exclude ??= message;
    else if (path.startsWith('terms.')) errors[path.slice('terms.'.length) as FeatureControl] ??= message;
    else errors.model ??= message;
  }
  return errors;
}

/** "Change license restrictions" of one product line: its features' terms (canModify), exclusions (canExclude). */
export function useProductEditor(options?: StepHookOptions): ProductEditor {
  const { store, baseId } = useStepBase(options);
  const isActive = useSnapshotSelector(store, (s) => isIn(s, 'orderForm.productEditor'));
  const lineIndex = useSnapshotSelector(store, (s) => s.context.draft?.lines.findIndex((l) => l.lineId === s.context.editingLineId) ?? -1);
  const line = useSnapshotSelector(store, (s) => s.context.draft?.lines.find((l) => l.lineId === s.context.editingLineId) ?? null);
  const products = useSnapshotSelector(store, (s) => s.context.products);
  const license = useSnapshotSelector(store, (s) => s.context.license);
  const today = useSnapshotSelector(store, (s) => s.context.today);
  const lineErrors = useSnapshotSelector(store, (s) => errorsUnder(s.context.errors, `lines.${lineIndex}.`), shallowEqual);
  const [typed, setTyped] = useState<Record<string, string>>({});

  const product = useMemo(() => (line ? (products.find((p) => p.id === line.productId) ?? null) : null), [line, products]);
  const features = useMemo<EditorFeature[]>(() => {
    if (!line) return [];
    return line.features.map((feature, index) => {
      const definition: ProductFeature | undefined = product?.features.find((f) => f.id === feature.featureId);
      const baseline = definition && license ? baselineTerms(line, definition, license) : null;
      return {
        featureId: feature.featureId,
        name: definition?.name ?? feature.featureId,
        description: definition?.description ?? '',
        terms: feature.terms,
        model: feature.terms.model,
        termsFields: TERMS_FIELDS[feature.terms.model],
        excluded: feature.excluded,
        canModify: definition?.canModify ?? false,
        canExclude: definition?.canExclude ?? false,
        changed: baseline !== null && !sameTerms(feature.terms, baseline),
        errors: featureErrors(lineErrors, index),
      };
    });
  }, [line, product, license, lineErrors]);

  const byId = (featureId: string) => features.find((f) => f.featureId === featureId);
  const controlId = (featureId: string, control: FeatureControl | 'name' | 'group') => `${baseId}-${featureId}-${control}`;
  const errorId = (featureId: string, control: FeatureControl) => `${controlId(featureId, control)}-error`;
  const setTerms = (featureId: string, terms: LicensingTerms) => store.send({ type: 'feature.setTerms', featureId, terms });
  const typedKey = (featureId: string, field: TermsField) => `${featureId}:${field}`;
  const errorOf = (feature: EditorFeature | undefined, control: FeatureControl): string | null => {
    if (!feature) return null;
    if (control !== 'model' && control !== 'consumption' && control !== 'vmForbidden' && control !== 'exclude') {
      const text = typed[typedKey(feature.featureId, control)];
      if (text !== undefined && NUMBER_FIELDS.has(control) && !/^\d+$/.test(text) && !(control === 'networkSeats' && text === '')) return NOT_A_WHOLE_NUMBER;
    }
    return feature.errors[control] ?? null;
  };
  const described = (feature: EditorFeature | undefined, control: FeatureControl) => {
    const error = errorOf(feature, control);
    return {
      'aria-invalid': ariaFlag(error !== null),
      'aria-describedby': error !== null && feature ? errorId(feature.featureId, control) : undefined,
    };
  };
  const modifiable = (feature: EditorFeature | undefined) => isActive && !!feature?.canModify && !feature.excluded;

  return {
    isActive,
    lineId: line?.lineId ?? null,
    product,
    origin: line?.origin ?? null,
    features,
    canRemove: line?.origin === 'added',
    lineError: lineErrors['features'] ?? null,
    models: LICENSING_MODELS,
    consumptionModes: CONSUMPTION_MODES,
    getFeatureProps: (featureId, userProps) => {
      const feature = byId(featureId);
      const state = feature?.excluded ? 'excluded' : feature?.changed ? 'changed' : feature && !feature.canModify ? 'fixed' : 'default';
      return mergeProps<ElementProps, ElementProps>({ id: controlId(featureId, 'group'), role: 'group', 'aria-labelledby': controlId(featureId, 'name'), 'data-state': state }, userProps);
    },
    getFeatureNameProps: (featureId, userProps) => mergeProps<ElementProps, ElementProps>({ id: controlId(featureId, 'name') }, userProps),
    getLabelProps: (featureId, control, userProps) => mergeProps<LabelProps, LabelProps>({ htmlFor: controlId(featureId, control) }, userProps),
    getModelSelectProps: (featureId, userProps) => {
      const feature = byId(featureId);
      return mergeProps<SelectProps, SelectProps>(
        {
          id: controlId(featureId, 'model'),
          value: feature?.model ?? '',
          disabled: !modifiable(feature),
          ...described(feature, 'model'),
          onChange: (event) => {
            if (!feature) return;
            const model = event.currentTarget.value as LicensingModel;
            const { networkSeats, consumption, vmForbidden } = feature.terms;
            const network = { ...(networkSeats !== undefined ? { networkSeats } : {}), ...(consumption ? { consumption } : {}), ...(vmForbidden !== undefined ? { vmForbidden } : {}) };
            setTerms(featureId, { ...defaultTermsFor(model, today), ...network } as LicensingTerms);
          },
        },
        userProps,
      );
    },
    getTermsInputProps: (featureId, field, userProps) => {
      const feature = byId(featureId);
      const isNumber = NUMBER_FIELDS.has(field);
      const stored = feature ? (feature.terms as Record<string, unknown>)[field] : undefined;
      const text = typed[typedKey(featureId, field)];
      return mergeProps<InputProps, InputProps>(
        {
          id: controlId(featureId, field),
          type: isNumber ? 'number' : 'date',
          inputMode: isNumber ? 'numeric' : undefined,
          min: isNumber ? 0 : undefined,
          step: isNumber ? 1 : undefined,
          value: text ?? (stored === undefined ? '' : String(stored)),
          disabled: !modifiable(feature),
          ...described(feature, field),
          'data-state': errorOf(feature, field) ? 'invalid' : 'valid',
          onChange: (event) => {
            if (!feature) return;
            const raw = event.currentTarget.value;
            const rest = { ...(feature.terms as Record<string, unknown>) };
            if (isNumber) {
              setTyped((current) => ({ ...current, [typedKey(featureId, field)]: raw }));
              if (raw === '' && field === 'networkSeats') delete rest[field];
              else if (/^\d+$/.test(raw)) rest[field] = Number(raw);
              else return;
            } else {
              if (raw === '') return;
              rest[field] = raw;
            }
            setTerms(featureId, rest as LicensingTerms);
          },
          onBlur: () => {
            // Leaving the field shows what the order holds again.
            setTyped(({ [typedKey(featureId, field)]: _dropped, ...current }) => current);
          },
        },
        userProps,
      );
    },
    getConsumptionSelectProps: (featureId, userProps) => {
      const feature = byId(featureId);
      return mergeProps<SelectProps, SelectProps>(
        {
          id: controlId(featureId, 'consumption'),
          value: feature?.terms.consumption ?? '',
          disabled: !modifiable(feature),
          ...described(feature, 'consumption'),
          onChange: (event) => {
            if (!feature) return;
            const { consumption: _previous, ...rest } = feature.terms;
            const value = event.currentTarget.value as Consumption | '';
            setTerms(featureId, (value === '' ? rest : { ...rest, consumption: value }) as LicensingTerms);
          },
        },
        userProps,
      );
    },
    getVmForbiddenCheckboxProps: (featureId, userProps) => {
      const feature = byId(featureId);
      return mergeProps<InputProps, InputProps>(
        {
          id: controlId(featureId, 'vmForbidden'),
          type: 'checkbox',
          checked: feature?.terms.vmForbidden === true,
          disabled: !modifiable(feature),
          ...described(feature, 'vmForbidden'),
          onChange: (event) => {
            if (feature) setTerms(featureId, { ...feature.terms, vmForbidden: event.currentTarget.checked });
          },
        },
        userProps,
      );
    },
    getExcludeCheckboxProps: (featureId, userProps) => {
      const feature = byId(featureId);
      return mergeProps<InputProps, InputProps>(
        {
          id: controlId(featureId, 'exclude'),
          type: 'checkbox',
          checked: feature?.excluded ?? false,
          disabled: !isActive || !feature?.canExclude,
          ...described(feature, 'exclude'),
          'data-state': feature?.excluded ? 'excluded' : 'included',
          onChange: (event) => {
            store.send({ type: 'feature.exclude', featureId, excluded: event.currentTarget.checked });
          },
        },
        userProps,
      );
    },
    getErrorProps: (featureId, control, userProps) => mergeProps<ElementProps, ElementProps>({ id: errorId(featureId, control), 'data-state': 'invalid' }, userProps),
    getRemoveLineButtonProps: (userProps) => eventButtonProps(store, { type: 'line.remove' }, isActive && line?.origin === 'added', userProps),
    getBackToOrderButtonProps: (userProps) => eventButtonProps(store, { type: 'order.back' }, isActive, userProps),
  };
}

/** What `useProductPicker` returns. */
export interface ProductPicker {
  isActive: boolean;
  /** The catalog is being loaded (`listProducts`). */
  isLoading: boolean;
  /** Products that may be added: on sale and not on the order yet. */
  products: readonly Product[];
  /** The list: `aria-busy` while loading. */
  getListProps: (userProps?: ElementProps) => ElementProps;
  /** One product's item: `data-product`. */
  getItemProps: (product: Product, userProps?: ElementProps) => ElementProps;
  /** Adds the product (`product.pick`) and opens its editor. */
  getPickButtonProps: (product: Product, userProps?: ButtonProps) => ButtonProps;
  /** "Back to order" (`order.back`). */
  getBackToOrderButtonProps: (userProps?: ButtonProps) => ButtonProps;
}

/** "Add product": the on-sale products not on the order yet. */
export function useProductPicker(options?: StepHookOptions): ProductPicker {
  const { store, baseId } = useStepBase(options);
  const isActive = useSnapshotSelector(store, (s) => isIn(s, 'orderForm.productPicker'));
  const isLoading = useSnapshotSelector(store, (s) => isIn(s, 'orderForm.productPicker.loading'));
  const isChoosing = useSnapshotSelector(store, (s) => isIn(s, 'orderForm.productPicker.choosing'));
  const pickable = useSnapshotSelector(store, selectPickableProducts, sameItems);
  return {
    isActive,
    isLoading,
    products: isActive ? pickable : [],
    getListProps: (userProps) => mergeProps<ElementProps, ElementProps>({ id: `${baseId}-products`, 'aria-busy': isLoading ? 'true' : undefined }, userProps),
    getItemProps: (product, userProps) => mergeProps<ElementProps, ElementProps>({ id: `${baseId}-product-${product.id}`, 'data-product': product.id }, userProps),
    getPickButtonProps: (product, userProps) =>
      eventButtonProps(store, { type: 'product.pick', productId: product.id }, isChoosing, userProps),
    getBackToOrderButtonProps: (userProps) => eventButtonProps(store, { type: 'order.back' }, isChoosing, userProps),
  };
}
