import type { Customer, License, Order, Product, Serial, SerialHistoryEntry } from '../domain/index.ts';

export type ApiKeyRole = 'operator' | 'viewer';

/** An order as stored: lists and pages derive customer names and serials from the other rows. */
export type StoredOrder = Omit<Order, 'customerName' | 'serials'>;

/** Everything one vendor (tenant) holds. The in-memory effects and the service's demo seed both load it. */
export interface TenantDataset {
  id: string;
  name: string;
  apiKeys: { key: string; role: ApiKeyRole }[];
  customers: Customer[];
  products: Product[];
  serials: Serial[];
  licenses: Record<string, License>;
  orders: StoredOrder[];
  serialHistory: Record<string, SerialHistoryEntry[]>;
}

export interface Dataset {
  tenants: TenantDataset[];
}

const perpetual = { model: 'perpetual' } as const;

const demoProducts: Product[] = [
  {
    id: 'prd-cad-studio',
    productNumber: 1001,
    name: 'CAD Studio',
    crmId: 'CRM-P-1001',
    description: 'Desktop CAD with rendering and floating network seats',
    status: 'onSale',
    features: [
      { id: 'fea-cad-core', featureNumber: 1, name: 'Core modelling', description: 'The modelling kernel', defaultTerms: perpetual, canModify: false, canExclude: false },
      { id: 'fea-cad-render', featureNumber: 2, name: 'Rendering', description: 'Photo-realistic rendering', defaultTerms: { model: 'subscription', days: 365 }, canModify: true, canExclude: true },
      { id: 'fea-cad-network', featureNumber: 3, name: 'Network seats', description: 'Floating licenses on the LAN', defaultTerms: { model: 'perpetual', networkSeats: 5, consumption: 'workstation', vmForbidden: true }, canModify: true, canExclude: false },
    ],
  },
  {
    id: 'prd-analytics',
    productNumber: 1002,
    name: 'Analytics Suite',
    crmId: 'CRM-P-1002',
    description: 'Reports, exports and an API',
    status: 'onSale',
    features: [
      { id: 'fea-an-reports', featureNumber: 1, name: 'Reports', description: 'Scheduled reports', defaultTerms: { model: 'rental', from: '2026-01-01', to: '2027-12-31' }, canModify: true, canExclude: false },
      { id: 'fea-an-export', featureNumber: 2, name: 'Export', description: 'Exports to CSV and PDF', defaultTerms: { model: 'launches', count: 100 }, canModify: true, canExclude: true },
      { id: 'fea-an-api', featureNumber: 3, name: 'API access', description: 'The REST API', defaultTerms: { model: 'expiration', expiresOn: '2028-06-30' }, canModify: true, canExclude: true },
    ],
  },
  {
    id: 'prd-cloud-sync',
    productNumber: 1003,
    name: 'Cloud Sync',
    crmId: 'CRM-P-1003',
    description: 'Synchronisation and backup',
    status: 'onSale',
    features: [
      { id: 'fea-sync', featureNumber: 1, name: 'Sync', description: 'Two-way synchronisation', defaultTerms: { model: 'subscription', days: 30, networkSeats: 0, consumption: 'login' }, canModify: true, canExclude: false },
      { id: 'fea-backup', featureNumber: 2, name: 'Backup', description: 'Nightly backups', defaultTerms: { model: 'launches', count: 500 }, canModify: false, canExclude: true },
    ],
  },
  {
    id: 'prd-legacy-viewer',
    productNumber: 900,
    name: 'Legacy Viewer',
    crmId: 'CRM-P-0900',
    description: 'The old viewer, no longer sold',
    status: 'archived',
    features: [
      { id: 'fea-viewer', featureNumber: 1, name: 'Viewer', description: 'Read-only viewer', defaultTerms: perpetual, canModify: true, canExclude: true },
    ],
  },
  {
    id: 'prd-beta-toolkit',
    productNumber: 2001,
    name: 'Beta Toolkit',
    crmId: '',
    description: 'Not released yet',
    status: 'draft',
    features: [
      { id: 'fea-beta', featureNumber: 1, name: 'Beta tools', description: 'Experimental tools', defaultTerms: { model: 'subscription', days: 90 }, canModify: true, canExclude: false },
    ],
  },
];

const demoCustomers: Customer[] = [
  { id: 'cus-northwind', kind: 'company', companyName: 'Northwind Traders', name: 'Nancy', familyName: 'Davolio', email: 'nancy@northwind.example', phone: '+1 206 555 0101', crmId: 'CRM-C-0001', comment: 'Key account' },
  { id: 'cus-contoso', kind: 'company', companyName: 'Contoso Ltd', name: 'Kim', familyName: 'Abercrombie', email: 'kim@contoso.example', phone: '+1 425 555 0102', crmId: 'CRM-C-0002', comment: '' },
  { id: 'cus-lovelace', kind: 'individual', companyName: null, name: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', phone: '+44 20 7946 0103', crmId: 'CRM-C-0003', comment: '' },
  { id: 'cus-hopper', kind: 'individual', companyName: null, name: 'Grace', familyName: 'Hopper', email: 'grace@example.org', phone: '+1 212 555 0104', crmId: '', comment: 'Uses the legacy viewer' },
];

const at = (day: string) => `${day}T09:00:00.000Z`;

const demoSerials: Serial[] = [
  { id: 'ser-nw-1', serial: 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP', status: 'active', activationCount: 2, activationLimit: 5, customerId: 'cus-northwind', orderId: 'ord-1001', hardwareKey: { id: 'key-nw-1', dongleId: '0A1B2C3D', model: 'SIGN' } },
  { id: 'ser-nw-2', serial: 'Qw8rTy-Ui9oPa-Sd7fGh-Jk6lZx-Cv5bNm', status: 'blocked', activationCount: 1, activationLimit: 1, customerId: 'cus-northwind', orderId: 'ord-1001', hardwareKey: null },
  { id: 'ser-co-1', serial: 'Mn3bVc-Xz2aSd-Fg1hJk-Lp0oIu-Yt9rEw', status: 'active', activationCount: 0, activationLimit: 10, customerId: 'cus-contoso', orderId: 'ord-1002', hardwareKey: { id: 'key-co-1', dongleId: '0E5F6071', model: 'TIME' } },
  { id: 'ser-co-2', serial: 'Aa1Bb2-Cc3Dd4-Ee5Ff6-Gg7Hh8-Ii9Jj0', status: 'active', activationCount: 3, activationLimit: 10, customerId: 'cus-contoso', orderId: 'ord-1002', hardwareKey: null },
  { id: 'ser-al-1', serial: 'Zx9Cv8-Bn7Mm6-As5Df4-Gh3Jk2-Lq1Wp0', status: 'active', activationCount: 1, activationLimit: 3, customerId: 'cus-lovelace', orderId: 'ord-1003', hardwareKey: { id: 'key-al-1', dongleId: '1A2B3C4D', model: 'CODE_TIME' } },
  { id: 'ser-gh-1', serial: 'Ko0Ji9-Hu8Gy7-Ft6Dr5-Se4Wa3-Qz2Xc1', status: 'active', activationCount: 1, activationLimit: 2, customerId: 'cus-hopper', orderId: 'ord-1004', hardwareKey: { id: 'key-gh-1', dongleId: '5E6F7A8B', model: 'DL' } },
];

type Terms = Product['features'][number]['defaultTerms'];
const license = (...lines: [string, [string, Terms][]][]): License => ({
  lines: lines.map(([productId, features]) => ({ productId, features: features.map(([featureId, terms]) => ({ featureId, terms })) })),
});

const demoLicenses: Record<string, License> = {
  'ser-nw-1': license(
    ['prd-cad-studio', [['fea-cad-core', perpetual], ['fea-cad-render', { model: 'subscription', days: 365 }], ['fea-cad-network', { model: 'perpetual', networkSeats: 5, consumption: 'workstation', vmForbidden: true }]]],
    ['prd-analytics', [['fea-an-reports', { model: 'rental', from: '2026-01-01', to: '2027-12-31' }], ['fea-an-export', { model: 'launches', count: 100 }]]],
  ),
  'ser-nw-2': license(['prd-cad-studio', [['fea-cad-core', perpetual]]]),
  'ser-co-1': license(['prd-cad-studio', [['fea-cad-core', perpetual], ['fea-cad-render', { model: 'subscription', days: 180 }]]]),
  'ser-co-2': license(['prd-cad-studio', [['fea-cad-core', perpetual]]]),
  'ser-al-1': license(['prd-cloud-sync', [['fea-sync', { model: 'subscription', days: 30, networkSeats: 0, consumption: 'login' }], ['fea-backup', { model: 'launches', count: 500 }]]]),
  'ser-gh-1': license(['prd-legacy-viewer', [['fea-viewer', perpetual]]], ['prd-cloud-sync', [['fea-sync', { model: 'subscription', days: 30 }]]]),
};

const newOrder = (id: string, number: number, customerId: string, day: string, status: StoredOrder['status'] = 'done'): StoredOrder => ({
  id, number, type: 'new', status, customerId, createdAt: at(day), submittedAt: status === 'draft' ? null : at(day),
  crmId: `CRM-O-${number}`, comment: '', serialId: null, obtainingPeriod: null, addOnMode: null, lines: [], appliedAt: null,
});

const demoOrders: StoredOrder[] = [
  newOrder('ord-1001', 1001, 'cus-northwind', '2026-02-10'),
  newOrder('ord-1002', 1002, 'cus-contoso', '2026-03-15'),
  newOrder('ord-1003', 1003, 'cus-lovelace', '2026-04-20'),
  newOrder('ord-1004', 1004, 'cus-hopper', '2025-11-05'),
  newOrder('ord-1005', 1005, 'cus-contoso', '2026-05-02', 'cancelled'),
  {
    id: 'ord-1006', number: 1006, type: 'update', status: 'done', customerId: 'cus-lovelace', createdAt: at('2026-06-01'), submittedAt: at('2026-06-01'),
    crmId: 'CRM-O-1006', comment: 'Backup added', serialId: 'ser-al-1', obtainingPeriod: { unlimited: true, from: null, to: null }, addOnMode: true,
    lines: [{ lineId: 'prd-cloud-sync', productId: 'prd-cloud-sync', origin: 'license', features: [{ featureId: 'fea-backup', terms: { model: 'launches', count: 500 }, excluded: false }] }],
    appliedAt: at('2026-06-02'),
  },
  {
    id: 'ord-1007', number: 1007, type: 'update', status: 'draft', customerId: 'cus-northwind', createdAt: at('2026-10-12'), submittedAt: null,
    crmId: 'CRM-O-1007', comment: 'Waiting for the customer to confirm', serialId: 'ser-nw-1', obtainingPeriod: { unlimited: false, from: '2026-10-12', to: '2027-10-12' }, addOnMode: true,
    lines: [{ lineId: 'prd-cad-studio', productId: 'prd-cad-studio', origin: 'license', features: [{ featureId: 'fea-cad-render', terms: { model: 'subscription', days: 730 }, excluded: false }] }],
    appliedAt: null,
  },
  {
    id: 'ord-1008', number: 1008, type: 'update', status: 'cancelled', customerId: 'cus-contoso', createdAt: at('2026-07-07'), submittedAt: at('2026-07-07'),
    crmId: '', comment: 'Revoked by the vendor', serialId: 'ser-co-1', obtainingPeriod: { unlimited: true, from: null, to: null }, addOnMode: false,
    lines: [{ lineId: 'prd-cad-studio', productId: 'prd-cad-studio', origin: 'license', features: [{ featureId: 'fea-cad-core', terms: perpetual, excluded: false }] }],
    appliedAt: null,
  },
];

const issued = (orderId: string, day: string): SerialHistoryEntry => ({ at: at(day), kind: 'issued', orderId, note: 'Issued by a new order' });

const demoHistory: Record<string, SerialHistoryEntry[]> = {
  'ser-nw-1': [issued('ord-1001', '2026-02-10')],
  'ser-nw-2': [issued('ord-1001', '2026-02-10'), { at: at('2026-03-01'), kind: 'blocked', orderId: null, note: 'Reported stolen' }],
  'ser-co-1': [issued('ord-1002', '2026-03-15'), { at: at('2026-07-07'), kind: 'orderApplied', orderId: 'ord-1008', note: 'Update order 1008 submitted' }],
  'ser-co-2': [issued('ord-1002', '2026-03-15')],
  'ser-al-1': [
    issued('ord-1003', '2026-04-20'),
    { at: at('2026-06-01'), kind: 'orderApplied', orderId: 'ord-1006', note: 'Update order 1006 submitted' },
    { at: at('2026-06-02'), kind: 'updateObtained', orderId: 'ord-1006', note: 'Update 1006 obtained' },
  ],
  'ser-gh-1': [issued('ord-1004', '2025-11-05')],
};

const rival: TenantDataset = {
  id: 'ten-rival',
  name: 'Rival Vendor',
  apiKeys: [{ key: 'rival-operator', role: 'operator' }],
  customers: [
    { id: 'cus-rival-1', kind: 'company', companyName: 'Initech', name: 'Bill', familyName: 'Lumbergh', email: 'bill@initech.example', phone: '+1 555 0199', crmId: 'R-1', comment: '' },
  ],
  products: [
    {
      id: 'prd-rival-tps', productNumber: 1, name: 'TPS Reports', crmId: '', description: 'Cover sheets included', status: 'onSale',
      features: [{ id: 'fea-rival-cover', featureNumber: 1, name: 'Cover sheet', description: '', defaultTerms: { model: 'launches', count: 10 }, canModify: true, canExclude: false }],
    },
  ],
  serials: [
    { id: 'ser-rival-1', serial: 'Rv1Rv1-Rv2Rv2-Rv3Rv3-Rv4Rv4-Rv5Rv5', status: 'active', activationCount: 0, activationLimit: 1, customerId: 'cus-rival-1', orderId: 'ord-rival-1', hardwareKey: null },
  ],
  licenses: { 'ser-rival-1': { lines: [{ productId: 'prd-rival-tps', features: [{ featureId: 'fea-rival-cover', terms: { model: 'launches', count: 10 } }] }] } },
  orders: [newOrder('ord-rival-1', 1, 'cus-rival-1', '2026-01-05')],
  serialHistory: { 'ser-rival-1': [issued('ord-rival-1', '2026-01-05')] },
};

const demo: TenantDataset = {
  id: 'ten-demo',
  name: 'Demo Vendor',
  apiKeys: [
    { key: 'demo-operator', role: 'operator' },
    { key: 'demo-viewer', role: 'viewer' },
  ],
  customers: demoCustomers,
  products: demoProducts,
  serials: demoSerials,
  licenses: demoLicenses,
  orders: demoOrders,
  serialHistory: demoHistory,
};

/** A fresh deep copy each call: callers may change what they get. */
export function demoDataset(): Dataset {
  return structuredClone({ tenants: [demo, rival] });
}

/** The demo vendor's data alone (the tenant of `demo-operator` and `demo-viewer`). */
export function demoTenant(): TenantDataset {
  return demoDataset().tenants[0]!;
}
