/**
 * license-update-kit/react — headless React hooks for the license update order procedure.
 * State and behaviour only (prop getters with ids, ARIA, handlers, `data-state`): no markup, no styles.
 */
export { useLicenseUpdateOrder, type LicenseUpdateOrderHandle } from './react/useLicenseUpdateOrder.ts';
export {
  LicenseUpdateOrderProvider,
  useLicenseUpdateOrderSelector,
  useLicenseUpdateOrderStore,
  type LicenseUpdateOrderProviderProps,
} from './react/context.tsx';
export {
  createLicenseUpdateOrderStore,
  type LastRefusal,
  type LicenseUpdateOrderOptions,
  type LicenseUpdateOrderState,
  type LicenseUpdateOrderStore,
  type LocalModeOptions,
  type RemoteModeOptions,
  type SyncError,
  type SyncStatus,
  type UnsentEventStorage,
} from './core/store.ts';
export { DEBOUNCED_EVENT_TYPES, DEFAULT_DEBOUNCE_MS, enqueueCoalesced, isDebouncedEvent } from './core/eventBatching.ts';
export {
  createServiceClient,
  NetworkError,
  ServiceError,
  type Page,
  type ProblemDetails,
  type ProblemFieldError,
  type RequestOptions,
  type ServiceClient,
  type ServiceClientOptions,
  type WorkflowStatus,
  type WorkflowSummary,
  type WorkflowView,
} from './client/serviceClient.ts';
export {
  chainHandlers,
  isPrevented,
  joinIds,
  mergeProps,
  type ButtonProps,
  type DataAttributes,
  type ElementProps,
  type FormProps,
  type InputProps,
  type LabelProps,
  type SelectProps,
  type TableProps,
  type TextareaProps,
} from './react/propGetters.ts';
export type { StepHookOptions, StoreArg } from './hooks/shared.ts';
export {
  useEntrySelection,
  useNavigation,
  useEffectFailure,
  useLastRefusal,
  useSyncStatus,
  type EntrySelection,
  type Navigation,
  type EffectFailureState,
  type LastRefusalState,
  type SyncStatusState,
} from './hooks/useNavigation.ts';
export { useSerialSearch, useSerialTable, type SerialSearch, type SerialTable, type SerialTableKind } from './hooks/useSerialSearch.ts';
export {
  useOrderList,
  useOrderPage,
  useCustomerList,
  useCustomerCard,
  CUSTOMER_TABS,
  type OrderList,
  type OrderPage,
  type CustomerList,
  type CustomerCardState,
  type CustomerTab,
} from './hooks/useOrderSelection.ts';
export {
  useOrderForm,
  useCrmIdField,
  useCommentField,
  useAddOnMode,
  useObtainingPeriod,
  switchProps,
  type OrderForm,
  type OrderTextField,
  type AddOnMode,
  type ObtainingPeriodField,
} from './hooks/useOrderForm.ts';
export {
  useProductLines,
  useProductEditor,
  useProductPicker,
  TERMS_FIELDS,
  type ProductLines,
  type ProductLineItem,
  type ProductEditor,
  type EditorFeature,
  type FeatureControl,
  type TermsField,
  type ProductPicker,
} from './hooks/useProducts.ts';
export { useReview, useSubmitResult, type Review, type ReviewLicenseLine, type ReviewRemoval, type SubmitResult } from './hooks/useReview.ts';
export { useWorkflowList, type WorkflowList, type WorkflowListOptions } from './hooks/useWorkflowList.ts';
