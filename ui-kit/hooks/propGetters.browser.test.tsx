import type { ReactNode } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render, renderHook } from 'vitest-browser-react';
import { createInMemoryEffects, EffectError, InMemoryLicenseStore, type OperatorEvent } from '../../machines/index.ts';
import {
  chainHandlers,
  createLicenseUpdateOrderStore,
  joinIds,
  LicenseUpdateOrderProvider,
  mergeProps,
  useAddOnMode,
  useCommentField,
  useCrmIdField,
  useCustomerCard,
  useCustomerList,
  useEffectFailure,
  useEntrySelection,
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
  type LicenseUpdateOrderStore,
} from '../index.ts';

/** A React-like event: `preventDefault` is what a host calls to opt out of the kit's handler. */
function fakeEvent(fields: { value?: string; checked?: boolean; key?: string } = {}) {
  const event = {
    defaultPrevented: false,
    currentTarget: { value: fields.value ?? '', checked: fields.checked ?? false, ownerDocument: document },
    key: fields.key ?? '',
    nativeEvent: { isComposing: false },
    preventDefault() {
      event.defaultPrevented = true;
    },
    isDefaultPrevented: () => event.defaultPrevented,
  };
  return event;
}

const ORDER_FORM: OperatorEvent[] = [
  { type: 'way.select', way: 'order' },
  { type: 'order.open', orderId: 'ord-1003' },
  { type: 'order.updateLicense' },
];

const SETUPS = {
  entry: [],
  serialEditing: [{ type: 'way.select', way: 'serial' }, { type: 'serial.input', text: 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP' }],
  customerSerials: [{ type: 'way.select', way: 'customer' }, { type: 'customer.open', customerId: 'cus-northwind' }],
  orderList: [{ type: 'way.select', way: 'order' }],
  orderPage: [{ type: 'way.select', way: 'order' }, { type: 'order.open', orderId: 'ord-1003' }],
  customerList: [{ type: 'way.select', way: 'customer' }],
  form: ORDER_FORM,
  editor: [...ORDER_FORM, { type: 'line.changeRestrictions', lineId: 'prd-cloud-sync' }],
  addedLine: [...ORDER_FORM, { type: 'product.add' }, { type: 'product.pick', productId: 'prd-cad-studio' }],
  picker: [...ORDER_FORM, { type: 'product.add' }],
  review: [...ORDER_FORM, { type: 'order.review' }],
  failedSearch: [{ type: 'way.select', way: 'order' }],
} satisfies Record<string, OperatorEvent[]>;
type SetupName = keyof typeof SETUPS;

async function storeIn(setup: SetupName): Promise<LicenseUpdateOrderStore> {
  const effects = createInMemoryEffects(new InMemoryLicenseStore());
  if (setup === 'failedSearch') {
    effects.searchOrders = () => {
      throw new EffectError('unavailable', 'The order search is down');
    };
  }
  const store = createLicenseUpdateOrderStore({ effects, today: '2026-12-04' });
  store.start();
  for (const event of SETUPS[setup]) {
    expect(store.send(event), `setup ${setup}: ${event.type}`).toBe(true);
    await store.settled();
  }
  return store;
}

async function hookIn<T>(setup: SetupName, useHook: () => T) {
  const store = await storeIn(setup);
  const wrapper = ({ children }: { children: ReactNode }) => <LicenseUpdateOrderProvider value={store}>{children}</LicenseUpdateOrderProvider>;
  const { result } = await renderHook(useHook, { wrapper });
  return { store, result };
}

type Props = Record<string, unknown>;
// Each getter takes its own element's prop type; the table feeds them all the same host props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHostProps = any;
interface GetterCase {
  name: string;
  setup: SetupName;
  /** Calls the getter with the host's props. */
  get: (userProps: AnyHostProps) => object;
  handler: string;
  event?: Parameters<typeof fakeEvent>[0];
  /** What the kit's handler sends. */
  sends: OperatorEvent;
}

const crmForm = () => useCrmIdField();
const cases: GetterCase[] = [
  { name: 'useEntrySelection.getWayButtonProps', setup: 'entry', get: (p) => useEntrySelection().getWayButtonProps('customer', p), handler: 'onClick', sends: { type: 'way.select', way: 'customer' } },
  { name: 'useNavigation.getBackButtonProps', setup: 'orderPage', get: (p) => useNavigation().getBackButtonProps(p), handler: 'onClick', sends: { type: 'nav.back' } },
  { name: 'useNavigation.getCancelButtonProps', setup: 'form', get: (p) => useNavigation().getCancelButtonProps(p), handler: 'onClick', sends: { type: 'wizard.cancel' } },
  { name: 'useSerialSearch.getInputProps (change)', setup: 'serialEditing', get: (p) => useSerialSearch().getInputProps(p), handler: 'onChange', event: { value: 'Zx9Cv8' }, sends: { type: 'serial.input', text: 'Zx9Cv8' } },
  { name: 'useSerialSearch.getInputProps (Enter)', setup: 'serialEditing', get: (p) => useSerialSearch().getInputProps(p), handler: 'onKeyDown', event: { key: 'Enter' }, sends: { type: 'serial.search' } },
  { name: 'useSerialSearch.getSearchButtonProps', setup: 'serialEditing', get: (p) => useSerialSearch().getSearchButtonProps(p), handler: 'onClick', sends: { type: 'serial.search' } },
  {
    name: 'useSerialTable.getRowProps',
    setup: 'customerSerials',
    get: (p) => {
      const table = useSerialTable();
      return table.getRowProps(table.rows.find((r) => r.id === 'ser-nw-1')!, p);
    },
    handler: 'onClick',
    sends: { type: 'serial.select', serialId: 'ser-nw-1' },
  },
  {
    name: 'useSerialTable.getUpdateButtonProps',
    setup: 'customerSerials',
    get: (p) => {
      const table = useSerialTable();
      return table.getUpdateButtonProps(table.rows.find((r) => r.id === 'ser-nw-1')!, p);
    },
    handler: 'onClick',
    sends: { type: 'serial.update', serialId: 'ser-nw-1' },
  },
  { name: 'useOrderList.getSearchInputProps (Enter)', setup: 'orderList', get: (p) => useOrderList().getSearchInputProps(p), handler: 'onKeyDown', event: { key: 'Enter' }, sends: { type: 'orders.search', query: '' } },
  { name: 'useOrderList.getSearchButtonProps', setup: 'orderList', get: (p) => useOrderList().getSearchButtonProps(p), handler: 'onClick', sends: { type: 'orders.search', query: '' } },
  {
    name: 'useOrderList.getOpenButtonProps',
    setup: 'orderList',
    get: (p) => {
      const list = useOrderList();
      return list.getOpenButtonProps(list.orders.find((o) => o.number === 1002)!, p);
    },
    handler: 'onClick',
    sends: { type: 'order.open', orderId: 'ord-1002' },
  },
  { name: 'useOrderPage.getUpdateLicenseButtonProps', setup: 'orderPage', get: (p) => useOrderPage().getUpdateLicenseButtonProps(p), handler: 'onClick', sends: { type: 'order.updateLicense' } },
  { name: 'useCustomerList.getSearchButtonProps', setup: 'customerList', get: (p) => useCustomerList().getSearchButtonProps(p), handler: 'onClick', sends: { type: 'customers.search', query: '' } },
  {
    name: 'useCustomerList.getOpenButtonProps',
    setup: 'customerList',
    get: (p) => {
      const list = useCustomerList();
      return list.getOpenButtonProps(list.customers.find((c) => c.id === 'cus-contoso')!, p);
    },
    handler: 'onClick',
    sends: { type: 'customer.open', customerId: 'cus-contoso' },
  },
  { name: 'useCustomerCard.getTabProps', setup: 'customerSerials', get: (p) => useCustomerCard().getTabProps('orders', p), handler: 'onClick', sends: { type: 'tab.select', tab: 'orders' } },
  { name: 'useCustomerCard.getTabListProps (ArrowRight)', setup: 'customerSerials', get: (p) => useCustomerCard().getTabListProps(p), handler: 'onKeyDown', event: { key: 'ArrowRight' }, sends: { type: 'tab.select', tab: 'orders' } },
  { name: 'useOrderForm.getFormProps (submit)', setup: 'form', get: (p) => useOrderForm().getFormProps(p), handler: 'onSubmit', sends: { type: 'order.review' } },
  { name: 'useOrderForm.getReviewButtonProps', setup: 'form', get: (p) => useOrderForm().getReviewButtonProps(p), handler: 'onClick', sends: { type: 'order.review' } },
  { name: 'useOrderForm.getSaveDraftButtonProps', setup: 'form', get: (p) => useOrderForm().getSaveDraftButtonProps(p), handler: 'onClick', sends: { type: 'draft.save' } },
  { name: 'useCrmIdField.getInputProps', setup: 'form', get: (p) => crmForm().getInputProps(p), handler: 'onChange', event: { value: 'CRM-1' }, sends: { type: 'crmId.change', value: 'CRM-1' } },
  { name: 'useCommentField.getInputProps', setup: 'form', get: (p) => useCommentField().getInputProps(p), handler: 'onChange', event: { value: 'Note' }, sends: { type: 'comment.change', value: 'Note' } },
  { name: 'useAddOnMode.getSwitchProps', setup: 'form', get: (p) => useAddOnMode().getSwitchProps(p), handler: 'onClick', sends: { type: 'addOn.set', enabled: false } },
  { name: 'useObtainingPeriod.getUnlimitedSwitchProps', setup: 'form', get: (p) => useObtainingPeriod().getUnlimitedSwitchProps(p), handler: 'onClick', sends: { type: 'period.setUnlimited', unlimited: false } },
  { name: 'useObtainingPeriod.getFromInputProps', setup: 'form', get: (p) => useObtainingPeriod().getFromInputProps(p), handler: 'onChange', event: { value: '2027-01-01' }, sends: { type: 'period.setDates', from: '2027-01-01' } },
  { name: 'useObtainingPeriod.getToInputProps', setup: 'form', get: (p) => useObtainingPeriod().getToInputProps(p), handler: 'onChange', event: { value: '2027-02-01' }, sends: { type: 'period.setDates', to: '2027-02-01' } },
  {
    name: 'useProductLines.getChangeRestrictionsButtonProps',
    setup: 'form',
    get: (p) => {
      const lines = useProductLines();
      return lines.getChangeRestrictionsButtonProps(lines.lines[0]!, p);
    },
    handler: 'onClick',
    sends: { type: 'line.changeRestrictions', lineId: 'prd-cloud-sync' },
  },
  { name: 'useProductLines.getAddProductButtonProps', setup: 'form', get: (p) => useProductLines().getAddProductButtonProps(p), handler: 'onClick', sends: { type: 'product.add' } },
  {
    name: 'useProductEditor.getModelSelectProps',
    setup: 'editor',
    get: (p) => useProductEditor().getModelSelectProps('fea-sync', p),
    handler: 'onChange',
    event: { value: 'launches' },
    sends: { type: 'feature.setTerms', featureId: 'fea-sync', terms: { model: 'launches', count: 100, networkSeats: 0, consumption: 'login' } },
  },
  {
    name: 'useProductEditor.getTermsInputProps',
    setup: 'editor',
    get: (p) => useProductEditor().getTermsInputProps('fea-sync', 'days', p),
    handler: 'onChange',
    event: { value: '90' },
    sends: { type: 'feature.setTerms', featureId: 'fea-sync', terms: { model: 'subscription', days: 90, networkSeats: 0, consumption: 'login' } },
  },
  {
    name: 'useProductEditor.getConsumptionSelectProps',
    setup: 'editor',
    get: (p) => useProductEditor().getConsumptionSelectProps('fea-sync', p),
    handler: 'onChange',
    event: { value: 'process' },
    sends: { type: 'feature.setTerms', featureId: 'fea-sync', terms: { model: 'subscription', days: 30, networkSeats: 0, consumption: 'process' } },
  },
  {
    name: 'useProductEditor.getVmForbiddenCheckboxProps',
    setup: 'editor',
    get: (p) => useProductEditor().getVmForbiddenCheckboxProps('fea-sync', p),
    handler: 'onChange',
    event: { checked: true },
    sends: { type: 'feature.setTerms', featureId: 'fea-sync', terms: { model: 'subscription', days: 30, networkSeats: 0, consumption: 'login', vmForbidden: true } },
  },
  {
    name: 'useProductEditor.getExcludeCheckboxProps',
    setup: 'editor',
    get: (p) => useProductEditor().getExcludeCheckboxProps('fea-backup', p),
    handler: 'onChange',
    event: { checked: true },
    sends: { type: 'feature.exclude', featureId: 'fea-backup', excluded: true },
  },
  { name: 'useProductEditor.getRemoveLineButtonProps', setup: 'addedLine', get: (p) => useProductEditor().getRemoveLineButtonProps(p), handler: 'onClick', sends: { type: 'line.remove' } },
  { name: 'useProductEditor.getBackToOrderButtonProps', setup: 'editor', get: (p) => useProductEditor().getBackToOrderButtonProps(p), handler: 'onClick', sends: { type: 'order.back' } },
  {
    name: 'useProductPicker.getPickButtonProps',
    setup: 'picker',
    get: (p) => {
      const picker = useProductPicker();
      return picker.getPickButtonProps(picker.products.find((x) => x.id === 'prd-analytics')!, p);
    },
    handler: 'onClick',
    sends: { type: 'product.pick', productId: 'prd-analytics' },
  },
  { name: 'useProductPicker.getBackToOrderButtonProps', setup: 'picker', get: (p) => useProductPicker().getBackToOrderButtonProps(p), handler: 'onClick', sends: { type: 'order.back' } },
  { name: 'useReview.getSubmitButtonProps', setup: 'review', get: (p) => useReview().getSubmitButtonProps(p), handler: 'onClick', sends: { type: 'order.submit' } },
  { name: 'useReview.getBackToOrderButtonProps', setup: 'review', get: (p) => useReview().getBackToOrderButtonProps(p), handler: 'onClick', sends: { type: 'order.back' } },
  { name: 'useReview.getEditLineButtonProps', setup: 'review', get: (p) => useReview().getEditLineButtonProps('prd-cloud-sync', p), handler: 'onClick', sends: { type: 'order.back', lineId: 'prd-cloud-sync' } },
  { name: 'useEffectFailure.getRetryButtonProps', setup: 'failedSearch', get: (p) => useEffectFailure().getRetryButtonProps(p), handler: 'onClick', sends: { type: 'effect.retry' } },
];

describe('every prop getter chains the host handler first and honours its preventDefault', () => {
  for (const c of cases) {
    test(c.name, async () => {
      const order: string[] = [];
      const hostHandler = vi.fn(() => order.push('host'));
      const preventingHandler = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
      const { store, result } = await hookIn(c.setup, () => ({
        chained: c.get({ [c.handler]: hostHandler, 'data-host': 'kept', className: 'host-class' }),
        prevented: c.get({ [c.handler]: preventingHandler }),
      }));
      const send = vi.spyOn(store, 'send').mockImplementation((event) => {
        order.push('kit');
        return store.can(event);
      });

      const { chained, prevented } = result.current as { chained: Props; prevented: Props };
      expect(chained['data-host']).toBe('kept');
      expect(chained['className']).toBe('host-class');
      (chained[c.handler] as (e: unknown) => void)(fakeEvent(c.event));
      expect(order).toEqual(['host', 'kit']);
      expect(send).toHaveBeenCalledWith(c.sends);
      expect(store.can(c.sends), `${c.sends.type} is taken in ${c.setup}`).toBe(true);

      send.mockClear();
      (prevented[c.handler] as (e: unknown) => void)(fakeEvent(c.event));
      expect(preventingHandler).toHaveBeenCalledTimes(1);
      expect(send).not.toHaveBeenCalled();
    });
  }
});

describe('mergeProps', () => {
  test('joins id lists, lets the host override plain props, keeps the kit handler when the host has none', () => {
    const kitClick = vi.fn();
    const merged = mergeProps({ id: 'kit', 'aria-describedby': 'err', onClick: kitClick, role: 'switch' }, { id: 'host', 'aria-describedby': 'hint err', title: 'T' });
    expect(merged).toMatchObject({ id: 'host', 'aria-describedby': 'err hint', role: 'switch', title: 'T' });
    expect(merged.onClick).toBe(kitClick);
  });

  test('chainHandlers returns the one handler there is, and stops after a host preventDefault', () => {
    const kit = vi.fn();
    expect(chainHandlers(undefined, kit)).toBe(kit);
    const chained = chainHandlers((e: { preventDefault: () => void }) => e.preventDefault(), kit)!;
    chained(fakeEvent());
    expect(kit).not.toHaveBeenCalled();
    expect(joinIds(undefined, '', 'a b', 'b')).toBe('a b');
    expect(joinIds()).toBeUndefined();
  });
});

describe('ids, labels and ARIA', () => {
  test('a text field: label htmlFor is the input id; aria-invalid and aria-describedby follow the error', async () => {
    const { result, store } = await hookIn('form', () => useCrmIdField());
    const label = result.current.getLabelProps();
    const input = result.current.getInputProps();
    expect(label.htmlFor).toBe(input.id);
    expect(input.id).toMatch(/crmId$/);
    expect(input['aria-invalid']).toBeUndefined();
    expect(input['aria-describedby']).toBeUndefined();
    store.send({ type: 'crmId.change', value: 'x'.repeat(65) });
    await expect.poll(() => result.current.error).toBe('CRM ID is at most 64 characters');
    const invalid = result.current.getInputProps();
    expect(invalid['aria-invalid']).toBe('true');
    expect(invalid['aria-describedby']).toBe(result.current.getErrorProps().id);
    expect(invalid['data-state']).toBe('invalid');
  });

  test('two hooks of one kind get distinct ids; an `id` option names them', async () => {
    const { result } = await hookIn('form', () => ({ a: useCrmIdField(), b: useCrmIdField(), named: useCrmIdField({ id: 'order' }) }));
    expect(result.current.a.getInputProps().id).not.toBe(result.current.b.getInputProps().id);
    expect(result.current.named.getInputProps().id).toBe('order-crmId');
  });

  test('switches are role="switch" buttons with aria-checked and data-state on/off', async () => {
    const { result, store } = await hookIn('form', () => ({ addOn: useAddOnMode(), period: useObtainingPeriod() }));
    expect(result.current.addOn.getSwitchProps()).toMatchObject({ role: 'switch', type: 'button', 'aria-checked': true, 'data-state': 'on' });
    expect(result.current.addOn.getLabelProps().htmlFor).toBe(result.current.addOn.getSwitchProps().id);
    store.send({ type: 'period.setUnlimited', unlimited: false });
    await expect.poll(() => result.current.period.getUnlimitedSwitchProps()['aria-checked']).toBe(false);
    const from = result.current.period.getFromInputProps();
    expect(from).toMatchObject({ type: 'date', disabled: false, 'aria-invalid': 'true', 'aria-describedby': result.current.period.getFromErrorProps().id });
    expect(result.current.period.getGroupProps()['aria-labelledby']).toBe(result.current.period.getGroupLabelProps().id);
  });

  test('rows: aria-selected on the selected row, data-state blocked, Update aria-disabled on a blocked serial', async () => {
    const { result, store } = await hookIn('customerSerials', () => useSerialTable());
    const [active, blocked] = ['ser-nw-1', 'ser-nw-2'].map((id) => result.current.rows.find((r) => r.id === id)!);
    expect(result.current.getRowProps(active!)['aria-selected']).toBe(false);
    store.send({ type: 'serial.select', serialId: 'ser-nw-1' });
    await expect.poll(() => result.current.getRowProps(active!)['aria-selected']).toBe(true);
    expect(result.current.getRowProps(active!)['data-state']).toBe('selected');
    expect(result.current.getRowProps(blocked!)).toMatchObject({ 'aria-selected': false, 'data-state': 'blocked' });
    expect(result.current.getUpdateButtonProps(blocked!)['aria-disabled']).toBe('true');
    expect(result.current.getUpdateButtonProps(active!)['aria-disabled']).toBeUndefined();
  });

  test('Enter in the serial field searches and prevents a form submit; other keys do nothing', async () => {
    const { result, store } = await hookIn('serialEditing', () => useSerialSearch());
    const props = result.current.getInputProps();
    const other = fakeEvent({ key: 'a' });
    (props.onKeyDown as (e: unknown) => void)(other);
    expect(other.defaultPrevented).toBe(false);
    const enter = fakeEvent({ key: 'Enter' });
    (props.onKeyDown as (e: unknown) => void)(enter);
    expect(enter.defaultPrevented).toBe(true);
    await store.settled();
    expect(store.getSnapshot().snapshot.matches({ serialDefinition: 'results' })).toBe(true);
  });

  test('tabs: tablist, aria-selected, aria-controls ↔ tabpanel aria-labelledby, roving tabIndex, hidden panel', async () => {
    const { result } = await hookIn('customerSerials', () => useCustomerCard());
    const serials = result.current.getTabProps('serials');
    const orders = result.current.getTabProps('orders');
    const panel = result.current.getTabPanelProps('serials');
    expect(result.current.getTabListProps().role).toBe('tablist');
    expect(serials).toMatchObject({ role: 'tab', 'aria-selected': true, tabIndex: 0, 'aria-controls': panel.id });
    expect(orders).toMatchObject({ 'aria-selected': false, tabIndex: -1 });
    expect(panel).toMatchObject({ role: 'tabpanel', 'aria-labelledby': serials.id, hidden: false });
    expect(result.current.getTabPanelProps('orders').hidden).toBe(true);
  });

  test('busy states: aria-busy on the submit button while submitting and on the navigation region', async () => {
    const effects = createInMemoryEffects(new InMemoryLicenseStore());
    let release: () => void = () => {};
    const submit = effects.submitOrder;
    effects.submitOrder = (input, request) => new Promise((resolve) => (release = () => resolve(submit(input, request))));
    const store = createLicenseUpdateOrderStore({ effects });
    store.start();
    for (const event of SETUPS.review) {
      store.send(event);
      await store.settled();
    }
    const wrapper = ({ children }: { children: ReactNode }) => <LicenseUpdateOrderProvider value={store}>{children}</LicenseUpdateOrderProvider>;
    const { result } = await renderHook(() => ({ review: useReview(), nav: useNavigation() }), { wrapper });
    expect(result.current.review.getSubmitButtonProps()['aria-busy']).toBeUndefined();
    store.send({ type: 'order.submit' });
    await expect.poll(() => result.current.review.getSubmitButtonProps()['aria-busy']).toBe('true');
    expect(result.current.nav.getStepRegionProps()).toMatchObject({ 'aria-busy': 'true', 'data-state': 'busy' });
    release();
    await store.settled();
    await expect.poll(() => result.current.nav.isFinal).toBe(true);
  });

  test('the order search keeps its query in the hook until Enter; a host preventDefault on change keeps it unchanged', async () => {
    const { result } = await hookIn('orderList', () => useOrderList());
    (result.current.getSearchInputProps().onChange as (e: unknown) => void)(fakeEvent({ value: '1003' }));
    await expect.poll(() => result.current.query).toBe('1003');
    const blocked = result.current.getSearchInputProps({ onChange: (e: { preventDefault: () => void }) => e.preventDefault() });
    (blocked.onChange as (e: unknown) => void)(fakeEvent({ value: 'ignored' }));
    expect(result.current.query).toBe('1003');
  });
});

describe('errors in the DOM', () => {
  test('an invalid field is aria-invalid and described by its error message', async () => {
    const store = await storeIn('form');
    function Fields() {
      const crm = useCrmIdField();
      const period = useObtainingPeriod();
      return (
        <>
          <label {...crm.getLabelProps()}>CRM ID</label>
          <input {...crm.getInputProps({ 'aria-describedby': 'hint' })} />
          <span id="hint">From the CRM record</span>
          {crm.error && <p {...crm.getErrorProps()}>{crm.error}</p>}
          <label {...period.getToLabelProps()}>To</label>
          <input {...period.getToInputProps()} />
          {period.toError && <p {...period.getToErrorProps()}>{period.toError}</p>}
        </>
      );
    }
    await render(
      <LicenseUpdateOrderProvider value={store}>
        <Fields />
      </LicenseUpdateOrderProvider>,
    );
    const crm = page.getByRole('textbox', { name: 'CRM ID' });
    await expect.element(crm).toHaveAccessibleDescription('From the CRM record');
    await crm.fill('x'.repeat(65));
    await expect.element(crm).toHaveAttribute('aria-invalid', 'true');
    await expect.element(crm).toHaveAccessibleDescription('CRM ID is at most 64 characters From the CRM record');
    store.send({ type: 'period.setUnlimited', unlimited: false });
    await expect.element(page.getByLabelText('To')).toHaveAccessibleDescription('Enter a date or switch on Unlimited');
    await page.getByLabelText('To').fill('2020-01-01');
    await expect.element(page.getByLabelText('To')).toHaveAccessibleDescription('The period cannot end in the past');
  });
});
