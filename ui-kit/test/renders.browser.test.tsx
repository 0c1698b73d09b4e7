import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createInMemoryEffects, InMemoryLicenseStore } from '../../machines/index.ts';
import { renderCounts, TestSkin } from './TestSkin.tsx';

const FORM_PARTS = ['Root', 'OrderForm', 'PeriodField', 'AddOnField', 'CrmIdField', 'CommentField', 'ProductLines'] as const;
const snapshotCounts = () => Object.fromEntries(FORM_PARTS.map((name) => [name, renderCounts.get(name) ?? 0]));

test('typing in CRM ID re-renders the CRM ID field only', async () => {
  await render(<TestSkin options={{ effects: createInMemoryEffects(new InMemoryLicenseStore()) }} />);
  await page.getByRole('button', { name: 'By order' }).click();
  await page.getByRole('button', { name: 'Open order 1003' }).click();
  await page.getByRole('button', { name: 'Update License' }).click();
  const crmId = page.getByRole('textbox', { name: 'CRM ID' });
  await expect.element(crmId).toBeVisible();

  const before = snapshotCounts();
  const typed = 'CRM-4711';
  await userEvent.type(crmId, typed);
  await expect.element(crmId).toHaveValue(typed);
  const after = snapshotCounts();
  const delta = Object.fromEntries(FORM_PARTS.map((name) => [name, after[name]! - before[name]!]));

  // One render per keystroke for the field; nothing else on the form moves.
  expect(delta).toEqual({ Root: 0, OrderForm: 0, PeriodField: 0, AddOnField: 0, CrmIdField: typed.length, CommentField: 0, ProductLines: 0 });
});
