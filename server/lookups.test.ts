import { expect, it } from 'vitest';
import { describeEachDatabase } from './test/harness.ts';

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describeEachDatabase('lookups', (suite) => {
  it('searches customers by name, company, email and CRM ID', async () => {
    const search = async (query: string) => ids((await suite().http.get(`/api/customers?query=${encodeURIComponent(query)}`)).body.items);
    expect(await search('')).toEqual(['cus-contoso', 'cus-hopper', 'cus-lovelace', 'cus-northwind']);
    expect(await search('ada lovelace')).toEqual(['cus-lovelace']);
    expect(await search('NORTHWIND')).toEqual(['cus-northwind']);
    expect(await search('grace@example')).toEqual(['cus-hopper']);
    expect(await search('CRM-C-0002')).toEqual(['cus-contoso']);
    expect(await search('100%_')).toEqual([]);
  });

  it('pages lists by an opaque cursor until nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await suite().http.get(`/api/customers?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items).toHaveLength(1);
      seen.push(...ids(page.body.items));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['cus-contoso', 'cus-hopper', 'cus-lovelace', 'cus-northwind']);

    const orders = await suite().http.get('/api/orders?limit=3');
    expect(orders.body.items.map((o: { number: number }) => o.number)).toEqual([1008, 1007, 1006]);
    const next = await suite().http.get(`/api/orders?limit=3&cursor=${orders.body.nextCursor}`);
    expect(next.body.items.map((o: { number: number }) => o.number)).toEqual([1005, 1004, 1003]);
  });

  it('shows the customer card and its two tabs', async () => {
    const card = await suite().http.get('/api/customers/cus-northwind');
    expect(card.status).toBe(200);
    expect(card.body.customer).toMatchObject({ id: 'cus-northwind', kind: 'company', companyName: 'Northwind Traders' });
    expect(ids(card.body.serials)).toEqual(['ser-nw-1', 'ser-nw-2']);
    expect(ids(card.body.orders)).toEqual(['ord-1007', 'ord-1001']);
    const serials = await suite().http.get('/api/customers/cus-northwind/serials?query=Qw8rTy');
    expect(serials.body.items).toEqual([expect.objectContaining({ id: 'ser-nw-2', status: 'blocked', hardwareKey: null, customerName: 'Northwind Traders' })]);
    const byDongle = await suite().http.get('/api/customers/cus-northwind/serials?query=0a1b2c');
    expect(byDongle.body.items).toEqual([expect.objectContaining({ id: 'ser-nw-1', hardwareKey: { dongleId: '0A1B2C3D', model: 'SIGN' } })]);
    const orders = await suite().http.get('/api/customers/cus-contoso/orders');
    expect(orders.body.items.map((o: { number: number; status: string }) => [o.number, o.status])).toEqual([[1008, 'cancelled'], [1005, 'cancelled'], [1002, 'done']]);
    expect((await suite().http.get('/api/customers/cus-nobody')).status).toBe(404);
  });

  it('searches orders by number, CRM ID, customer and status', async () => {
    const search = async (query: string) => ids((await suite().http.get(`/api/orders?${query}`)).body.items);
    expect(await search('query=1003')).toEqual(['ord-1003']);
    expect(await search('query=crm-o-1006')).toEqual(['ord-1006']);
    expect(await search('query=hopper')).toEqual(['ord-1004']);
    expect(await search('status=draft')).toEqual(['ord-1007']);
    expect(await search('query=contoso&status=cancelled')).toEqual(['ord-1008', 'ord-1005']);
  });

  it('shows an order with its serial numbers and lines', async () => {
    const order = await suite().http.get('/api/orders/ord-1002');
    expect(order.body).toMatchObject({ id: 'ord-1002', number: 1002, type: 'new', status: 'done', customerName: 'Contoso Ltd', lines: [], serialId: null });
    expect(ids(order.body.serials).sort()).toEqual(['ser-co-1', 'ser-co-2']);
    const update = await suite().http.get('/api/orders/ord-1006');
    expect(update.body).toMatchObject({ type: 'update', serialId: 'ser-al-1', addOnMode: true, appliedAt: '2026-06-02T09:00:00.000Z', obtainingPeriod: { unlimited: true } });
    expect(update.body.lines).toEqual([
      { lineId: 'prd-cloud-sync', productId: 'prd-cloud-sync', origin: 'license', features: [{ featureId: 'fea-backup', terms: { model: 'launches', count: 500 }, excluded: false }] },
    ]);
    expect(ids(update.body.serials)).toEqual(['ser-al-1']);
  });

  it('finds serials by whole number or a prefix of at least 6 characters, several at once', async () => {
    const found = await suite().http.get('/api/serials?query=LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP');
    expect(ids(found.body.items)).toEqual(['ser-nw-1']);
    const several = await suite().http.get(`/api/serials?query=${encodeURIComponent('Mn3bVc, Aa1Bb2-Cc3')}`);
    expect(ids(several.body.items).sort()).toEqual(['ser-co-1', 'ser-co-2']);
    expect((await suite().http.get('/api/serials?query=lvhdhh')).body.items).toEqual([]);
    const short = await suite().http.get('/api/serials?query=LvHdH');
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('querystring.query');
  });

  it('shows a serial with its status, customer and history, and the license it carries', async () => {
    const serial = await suite().http.get('/api/serials/ser-nw-2');
    expect(serial.body).toMatchObject({ id: 'ser-nw-2', status: 'blocked', activationCount: 1, activationLimit: 1, customer: { id: 'cus-northwind' } });
    expect(serial.body.history.map((h: { kind: string }) => h.kind)).toEqual(['issued', 'blocked']);
    const license = await suite().http.get('/api/serials/ser-gh-1/license');
    expect(license.body).toEqual({
      serialId: 'ser-gh-1',
      license: {
        lines: [
          { productId: 'prd-legacy-viewer', features: [{ featureId: 'fea-viewer', terms: { model: 'perpetual' } }] },
          { productId: 'prd-cloud-sync', features: [{ featureId: 'fea-sync', terms: { model: 'subscription', days: 30 } }] },
        ],
      },
    });
  });

  it('lists products with features, default terms and flags', async () => {
    const onSale = await suite().http.get('/api/products?status=onSale');
    expect(ids(onSale.body.items)).toEqual(['prd-cad-studio', 'prd-analytics', 'prd-cloud-sync']);
    expect(onSale.body.items[0].features[2]).toEqual({
      id: 'fea-cad-network',
      featureNumber: 3,
      name: 'Network seats',
      description: 'Floating licenses on the LAN',
      defaultTerms: { model: 'perpetual', networkSeats: 5, consumption: 'workstation', vmForbidden: true },
      canModify: true,
      canExclude: false,
    });
    const all = await suite().http.get('/api/products');
    expect(ids(all.body.items)).toEqual(['prd-legacy-viewer', 'prd-cad-studio', 'prd-analytics', 'prd-cloud-sync', 'prd-beta-toolkit']);
  });
});
