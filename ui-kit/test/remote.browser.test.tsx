import { StrictMode } from 'react';
import { beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createServiceClient, useWorkflowList, type LicenseUpdateOrderHandle, type RemoteModeOptions, type WorkflowView } from '../index.ts';
import { renderCounts, TestSkin } from './TestSkin.tsx';

const API_KEY = 'demo-operator';
// The page's own origin: the browser project's Vite server proxies /api to the spawned service.
const service = createServiceClient({ baseUrl: '', apiKey: API_KEY });
const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const syncStatus = () => page.getByRole('status', { name: 'Sync status' });

beforeAll(() => {
  const started = inject('service');
  if (!started.ok) throw new Error(`The service did not start, so remote mode cannot be tested:\n${started.error}`);
});

function DraftList({ onResume }: { onResume: (workflowId: string) => void }) {
  const list = useWorkflowList({ baseUrl: '', apiKey: API_KEY, status: 'active' });
  return (
    <ul {...list.getListProps({ 'aria-label': 'Drafts' })}>
      {list.workflows.map((workflow) => (
        <li key={workflow.id} {...list.getItemProps(workflow)}>
          {workflow.serial?.serial ?? 'No serial yet'} ({workflow.step})
          <button {...list.getResumeButtonProps(workflow, onResume, { 'aria-label': `Resume ${workflow.id}` })}>Resume</button>
        </li>
      ))}
    </ul>
  );
}

/** A client whose requests to the events route are recorded: what was sent, what came back. */
function recordingClient() {
  const sent: { events: unknown[]; status: number }[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).endsWith('/events') && init?.method === 'POST') {
      sent.push({ events: (JSON.parse(String(init.body)) as { events: unknown[] }).events, status: response.status });
    }
    return response;
  };
  return { sent, client: createServiceClient({ baseUrl: '', apiKey: API_KEY, fetch: recordingFetch }) };
}

/** Renders the skin in remote mode and hands back the latest handle (its store, its workflow id). */
async function mountRemote(options: Partial<RemoteModeOptions> = {}) {
  let handle: LicenseUpdateOrderHandle | null = null;
  const ids: string[] = [];
  const screen = await render(
    <TestSkin
      options={{ mode: 'remote', baseUrl: '', apiKey: API_KEY, onWorkflowId: (id) => ids.push(id), ...options }}
      onHandle={(h) => (handle = h)}
    />,
  );
  return {
    screen,
    ids,
    get handle() {
      if (!handle) throw new Error('The skin has not rendered');
      return handle;
    },
  };
}

async function toFormOfOrder1003() {
  await button('By order').click();
  await button('Open order 1003').click();
  await button('Update License').click();
  await expect.element(page.getByRole('heading', { name: 'License Update' })).toBeVisible();
}

async function synced() {
  await expect.element(syncStatus()).toHaveTextContent('idle');
}

describe('remote mode against the service', () => {
  test('a procedure to a done order: the workflow is created, reported, and submitted by the service', async () => {
    const app = await mountRemote();
    await button('By serial number').click();
    await expect.poll(() => app.ids.length).toBe(1);
    const workflowId = app.ids[0]!;
    expect(app.handle.workflowId).toBe(workflowId);

    await page.getByRole('textbox', { name: 'Serial number' }).fill('LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP');
    await userEvent.keyboard('{Enter}');
    await page.getByRole('row', { name: /LvHdHH-Ux1VmY/ }).getByRole('button', { name: 'Update' }).click();
    await page.getByRole('textbox', { name: 'CRM ID' }).fill('CRM-REMOTE-1');
    await button('Review order').click();
    await expect.element(page.getByRole('heading', { name: 'Review' })).toBeVisible();
    await button('Submit Order').click();
    await expect.element(page.getByRole('status').filter({ hasText: 'submitted' })).toHaveTextContent(/Order \d+ submitted/);
    await synced();

    const view = await service.getWorkflow(workflowId);
    expect(view.status).toBe('submitted');
    expect(view.state).toBe('submitted');
    expect(view.context.submittedOrder).toMatchObject({ status: 'done', serialId: 'ser-nw-1' });
    expect(view.context.draft?.crmId).toBe('CRM-REMOTE-1');
  });

  test('typing is batched: a typed word reaches the service as one event, after the pause', async () => {
    const { sent, client } = recordingClient();
    // A pause longer than any gap between two keystrokes of the test, even on a loaded machine.
    const app = await mountRemote({ client, debounceMs: 1_000 });
    await toFormOfOrder1003();
    await synced();
    sent.length = 0;
    const parts = ['Root', 'OrderForm', 'PeriodField', 'AddOnField', 'CrmIdField', 'CommentField', 'ProductLines'];
    const before = parts.map((name) => renderCounts.get(name) ?? 0);
    await userEvent.type(page.getByRole('textbox', { name: 'CRM ID' }), 'CRM-BATCH');
    await synced();
    const renders = Object.fromEntries(parts.map((name, i) => [name, (renderCounts.get(name) ?? 0) - before[i]!]));
    // The field renders per key; the root follows the sync status (pending, syncing, idle); the rest of the form stays.
    expect(renders).toEqual({ Root: 3, OrderForm: 0, PeriodField: 0, AddOnField: 0, CrmIdField: 'CRM-BATCH'.length, CommentField: 0, ProductLines: 0 });
    // Nine keystrokes without a pause: one request carrying one event with the whole value.
    expect(sent).toEqual([{ events: [{ type: 'crmId.change', value: 'CRM-BATCH' }], status: 200 }]);
    expect((await service.getWorkflow(app.handle.workflowId!)).context.draft?.crmId).toBe('CRM-BATCH');
  });

  test('a reload in the middle of the form resumes the draft with everything typed', async () => {
    const first = await mountRemote();
    await toFormOfOrder1003();
    await page.getByRole('switch', { name: 'Add-on Mode' }).click();
    await page.getByRole('textbox', { name: 'CRM ID' }).fill('CRM-RELOAD');
    await page.getByRole('textbox', { name: 'Comment' }).fill('Typed before the reload');
    await synced();
    const workflowId = first.handle.workflowId!;
    await first.screen.unmount();

    const second = await mountRemote({ workflowId });
    await expect.element(page.getByRole('textbox', { name: 'CRM ID' })).toHaveValue('CRM-RELOAD');
    await expect.element(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Typed before the reload');
    await expect.element(page.getByRole('switch', { name: 'Add-on Mode' })).toHaveAttribute('aria-checked', 'false');
    expect(second.ids).toEqual([workflowId]);
  });

  test('leaving before the typing pause loses nothing: the edit is sent on unmount and kept for the next mount', async () => {
    const first = await mountRemote({ unsentStorage: sessionStorage, debounceMs: 60_000 });
    await toFormOfOrder1003();
    await synced();
    await page.getByRole('textbox', { name: 'CRM ID' }).fill('CRM-UNSENT');
    await expect.element(syncStatus()).toHaveTextContent('pending');
    const workflowId = first.handle.workflowId!;
    await first.screen.unmount();

    await mountRemote({ workflowId, unsentStorage: sessionStorage });
    await expect.element(page.getByRole('textbox', { name: 'CRM ID' })).toHaveValue('CRM-UNSENT');
    await synced();
    await expect.poll(async () => (await service.getWorkflow(workflowId)).context.draft?.crmId).toBe('CRM-UNSENT');
    expect(sessionStorage.getItem(`license-update-kit:unsent:${workflowId}`)).toBeNull();
  });

  test("a conflicting write from a second client re-syncs and keeps this client's edits that still apply", async () => {
    const { sent, client } = recordingClient();
    const app = await mountRemote({ debounceMs: 60_000, client });
    await toFormOfOrder1003();
    await synced();
    const workflowId = app.handle.workflowId!;
    sent.length = 0;

    await page.getByRole('textbox', { name: 'CRM ID' }).fill('CRM-FIRST-CLIENT');
    await expect.element(syncStatus()).toHaveTextContent('pending');
    // The second client writes first: the first client's version is now stale.
    const current = await service.getWorkflow(workflowId);
    await service.sendEvents(workflowId, current.version, [{ type: 'comment.change', value: 'Written by the second client' }]);
    // A switch is not typing: it sends at once, together with the pending CRM ID, and meets the 409.
    await page.getByRole('switch', { name: 'Add-on Mode' }).click();

    await synced();
    await expect.element(page.getByRole('textbox', { name: 'Comment' })).toHaveValue('Written by the second client');
    await expect.element(page.getByRole('textbox', { name: 'CRM ID' })).toHaveValue('CRM-FIRST-CLIENT');
    await expect.element(page.getByRole('switch', { name: 'Add-on Mode' })).toHaveAttribute('aria-checked', 'false');
    const view: WorkflowView = await service.getWorkflow(workflowId);
    expect(view.context.draft).toMatchObject({ crmId: 'CRM-FIRST-CLIENT', comment: 'Written by the second client', addOnMode: false });
    expect(view.version).toBe(current.version + 2);
    const batch = [{ type: 'crmId.change', value: 'CRM-FIRST-CLIENT' }, { type: 'addOn.set', enabled: false }];
    expect(sent).toEqual([{ events: batch, status: 409 }, { events: batch, status: 200 }]);
  });

  test('an edit the new state refuses is dropped and explained after the re-sync', async () => {
    const app = await mountRemote({ debounceMs: 60_000 });
    await toFormOfOrder1003();
    await synced();
    const workflowId = app.handle.workflowId!;
    await page.getByRole('textbox', { name: 'CRM ID' }).fill('TOO-LATE');
    const current = await service.getWorkflow(workflowId);
    await service.sendEvents(workflowId, current.version, [{ type: 'order.review' }]);
    app.handle.flush();

    await expect.element(page.getByRole('heading', { name: 'Review' })).toBeVisible();
    await expect.element(page.getByRole('status', { name: 'Refusal' })).toHaveTextContent('"crmId.change" is not accepted in review');
    await synced();
    expect((await service.getWorkflow(workflowId)).context.draft?.crmId).toBe('');
  });

  test('offline: the edit stays on screen, the status says offline, and it is sent once the network is back', async () => {
    let online = true;
    const flakyFetch: typeof fetch = (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')));
    const app = await mountRemote({ client: createServiceClient({ baseUrl: '', apiKey: API_KEY, fetch: flakyFetch }), retryDelayMs: 60_000 });
    await toFormOfOrder1003();
    await synced();

    online = false;
    await page.getByRole('textbox', { name: 'CRM ID' }).fill('CRM-OFFLINE');
    await expect.element(syncStatus()).toHaveTextContent('offline');
    expect(app.handle.lastSyncError).toMatchObject({ kind: 'network', willRetry: true });
    await expect.element(page.getByRole('textbox', { name: 'CRM ID' })).toHaveValue('CRM-OFFLINE');

    online = true;
    window.dispatchEvent(new Event('online'));
    await synced();
    expect(app.handle.lastSyncError).toBeNull();
    expect((await service.getWorkflow(app.handle.workflowId!)).context.draft?.crmId).toBe('CRM-OFFLINE');
  });

  test('StrictMode mounts twice, yet one workflow is created and reported once', async () => {
    const creations: string[] = [];
    const countingFetch: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/api/update-orders') && init?.method === 'POST') creations.push(String(input));
      return fetch(input, init);
    };
    const ids: string[] = [];
    await render(
      <StrictMode>
        <TestSkin options={{ mode: 'remote', baseUrl: '', apiKey: API_KEY, client: createServiceClient({ baseUrl: '', apiKey: API_KEY, fetch: countingFetch }), onWorkflowId: (id) => ids.push(id) }} />
      </StrictMode>,
    );
    await button('By customer').click();
    await expect.element(button('Open Grace Hopper')).toBeVisible();
    await synced();
    expect(creations).toHaveLength(1);
    expect(ids).toHaveLength(1);
  });

  test('useWorkflowList lists the active drafts and Resume hands over the id', async () => {
    const app = await mountRemote();
    await toFormOfOrder1003();
    await synced();
    const workflowId = app.handle.workflowId!;
    await app.screen.unmount();

    const onResume = vi.fn();
    await render(<DraftList onResume={onResume} />);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Resume ${workflowId}` }) });
    await expect.element(item).toHaveTextContent('Zx9Cv8-Bn7Mm6-As5Df4-Gh3Jk2-Lq1Wp0 (form)');
    await expect.element(item).toHaveAttribute('data-state', 'orderForm');
    await item.getByRole('button').click();
    expect(onResume).toHaveBeenCalledWith(workflowId);
  });

  test('useWorkflowList pages: loadMore appends the next page until there is none', async () => {
    function Paged() {
      const list = useWorkflowList({ baseUrl: '', apiKey: API_KEY, pageSize: 1 });
      return (
        <div>
          <ul aria-label="Paged drafts">
            {list.workflows.map((w) => (
              <li key={w.id}>{w.id}</li>
            ))}
          </ul>
          {list.hasMore && (
            <button type="button" onClick={list.loadMore}>
              More drafts
            </button>
          )}
        </div>
      );
    }
    await render(<Paged />);
    const items = page.getByRole('list', { name: 'Paged drafts' }).getByRole('listitem');
    await expect.poll(() => items.elements().length).toBe(1);
    await button('More drafts').click();
    await expect.poll(() => items.elements().length).toBe(2);
    const ids = items.elements().map((li) => li.textContent);
    expect(new Set(ids).size).toBe(2);
  });
});
