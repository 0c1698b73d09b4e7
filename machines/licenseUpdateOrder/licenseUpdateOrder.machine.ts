import { assign, setup } from 'xstate';
import { toIsoDate, type SubmittedOrder } from '../domain/index.ts';
import { requestEffect, updates, type Update } from './actions.ts';
import { parameterizedReasons as withParams, reasons, type ReasonFn } from './guards.ts';
import type { EffectKind, LicenseUpdateOrderContext as Ctx, LicenseUpdateOrderEvent as Ev, LicenseUpdateOrderInput, Origin, Way } from './types.ts';

/** Bumped when a persisted snapshot of the previous version would no longer restore as is (see persistence.ts). */
export const MACHINE_VERSION = '1';

const act = (fn: Update) => assign<Ctx, Ev, undefined, Ev, never>(({ context, event }) => fn(context, event));
const test = (fn: ReasonFn) => ({ context, event }: { context: Ctx; event: Ev }) => fn(context, event) === null;

const ROOT = '#licenseUpdateOrder';
const retry = (kind: EffectKind) => ({ type: 'isRetryOf', params: { kind } }) as const;
const from = (origin: Origin) => ({ type: 'isFromOrigin', params: { origin } }) as const;
const answerFrom = (origin: Origin) => ({ type: 'isCurrentAnswerFrom', params: { origin } }) as const;
const request = (kind: EffectKind) => ({ type: 'requestEffect', params: { kind } }) as const;
const choose = (origin: Origin) => ({ type: 'chooseSerial', params: { origin } }) as const;

export const licenseUpdateOrderMachine = setup({
  types: {} as {
    context: Ctx;
    events: Ev;
    input: LicenseUpdateOrderInput | undefined;
    output: SubmittedOrder | null;
    tags: 'busy' | 'step:entry' | 'step:serial' | 'step:order' | 'step:customer' | 'step:license' | 'step:form' | 'step:review' | 'step:submitted' | 'step:cancelled';
  },
  actions: {
    requestEffect: assign<Ctx, Ev, { kind: EffectKind }, Ev, never>(({ context, event }, { kind }) => requestEffect(kind)(context, event)),
    chooseSerial: assign<Ctx, Ev, { origin: Origin }, Ev, never>(({ context, event }, { origin }) => updates.chooseSerial(origin)(context, event)),
    clearPending: act(updates.clearPending),
    recordFailure: act(updates.recordFailure),
    selectWay: act(updates.selectWay),
    setSerialText: act(updates.setSerialText),
    storeSerialResults: act(updates.storeSerialResults),
    selectSerial: act(updates.selectSerial),
    setOrderQuery: act(updates.setOrderQuery),
    storeOrders: act(updates.storeOrders),
    requestOrder: act(updates.requestOrder),
    storeOrder: act(updates.storeOrder),
    setCustomerQuery: act(updates.setCustomerQuery),
    storeCustomers: act(updates.storeCustomers),
    requestCustomer: act(updates.requestCustomer),
    storeCustomerCard: act(updates.storeCustomerCard),
    startOrderForm: act(updates.startOrderForm),
    setUnlimited: act(updates.setUnlimited),
    setDates: act(updates.setDates),
    setAddOn: act(updates.setAddOn),
    setCrmId: act(updates.setCrmId),
    setComment: act(updates.setComment),
    editLine: act(updates.editLine),
    stopEditingLine: act(updates.stopEditingLine),
    setFeatureTerms: act(updates.setFeatureTerms),
    excludeFeature: act(updates.excludeFeature),
    removeLine: act(updates.removeLine),
    storeCatalog: act(updates.storeCatalog),
    addProductLine: act(updates.addProductLine),
    storeDraftRef: act(updates.storeDraftRef),
    storeSubmittedOrder: act(updates.storeSubmittedOrder),
  },
  guards: {
    isWellFormed: test(reasons.isWellFormed),
    isCurrentAnswer: test(reasons.isCurrentAnswer),
    hasSearchableSerial: test(reasons.hasSearchableSerial),
    isListedSerial: test(reasons.isListedSerial),
    isOrderSerial: test(reasons.isOrderSerial),
    canUpdateListedSerial: test(reasons.canUpdateListedSerial),
    canUpdateOrderSerial: test(reasons.canUpdateOrderSerial),
    isListedOrder: test(reasons.isListedOrder),
    isCardOrder: test(reasons.isCardOrder),
    isListedCustomer: test(reasons.isListedCustomer),
    canUpdateFromOrder: test(reasons.canUpdateFromOrder),
    canUpdateFromOrderWithOneSerial: test(reasons.canUpdateFromOrderWithOneSerial),
    isLineOnOrder: test(reasons.isLineOnOrder),
    isBackToLine: test(reasons.isBackToLine),
    canSetTerms: test(reasons.canSetTerms),
    canExclude: test(reasons.canExclude),
    isAddedLine: test(reasons.isAddedLine),
    canPickProduct: test(reasons.canPickProduct),
    isOrderValid: test(reasons.isOrderValid),
    isRetryOf: ({ context, event }, params: { kind: EffectKind }) => withParams.isRetryOf(context, event, params) === null,
    isFromOrigin: ({ context, event }, params: { origin: Origin }) => withParams.isFromOrigin(context, event, params) === null,
    isCurrentAnswerFrom: ({ context, event }, params: { origin: Origin }) => withParams.isCurrentAnswerFrom(context, event, params) === null,
    isWay: ({ context, event }, params: { way: Way }) => withParams.isWay(context, event, params) === null,
    isTab: ({ context, event }, params: { tab: 'serials' | 'orders' }) => withParams.isTab(context, event, params) === null,
  },
}).createMachine({
  id: 'licenseUpdateOrder',
  version: MACHINE_VERSION,
  context: ({ input }) => ({
    workflowId: input?.workflowId ?? null,
    today: input?.today ?? toIsoDate(new Date()),
    way: null,
    serialText: '',
    serialResults: [],
    selectedSerialId: null,
    orderQuery: '',
    orders: [],
    customerQuery: '',
    customers: [],
    requestedOrderId: null,
    order: null,
    requestedCustomerId: null,
    card: null,
    origin: null,
    chosenSerialId: null,
    serial: null,
    license: null,
    products: [],
    draft: null,
    editingLineId: null,
    draftRef: null,
    errors: {},
    pending: null,
    effectCount: 0,
    failure: null,
    submittedOrder: null,
  }),
  initial: 'entrySelection',
  on: {
    'wizard.cancel': { guard: 'isWellFormed', target: '.cancelled', actions: 'clearPending' },
  },
  states: {
    entrySelection: {
      tags: ['step:entry'],
      on: {
        'way.select': [
          { guard: { type: 'isWay', params: { way: 'serial' } }, target: 'serialDefinition', actions: 'selectWay' },
          { guard: { type: 'isWay', params: { way: 'order' } }, target: 'orderSelection', actions: 'selectWay' },
          { guard: { type: 'isWay', params: { way: 'customer' } }, target: 'customerSelection', actions: 'selectWay' },
        ],
      },
    },

    serialDefinition: {
      tags: ['step:serial'],
      initial: 'editing',
      states: {
        editing: {
          on: {
            'serial.input': { guard: 'isWellFormed', actions: 'setSerialText' },
            'serial.search': { guard: 'hasSearchableSerial', target: 'searching' },
            'effect.retry': { guard: retry('findSerials'), target: 'searching' },
            'nav.back': { guard: 'isWellFormed', target: `${ROOT}.entrySelection` },
          },
        },
        searching: {
          tags: ['busy'],
          entry: request('findSerials'),
          on: {
            'serials.found': { guard: 'isCurrentAnswer', target: 'results', actions: 'storeSerialResults' },
            'serials.notFound': { guard: 'isCurrentAnswer', target: 'editing', actions: 'storeSerialResults' },
            'effect.failed': { guard: 'isCurrentAnswer', target: 'editing', actions: 'recordFailure' },
          },
        },
        results: {
          on: {
            'serial.select': { guard: 'isListedSerial', actions: 'selectSerial' },
            'serial.update': { guard: 'canUpdateListedSerial', target: `${ROOT}.loadingLicense`, actions: choose('serialResults') },
            'serial.input': { guard: 'isWellFormed', target: 'editing', actions: 'setSerialText' },
            'serial.search': { guard: 'hasSearchableSerial', target: 'searching' },
            'effect.retry': { guard: retry('loadLicense'), target: `${ROOT}.loadingLicense` },
            'nav.back': { guard: 'isWellFormed', target: 'editing' },
          },
        },
      },
    },

    orderSelection: {
      tags: ['step:order'],
      // The order list shows every order at once, so the way starts by searching with an empty query.
      initial: 'searching',
      states: {
        list: {
          on: {
            'orders.search': { guard: 'isWellFormed', target: 'searching', actions: 'setOrderQuery' },
            'order.open': { guard: 'isListedOrder', target: 'loadingOrder', actions: 'requestOrder' },
            'effect.retry': [
              { guard: retry('searchOrders'), target: 'searching' },
              { guard: retry('loadOrder'), target: 'loadingOrder' },
            ],
            'nav.back': { guard: 'isWellFormed', target: `${ROOT}.entrySelection` },
          },
        },
        searching: {
          tags: ['busy'],
          entry: request('searchOrders'),
          on: {
            'orders.found': { guard: 'isCurrentAnswer', target: 'list', actions: 'storeOrders' },
            'effect.failed': { guard: 'isCurrentAnswer', target: 'list', actions: 'recordFailure' },
          },
        },
        loadingOrder: {
          tags: ['busy'],
          entry: request('loadOrder'),
          on: {
            'order.loaded': { guard: 'isCurrentAnswer', target: 'orderPage', actions: 'storeOrder' },
            'effect.failed': { guard: 'isCurrentAnswer', target: 'list', actions: 'recordFailure' },
          },
        },
        orderPage: {
          on: {
            'order.updateLicense': [
              { guard: 'canUpdateFromOrderWithOneSerial', target: `${ROOT}.loadingLicense`, actions: choose('orderPage') },
              { guard: 'canUpdateFromOrder', target: 'pickingSerial' },
            ],
            'effect.retry': { guard: retry('loadLicense'), target: `${ROOT}.loadingLicense` },
            'nav.back': { guard: 'isWellFormed', target: 'list' },
          },
        },
        pickingSerial: {
          on: {
            'serial.select': { guard: 'isOrderSerial', actions: 'selectSerial' },
            'serial.update': { guard: 'canUpdateOrderSerial', target: `${ROOT}.loadingLicense`, actions: choose('orderPickingSerial') },
            'effect.retry': { guard: retry('loadLicense'), target: `${ROOT}.loadingLicense` },
            'nav.back': { guard: 'isWellFormed', target: 'orderPage' },
          },
        },
      },
    },

    customerSelection: {
      tags: ['step:customer'],
      initial: 'searching',
      states: {
        list: {
          on: {
            'customers.search': { guard: 'isWellFormed', target: 'searching', actions: 'setCustomerQuery' },
            'customer.open': { guard: 'isListedCustomer', target: 'loadingCustomer', actions: 'requestCustomer' },
            'effect.retry': [
              { guard: retry('searchCustomers'), target: 'searching' },
              { guard: retry('loadCustomer'), target: 'loadingCustomer' },
            ],
            'nav.back': { guard: 'isWellFormed', target: `${ROOT}.entrySelection` },
          },
        },
        searching: {
          tags: ['busy'],
          entry: request('searchCustomers'),
          on: {
            'customers.found': { guard: 'isCurrentAnswer', target: 'list', actions: 'storeCustomers' },
            'effect.failed': { guard: 'isCurrentAnswer', target: 'list', actions: 'recordFailure' },
          },
        },
        loadingCustomer: {
          tags: ['busy'],
          entry: request('loadCustomer'),
          on: {
            'customer.loaded': { guard: 'isCurrentAnswer', target: 'card', actions: 'storeCustomerCard' },
            'effect.failed': { guard: 'isCurrentAnswer', target: 'list', actions: 'recordFailure' },
          },
        },
        card: {
          initial: 'serialsTab',
          states: {
            serialsTab: {
              initial: 'idle',
              on: {
                'tab.select': { guard: { type: 'isTab', params: { tab: 'orders' } }, target: `${ROOT}.customerSelection.card.ordersTab` },
              },
              states: {
                idle: {
                  on: {
                    'serial.input': { guard: 'isWellFormed', actions: 'setSerialText' },
                    'serial.search': { guard: 'hasSearchableSerial', target: 'searching' },
                    'serial.select': { guard: 'isListedSerial', actions: 'selectSerial' },
                    'serial.update': { guard: 'canUpdateListedSerial', target: 'licenseUpdatePage', actions: 'selectSerial' },
                    'effect.retry': { guard: retry('findSerials'), target: 'searching' },
                    'nav.back': { guard: 'isWellFormed', target: `${ROOT}.customerSelection.list` },
                  },
                },
                searching: {
                  tags: ['busy'],
                  entry: request('findSerials'),
                  on: {
                    'serials.found': { guard: 'isCurrentAnswer', target: 'idle', actions: 'storeSerialResults' },
                    'serials.notFound': { guard: 'isCurrentAnswer', target: 'idle', actions: 'storeSerialResults' },
                    'effect.failed': { guard: 'isCurrentAnswer', target: 'idle', actions: 'recordFailure' },
                  },
                },
                licenseUpdatePage: {
                  on: {
                    'serial.update': { guard: 'canUpdateListedSerial', target: `${ROOT}.loadingLicense`, actions: choose('customerLicenseUpdatePage') },
                    'effect.retry': { guard: retry('loadLicense'), target: `${ROOT}.loadingLicense` },
                    'nav.back': { guard: 'isWellFormed', target: 'idle' },
                  },
                },
              },
            },
            ordersTab: {
              initial: 'idle',
              on: {
                'tab.select': { guard: { type: 'isTab', params: { tab: 'serials' } }, target: `${ROOT}.customerSelection.card.serialsTab` },
              },
              states: {
                idle: {
                  on: {
                    'order.open': { guard: 'isCardOrder', target: 'loadingOrder', actions: 'requestOrder' },
                    'effect.retry': { guard: retry('loadOrder'), target: 'loadingOrder' },
                    'nav.back': { guard: 'isWellFormed', target: `${ROOT}.customerSelection.list` },
                  },
                },
                loadingOrder: {
                  tags: ['busy'],
                  entry: request('loadOrder'),
                  on: {
                    'order.loaded': { guard: 'isCurrentAnswer', target: 'orderPage', actions: 'storeOrder' },
                    'effect.failed': { guard: 'isCurrentAnswer', target: 'idle', actions: 'recordFailure' },
                  },
                },
                orderPage: {
                  on: {
                    'order.updateLicense': [
                      { guard: 'canUpdateFromOrderWithOneSerial', target: `${ROOT}.loadingLicense`, actions: choose('customerOrderPage') },
                      { guard: 'canUpdateFromOrder', target: 'pickingSerial' },
                    ],
                    'effect.retry': { guard: retry('loadLicense'), target: `${ROOT}.loadingLicense` },
                    'nav.back': { guard: 'isWellFormed', target: 'idle' },
                  },
                },
                pickingSerial: {
                  on: {
                    'serial.select': { guard: 'isOrderSerial', actions: 'selectSerial' },
                    'serial.update': { guard: 'canUpdateOrderSerial', target: `${ROOT}.loadingLicense`, actions: choose('customerOrderPickingSerial') },
                    'effect.retry': { guard: retry('loadLicense'), target: `${ROOT}.loadingLicense` },
                    'nav.back': { guard: 'isWellFormed', target: 'orderPage' },
                  },
                },
              },
            },
          },
        },
      },
    },

    loadingLicense: {
      tags: ['busy', 'step:license'],
      entry: request('loadLicense'),
      on: {
        'license.loaded': { guard: 'isCurrentAnswer', target: 'orderForm', actions: 'startOrderForm' },
        'effect.failed': [
          { guard: answerFrom('serialResults'), target: 'serialDefinition.results', actions: 'recordFailure' },
          { guard: answerFrom('orderPage'), target: 'orderSelection.orderPage', actions: 'recordFailure' },
          { guard: answerFrom('orderPickingSerial'), target: 'orderSelection.pickingSerial', actions: 'recordFailure' },
          { guard: answerFrom('customerLicenseUpdatePage'), target: 'customerSelection.card.serialsTab.licenseUpdatePage', actions: 'recordFailure' },
          { guard: answerFrom('customerOrderPage'), target: 'customerSelection.card.ordersTab.orderPage', actions: 'recordFailure' },
          { guard: answerFrom('customerOrderPickingSerial'), target: 'customerSelection.card.ordersTab.pickingSerial', actions: 'recordFailure' },
        ],
      },
    },

    orderForm: {
      tags: ['step:form'],
      initial: 'editing',
      states: {
        editing: {
          on: {
            'period.setUnlimited': { guard: 'isWellFormed', actions: 'setUnlimited' },
            'period.setDates': { guard: 'isWellFormed', actions: 'setDates' },
            'addOn.set': { guard: 'isWellFormed', actions: 'setAddOn' },
            'crmId.change': { guard: 'isWellFormed', actions: 'setCrmId' },
            'comment.change': { guard: 'isWellFormed', actions: 'setComment' },
            'line.changeRestrictions': { guard: 'isLineOnOrder', target: 'productEditor', actions: 'editLine' },
            'product.add': { guard: 'isWellFormed', target: 'productPicker' },
            'draft.save': { guard: 'isWellFormed', target: 'savingDraft' },
            'order.review': { guard: 'isOrderValid', target: `${ROOT}.review` },
            'effect.retry': { guard: retry('saveDraft'), target: 'savingDraft' },
            'nav.back': [
              { guard: from('serialResults'), target: `${ROOT}.serialDefinition.results` },
              { guard: from('orderPage'), target: `${ROOT}.orderSelection.orderPage` },
              { guard: from('orderPickingSerial'), target: `${ROOT}.orderSelection.pickingSerial` },
              { guard: from('customerLicenseUpdatePage'), target: `${ROOT}.customerSelection.card.serialsTab.licenseUpdatePage` },
              { guard: from('customerOrderPage'), target: `${ROOT}.customerSelection.card.ordersTab.orderPage` },
              { guard: from('customerOrderPickingSerial'), target: `${ROOT}.customerSelection.card.ordersTab.pickingSerial` },
            ],
          },
        },
        productEditor: {
          on: {
            'feature.setTerms': { guard: 'canSetTerms', actions: 'setFeatureTerms' },
            'feature.exclude': { guard: 'canExclude', actions: 'excludeFeature' },
            'line.remove': { guard: 'isAddedLine', target: 'editing', actions: 'removeLine' },
            'order.back': { guard: 'isWellFormed', target: 'editing', actions: 'stopEditingLine' },
            'nav.back': { guard: 'isWellFormed', target: 'editing', actions: 'stopEditingLine' },
          },
        },
        productPicker: {
          initial: 'loading',
          states: {
            loading: {
              tags: ['busy'],
              entry: request('listProducts'),
              on: {
                'products.loaded': { guard: 'isCurrentAnswer', target: 'choosing', actions: 'storeCatalog' },
                'effect.failed': { guard: 'isCurrentAnswer', target: 'choosing', actions: 'recordFailure' },
              },
            },
            choosing: {
              on: {
                'product.pick': { guard: 'canPickProduct', target: `${ROOT}.orderForm.productEditor`, actions: 'addProductLine' },
                'effect.retry': { guard: retry('listProducts'), target: 'loading' },
                'order.back': { guard: 'isWellFormed', target: `${ROOT}.orderForm.editing` },
                'nav.back': { guard: 'isWellFormed', target: `${ROOT}.orderForm.editing` },
              },
            },
          },
        },
        savingDraft: {
          tags: ['busy'],
          entry: request('saveDraft'),
          on: {
            'draft.saved': { guard: 'isCurrentAnswer', target: 'editing', actions: 'storeDraftRef' },
            'effect.failed': { guard: 'isCurrentAnswer', target: 'editing', actions: 'recordFailure' },
          },
        },
      },
    },

    review: {
      tags: ['step:review'],
      on: {
        'order.submit': { guard: 'isOrderValid', target: 'submitting' },
        'line.changeRestrictions': { guard: 'isLineOnOrder', target: 'orderForm.productEditor', actions: 'editLine' },
        'product.add': { guard: 'isWellFormed', target: 'orderForm.productPicker' },
        'order.back': [
          { guard: 'isBackToLine', target: 'orderForm.productEditor', actions: 'editLine' },
          { guard: 'isWellFormed', target: 'orderForm.editing' },
        ],
        'effect.retry': { guard: retry('submitOrder'), target: 'submitting' },
        'nav.back': { guard: 'isWellFormed', target: 'orderForm.editing' },
      },
    },

    submitting: {
      tags: ['busy', 'step:review'],
      entry: request('submitOrder'),
      on: {
        'order.submitted': { guard: 'isCurrentAnswer', target: 'submitted', actions: 'storeSubmittedOrder' },
        'effect.failed': { guard: 'isCurrentAnswer', target: 'review', actions: 'recordFailure' },
      },
    },

    submitted: { type: 'final', tags: ['step:submitted'] },
    cancelled: { type: 'final', tags: ['step:cancelled'] },
  },
  output: ({ context }) => context.submittedOrder,
});

export type LicenseUpdateOrderMachine = typeof licenseUpdateOrderMachine;
