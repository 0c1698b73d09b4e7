import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkflowList, type WorkflowList } from 'license-update-kit/react';
import { Workflow, type WaySwitch, type WorkflowStart } from './Workflow.tsx';

type Way = 'serial' | 'order' | 'customer';

interface AppProps {
  initialApiKey: string | null;
  onApiKey: (key: string) => void;
}

/** `#/workflows/<id>` names the workflow on screen, so a reload resumes it. */
function workflowIdFromHash(): string | undefined {
  const match = /^#\/workflows\/([^/]+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

export function App({ initialApiKey, onApiKey }: AppProps) {
  const [apiKey, setApiKey] = useState(initialApiKey);
  if (!apiKey) return <KeyForm onKey={(key) => (onApiKey(key), setApiKey(key))} />;
  return <Shell apiKey={apiKey} />;
}

function KeyForm({ onKey }: { onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  return (
    <main>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim()) onKey(key.trim());
        }}
      >
        <h2>Sign in</h2>
        <div className="field">
          <label htmlFor="api-key">API key</label>
          <input id="api-key" type="text" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" />
        </div>
        <button className="primary" type="submit">
          Continue
        </button>
      </form>
    </main>
  );
}

function Shell({ apiKey }: { apiKey: string }) {
  const [start, setStart] = useState<WorkflowStart>(() => {
    const workflowId = workflowIdFromHash();
    return workflowId ? { key: 1, workflowId } : { key: 1, way: 'order' };
  });
  const [menu, setMenu] = useState<Way>('order');
  const drafts = useWorkflowList({ baseUrl: '', apiKey, status: 'active' });
  const switchRef = useRef<WaySwitch | null>(null);

  const open = useCallback((next: Omit<WorkflowStart, 'key'>) => setStart((current) => ({ ...next, key: current.key + 1 })), []);
  const onWorkflowId = useCallback((id: string) => {
    if (workflowIdFromHash() !== id) window.history.replaceState(null, '', `#/workflows/${encodeURIComponent(id)}`);
  }, []);

  useEffect(() => {
    const onHash = () => {
      const id = workflowIdFromHash();
      if (id) open({ workflowId: id });
    };
    window.addEventListener('popstate', onHash);
    return () => window.removeEventListener('popstate', onHash);
  }, [open]);

  const go = (way: Way) => {
    setMenu(way);
    if (!switchRef.current?.(way)) open({ way });
  };

  return (
    <div className="app">
      <aside className="sidebar">
        <h1>Vendor portal</h1>
        <nav aria-label="Main">
          <ul>
            <li>
              <button aria-current={menu === 'order' ? 'page' : undefined} onClick={() => go('order')}>
                Orders
              </button>
            </li>
            <li>
              <button aria-current={menu === 'customer' ? 'page' : undefined} onClick={() => go('customer')}>
                Customers
              </button>
            </li>
          </ul>
        </nav>
        <Drafts drafts={drafts} onResume={(workflowId) => open({ workflowId })} />
      </aside>
      <Workflow
        key={start.key}
        apiKey={apiKey}
        start={start}
        onWorkflowId={onWorkflowId}
        switchRef={switchRef}
        onChanged={drafts.reload}
      />
    </div>
  );
}

function Drafts({ drafts, onResume }: { drafts: WorkflowList; onResume: (workflowId: string) => void }) {
  const resumable = drafts.workflows.filter((w) => w.step === 'form' || w.step === 'review');
  return (
    <section className="drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">Drafts</h2>
      {resumable.length === 0 ? (
        <p className="muted">No drafts</p>
      ) : (
        <ul {...drafts.getListProps({ 'aria-labelledby': 'drafts-heading' })}>
          {resumable.map((workflow) => (
            <li key={workflow.id} {...drafts.getItemProps(workflow)}>
              <button {...drafts.getResumeButtonProps(workflow, onResume, { 'aria-label': `Resume draft ${workflow.serial?.serial ?? workflow.id}` })}>
                {workflow.serial ? `${workflow.serial.customerName} · ${workflow.serial.serial.slice(0, 13)}…` : workflow.id.slice(0, 8)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
