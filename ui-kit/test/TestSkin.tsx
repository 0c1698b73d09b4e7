// A deliberately plain skin over the hooks, for tests only: markup and names, no behaviour of its own.
import { memo, type ReactNode } from 'react';
import {
  LicenseUpdateOrderProvider,
  useAddOnMode,
  useCommentField,
  useCrmIdField,
  useCustomerCard,
  useCustomerList,
  useEffectFailure,
  useEntrySelection,
  useLastRefusal,
  useLicenseUpdateOrder,
  useNavigation,
  useObtainingPeriod,
  useOrderForm,
  useOrderList,
  useOrderPage,
  useProductEditor,
  useProductLines,
  useProductPicker,
  useReview,
  useSerialSearch,
  useSerialTable,
  useSubmitResult,
  useSyncStatus,
  type LicenseUpdateOrderHandle,
  type LicenseUpdateOrderOptions,
} from '../index.ts';

/** Renders per component name: the render-count test reads it. */
export const renderCounts = new Map<string, number>();
function useCountRender(name: string) {
  renderCounts.set(name, (renderCounts.get(name) ?? 0) + 1);
}

const WAY_NAMES = { serial: 'By serial number', order: 'By order', customer: 'By customer' } as const;

const Entry = memo(function Entry() {
  const entry = useEntrySelection();
  return (
    <section>
      <h2 {...entry.getGroupLabelProps()}>Update license</h2>
      <div {...entry.getGroupProps()}>
        {entry.ways.map((way) => (
          <button key={way} {...entry.getWayButtonProps(way)}>
            {WAY_NAMES[way]}
          </button>
        ))}
      </div>
    </section>
  );
});

const SerialField = memo(function SerialField() {
  useCountRender('SerialField');
  const search = useSerialSearch();
  return (
    <div>
      <label {...search.getLabelProps()}>Serial number</label>
      <input {...search.getInputProps()} />
      {search.error && <p {...search.getErrorProps()}>{search.error}</p>}
      <button {...search.getSearchButtonProps()}>Search</button>
    </div>
  );
});

const SerialTable = memo(function SerialTable({ caption }: { caption: string }) {
  const table = useSerialTable();
  if (table.rows.length === 0) return null;
  return (
    <table {...table.getTableProps()}>
      <caption>{caption}</caption>
      <tbody>
        {table.rows.map((serial) => (
          <tr key={serial.id} {...table.getRowProps(serial)}>
            <td>{serial.serial}</td>
            <td>{serial.status}</td>
            <td>{serial.customerName}</td>
            <td>
              <button {...table.getUpdateButtonProps(serial)}>Update</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

const OrderList = memo(function OrderList() {
  const list = useOrderList();
  return (
    <div>
      {list.source === 'search' && (
        <div>
          <label {...list.getLabelProps()}>Find orders</label>
          <input {...list.getSearchInputProps()} />
          <button {...list.getSearchButtonProps()}>Search orders</button>
        </div>
      )}
      <table {...list.getTableProps()}>
        <caption>Orders</caption>
        <tbody>
          {list.orders.map((order) => (
            <tr key={order.id} {...list.getRowProps(order)}>
              <td>{order.number}</td>
              <td>{order.status}</td>
              <td>{order.customerName}</td>
              <td>
                <button {...list.getOpenButtonProps(order)}>Open order {order.number}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

const OrderPage = memo(function OrderPage() {
  const page = useOrderPage();
  if (!page.order) return null;
  return (
    <section>
      <h3>Order {page.order.number}</h3>
      <p>
        {page.order.serials.length} serial numbers, {page.order.status}
      </p>
      {page.isActive && <button {...page.getUpdateLicenseButtonProps()}>Update License</button>}
    </section>
  );
});

const CustomerList = memo(function CustomerList() {
  const list = useCustomerList();
  return (
    <div>
      <label {...list.getLabelProps()}>Find customers</label>
      <input {...list.getSearchInputProps()} />
      <button {...list.getSearchButtonProps()}>Search customers</button>
      <table {...list.getTableProps()}>
        <caption>Customers</caption>
        <tbody>
          {list.customers.map((customer) => (
            <tr key={customer.id} {...list.getRowProps(customer)}>
              <td>{list.displayName(customer)}</td>
              <td>
                <button {...list.getOpenButtonProps(customer)}>Open {list.displayName(customer)}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

const TAB_NAMES = { serials: 'Serial Numbers and Hardware Keys (dongles)', orders: 'Orders' } as const;

const CustomerCard = memo(function CustomerCard({ statePath }: { statePath: string }) {
  const card = useCustomerCard();
  return (
    <section>
      <h2>{card.displayName}</h2>
      <div {...card.getTabListProps()}>
        {card.tabs.map((tab) => (
          <button key={tab} {...card.getTabProps(tab)}>
            {TAB_NAMES[tab]}
          </button>
        ))}
      </div>
      <div {...card.getTabPanelProps('serials')}>
        {card.selectedTab === 'serials' &&
          (statePath.endsWith('licenseUpdatePage') ? (
            <section>
              <h3>License Update</h3>
              <SerialTable caption="Serial to update" />
            </section>
          ) : (
            <>
              <SerialField />
              <SerialTable caption="Serial numbers and hardware keys" />
            </>
          ))}
      </div>
      <div {...card.getTabPanelProps('orders')}>
        {card.selectedTab === 'orders' &&
          (statePath.endsWith('orderPage') || statePath.endsWith('pickingSerial') ? (
            <>
              <OrderPage />
              {statePath.endsWith('pickingSerial') && <SerialTable caption="Pick a serial number" />}
            </>
          ) : (
            <OrderList />
          ))}
      </div>
    </section>
  );
});

const PeriodField = memo(function PeriodField() {
  useCountRender('PeriodField');
  const period = useObtainingPeriod();
  return (
    <fieldset {...period.getGroupProps()}>
      <legend {...period.getGroupLabelProps()}>Obtaining period</legend>
      <label {...period.getUnlimitedLabelProps()}>Unlimited</label>
      <button {...period.getUnlimitedSwitchProps()} />
      {!period.unlimited && (
        <>
          <label {...period.getFromLabelProps()}>From</label>
          <input {...period.getFromInputProps()} />
          {period.fromError && <p {...period.getFromErrorProps()}>{period.fromError}</p>}
          <label {...period.getToLabelProps()}>To</label>
          <input {...period.getToInputProps()} />
          {period.toError && <p {...period.getToErrorProps()}>{period.toError}</p>}
        </>
      )}
    </fieldset>
  );
});

const AddOnField = memo(function AddOnField() {
  useCountRender('AddOnField');
  const addOn = useAddOnMode();
  return (
    <div>
      <label {...addOn.getLabelProps()}>Add-on Mode</label>
      <button {...addOn.getSwitchProps({ 'aria-describedby': addOn.descriptionId })} />
      <p {...addOn.getDescriptionProps()}>{addOn.enabled ? 'The order is merged into the license' : 'The order replaces the license'}</p>
    </div>
  );
});

const CrmIdField = memo(function CrmIdField() {
  useCountRender('CrmIdField');
  const field = useCrmIdField();
  return (
    <div>
      <label {...field.getLabelProps()}>CRM ID</label>
      <input {...field.getInputProps()} />
      {field.error && <p {...field.getErrorProps()}>{field.error}</p>}
    </div>
  );
});

const CommentField = memo(function CommentField() {
  useCountRender('CommentField');
  const field = useCommentField();
  return (
    <div>
      <label {...field.getLabelProps()}>Comment</label>
      <textarea {...field.getInputProps()} />
      {field.error && <p {...field.getErrorProps()}>{field.error}</p>}
    </div>
  );
});

const ProductLines = memo(function ProductLines() {
  useCountRender('ProductLines');
  const lines = useProductLines();
  return (
    <section>
      <h3>Products</h3>
      <ul>
        {lines.lines.map((line) => (
          <li key={line.lineId} {...lines.getLineProps(line, { 'aria-label': line.productName })}>
            <span>{line.productName}</span>
            {line.error && <span> {line.error}</span>}
            <button {...lines.getChangeRestrictionsButtonProps(line)}>Change license restrictions</button>
          </li>
        ))}
      </ul>
      {lines.linesError && <p {...lines.getLinesErrorProps()}>{lines.linesError}</p>}
      <button {...lines.getAddProductButtonProps()}>Add product</button>
    </section>
  );
});

const OrderFormScreen = memo(function OrderFormScreen() {
  useCountRender('OrderForm');
  const form = useOrderForm();
  return (
    <form {...form.getFormProps({ 'aria-label': 'License Update' })}>
      <h2>License Update</h2>
      <p>Serial {form.serialNumber}</p>
      <PeriodField />
      <AddOnField />
      <CrmIdField />
      <CommentField />
      <ProductLines />
      <button {...form.getSaveDraftButtonProps()}>Save draft</button>
      <button type="submit" aria-disabled={form.canReview ? undefined : 'true'}>
        Review order
      </button>
      {form.draftRef && <p>Draft saved</p>}
    </form>
  );
});

const ProductEditorScreen = memo(function ProductEditorScreen() {
  const editor = useProductEditor();
  return (
    <section aria-label="Change license restrictions">
      <h2>{editor.product?.name}</h2>
      {editor.features.map((feature) => (
        <div key={feature.featureId} {...editor.getFeatureProps(feature.featureId)}>
          <h3 {...editor.getFeatureNameProps(feature.featureId)}>{feature.name}</h3>
          <label {...editor.getLabelProps(feature.featureId, 'model')}>Licensing model</label>
          <select {...editor.getModelSelectProps(feature.featureId)}>
            {editor.models.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
          </select>
          {feature.errors.model && <p {...editor.getErrorProps(feature.featureId, 'model')}>{feature.errors.model}</p>}
          {[...feature.termsFields, 'networkSeats' as const].map((field) => (
            <div key={field}>
              <label {...editor.getLabelProps(feature.featureId, field)}>{field}</label>
              <input {...editor.getTermsInputProps(feature.featureId, field)} />
              {feature.errors[field] && <p {...editor.getErrorProps(feature.featureId, field)}>{feature.errors[field]}</p>}
            </div>
          ))}
          <label {...editor.getLabelProps(feature.featureId, 'consumption')}>Consumption</label>
          <select {...editor.getConsumptionSelectProps(feature.featureId)}>
            <option value="">none</option>
            {editor.consumptionModes.map((mode) => (
              <option key={mode} value={mode}>
                {mode}
              </option>
            ))}
          </select>
          <label {...editor.getLabelProps(feature.featureId, 'vmForbidden')}>Forbid virtual machines</label>
          <input {...editor.getVmForbiddenCheckboxProps(feature.featureId)} />
          <label {...editor.getLabelProps(feature.featureId, 'exclude')}>Exclude</label>
          <input {...editor.getExcludeCheckboxProps(feature.featureId)} />
        </div>
      ))}
      {editor.lineError && <p>{editor.lineError}</p>}
      {editor.canRemove && <button {...editor.getRemoveLineButtonProps()}>Remove product</button>}
      <button {...editor.getBackToOrderButtonProps()}>Back to order</button>
    </section>
  );
});

const ProductPickerScreen = memo(function ProductPickerScreen() {
  const picker = useProductPicker();
  return (
    <section aria-label="Add product">
      <ul {...picker.getListProps()}>
        {picker.products.map((product) => (
          <li key={product.id} {...picker.getItemProps(product)}>
            <button {...picker.getPickButtonProps(product)}>Add {product.name}</button>
          </li>
        ))}
      </ul>
      <button {...picker.getBackToOrderButtonProps()}>Back to order</button>
    </section>
  );
});

const termsText = (terms: Record<string, unknown>) =>
  Object.entries(terms)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');

const ReviewScreen = memo(function ReviewScreen() {
  const review = useReview();
  return (
    <section aria-label="Review">
      <h2>Review</h2>
      <p>Add-on Mode {review.addOnMode ? 'on' : 'off'}</p>
      <ul aria-label="Resulting license">
        {review.resultingLicense?.map((line) => (
          <li key={line.productId}>
            {line.productName}: {line.features.map((f) => `${f.featureName} (${termsText(f.terms)})`).join('; ')}
          </li>
        ))}
      </ul>
      {review.removed.length > 0 && (
        <ul {...review.getRemovedProps({ 'aria-label': 'Removed from the serial' })}>
          {review.removed.map((r) => (
            <li key={`${r.productId}/${r.featureId ?? ''}`}>{r.featureName ? `${r.productName}: ${r.featureName}` : r.productName}</li>
          ))}
        </ul>
      )}
      <button {...review.getSubmitButtonProps()}>Submit Order</button>
      <button {...review.getBackToOrderButtonProps()}>Back to order</button>
    </section>
  );
});

const ResultScreen = memo(function ResultScreen() {
  const result = useSubmitResult();
  return (
    <p {...result.getStatusProps()}>
      {result.isSubmitted ? `Order ${result.order?.number} submitted` : result.isCancelled ? 'Cancelled' : ''}
    </p>
  );
});

const Chrome = memo(function Chrome() {
  const nav = useNavigation();
  const failure = useEffectFailure();
  const refusal = useLastRefusal();
  const sync = useSyncStatus();
  return (
    <div>
      <p {...sync.getStatusProps({ 'aria-label': 'Sync status' })}>{sync.syncStatus}</p>
      {refusal.refusal && <p {...refusal.getMessageProps({ 'aria-label': 'Refusal' })}>{refusal.refusal.message}</p>}
      {failure.failure && (
        <div>
          <p {...failure.getAlertProps()}>{failure.failure.message}</p>
          {failure.canRetry && <button {...failure.getRetryButtonProps()}>Retry</button>}
        </div>
      )}
      {!nav.isFinal && (
        <>
          {nav.canGoBack && <button {...nav.getBackButtonProps()}>Back</button>}
          <button {...nav.getCancelButtonProps()}>Cancel procedure</button>
        </>
      )}
    </div>
  );
});

function Screen({ statePath }: { statePath: string }): ReactNode {
  const [top] = statePath.split('.');
  switch (top) {
    case 'entrySelection':
      return <Entry />;
    case 'serialDefinition':
      return (
        <section aria-label="By serial number">
          <SerialField />
          <SerialTable caption="Serial numbers found" />
        </section>
      );
    case 'orderSelection':
      return (
        <section aria-label="By order">
          {statePath === 'orderSelection.orderPage' || statePath === 'orderSelection.pickingSerial' ? (
            <>
              <OrderPage />
              {statePath === 'orderSelection.pickingSerial' && <SerialTable caption="Pick a serial number" />}
            </>
          ) : (
            <OrderList />
          )}
        </section>
      );
    case 'customerSelection':
      return statePath.startsWith('customerSelection.card') ? <CustomerCard statePath={statePath} /> : <CustomerList />;
    case 'loadingLicense':
      return <p>Loading the license…</p>;
    case 'orderForm':
      if (statePath === 'orderForm.productEditor') return <ProductEditorScreen />;
      if (statePath.startsWith('orderForm.productPicker')) return <ProductPickerScreen />;
      return <OrderFormScreen />;
    case 'review':
    case 'submitting':
      return <ReviewScreen />;
    default:
      return <ResultScreen />;
  }
}

/** Props of the test skin. */
export interface TestSkinProps {
  options: LicenseUpdateOrderOptions;
  /** Receives the handle on every render (tests read the store and workflow id from it). */
  onHandle?: (handle: LicenseUpdateOrderHandle) => void;
}

/** The whole procedure: one hook at the root, one screen per state. */
export function TestSkin({ options, onHandle }: TestSkinProps) {
  useCountRender('Root');
  const handle = useLicenseUpdateOrder(options);
  onHandle?.(handle);
  return (
    <LicenseUpdateOrderProvider value={handle}>
      <main aria-busy={handle.isBusy ? 'true' : undefined} data-state={handle.statePath}>
        {handle.isReady ? <Screen statePath={handle.statePath} /> : <p>Loading the workflow…</p>}
        <Chrome />
      </main>
    </LicenseUpdateOrderProvider>
  );
}
