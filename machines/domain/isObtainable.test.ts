import { describe, expect, it } from 'vitest';
import { isObtainable, obtainRefusal } from './isObtainable.ts';
import { canChangeOrderStatus, obtainUpdates } from './lifecycle.ts';
import type { License, LicensingTerms, Order, OrderLine } from './index.ts';

type Obtainable = Parameters<typeof obtainUpdates>[1][number];

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const line = (featureId: string, terms: LicensingTerms, excluded = false): OrderLine => ({
  lineId: 'cad',
  productId: 'cad',
  origin: 'license',
  features: [{ featureId, terms, excluded }],
});

function update(overrides: Partial<Obtainable> = {}): Obtainable {
  return {
    id: 'ord-1',
    number: 1,
    type: 'update',
    status: 'done',
    appliedAt: null,
    submittedAt: '2026-12-01T09:00:00.000Z',
    obtainingPeriod: { unlimited: true, from: null, to: null },
    addOnMode: true,
    lines: [line('render', { model: 'subscription', days: 730 })],
    ...overrides,
  };
}

describe('isObtainable(order, now)', () => {
  it('lets a done, unapplied update be obtained any time while its period is unlimited', () => {
    expect(isObtainable(update(), at('2030-01-01'))).toBe(true);
  });

  it('limits a dated period to its days, both ends included', () => {
    const dated = update({ obtainingPeriod: { unlimited: false, from: '2026-12-10', to: '2026-12-20' } });
    expect(obtainRefusal(dated, at('2026-12-09'))).toBe('notYet');
    expect(isObtainable(dated, at('2026-12-10'))).toBe(true);
    expect(isObtainable(dated, new Date('2026-12-20T23:59:59Z'))).toBe(true);
    expect(obtainRefusal(dated, at('2026-12-21'))).toBe('expired');
  });

  it('refuses drafts, cancelled orders, new orders and updates already applied', () => {
    expect(obtainRefusal(update({ status: 'draft' }), at('2026-12-02'))).toBe('notDone');
    expect(obtainRefusal(update({ status: 'cancelled' }), at('2026-12-02'))).toBe('notDone');
    expect(obtainRefusal(update({ type: 'new' } as Partial<Order>), at('2026-12-02'))).toBe('notUpdate');
    expect(obtainRefusal(update({ appliedAt: '2026-12-02T08:00:00.000Z' }), at('2026-12-02'))).toBe('alreadyApplied');
  });
});

describe('obtainUpdates', () => {
  const license: License = {
    lines: [{ productId: 'cad', features: [{ featureId: 'core', terms: { model: 'perpetual' } }, { featureId: 'render', terms: { model: 'subscription', days: 365 } }] }],
  };

  it('applies every obtainable update, oldest first, and names them', () => {
    const first = update({ id: 'a', number: 5, submittedAt: '2026-12-01T09:00:00.000Z', lines: [line('render', { model: 'subscription', days: 100 })] });
    const second = update({ id: 'b', number: 6, submittedAt: '2026-12-02T09:00:00.000Z', lines: [line('render', { model: 'subscription', days: 200 })] });
    const result = obtainUpdates(license, [second, first], at('2026-12-03'));
    expect(result.applied).toEqual(['a', 'b']);
    expect(result.license.lines[0]!.features).toEqual([
      { featureId: 'core', terms: { model: 'perpetual' } },
      { featureId: 'render', terms: { model: 'subscription', days: 200 } },
    ]);
  });

  it('replaces the license for an update made with Add-on Mode off', () => {
    const replacing = update({ addOnMode: false, lines: [line('render', { model: 'launches', count: 9 })] });
    expect(obtainUpdates(license, [replacing], at('2026-12-03')).license).toEqual({
      lines: [{ productId: 'cad', features: [{ featureId: 'render', terms: { model: 'launches', count: 9 } }] }],
    });
  });

  it('skips what cannot be obtained now and leaves the license as it is', () => {
    const orders = [
      update({ id: 'draft', status: 'draft' }),
      update({ id: 'applied', appliedAt: '2026-12-01T10:00:00.000Z' }),
      update({ id: 'later', obtainingPeriod: { unlimited: false, from: '2027-01-01', to: '2027-02-01' } }),
    ];
    expect(obtainUpdates(license, orders, at('2026-12-03'))).toEqual({ license, applied: [] });
  });
});

describe('canChangeOrderStatus', () => {
  it('allows draft → done, draft → cancelled and done → cancelled only', () => {
    const statuses = ['draft', 'done', 'cancelled'] as const;
    const allowed = statuses.flatMap((from) => statuses.filter((to) => canChangeOrderStatus(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['draft→done', 'draft→cancelled', 'done→cancelled']);
  });
});

describe('obtainUpdates ordering', () => {
  it('orders updates by the instant they were submitted, whatever offset the timestamps carry', () => {
    const license: License = { lines: [{ productId: 'cad', features: [{ featureId: 'render', terms: { model: 'subscription', days: 365 } }] }] };
    // 10:00 at +02:00 is 08:00 UTC: submitted before 09:00 UTC, so it is applied first and the later one wins.
    const earlier = update({ id: 'earlier', number: 7, submittedAt: '2026-12-01T10:00:00+02:00', lines: [line('render', { model: 'subscription', days: 100 })] });
    const later = update({ id: 'later', number: 6, submittedAt: '2026-12-01T09:00:00.000Z', lines: [line('render', { model: 'subscription', days: 200 })] });
    const result = obtainUpdates(license, [later, earlier], at('2026-12-03'));
    expect(result.applied).toEqual(['earlier', 'later']);
    expect(result.license.lines[0]!.features[0]!.terms).toEqual({ model: 'subscription', days: 200 });
  });
});
