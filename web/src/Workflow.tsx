import { useEffect, useRef } from 'react';
import {
  LicenseUpdateOrderProvider,
  useEffectFailure,
  useLastRefusal,
  useLicenseUpdateOrder,
  useNavigation,
  useSyncStatus,
  type LicenseUpdateOrderHandle,
} from 'license-update-kit/react';
import { selectStep } from 'license-update-kit/machines';
import { CustomerScreens, OrderScreens, SerialScreen } from './selection.tsx';
import { OrderFormScreen, ProductEditorScreen, ProductPickerScreen } from './orderForm.tsx';
import { ResultScreen, ReviewScreen } from './review.tsx';

type Way = 'serial' | 'order' | 'customer';

/** Which workflow to show: resume one by id, or start a new one on a way. */
export interface WorkflowStart {
  key: number;
  workflowId?: string;
  way?: Way;
}

/** Switches the workflow on screen to another way, if it has not reached the form; false when a new workflow is needed. */
export type WaySwitch = (way: Way) => boolean;

interface WorkflowProps {
  apiKey: string;
  start: WorkflowStart;
  onWorkflowId: (id: string) => void;
  /** Receives this workflow's way switch (the menu uses it). */
  switchRef: { current: WaySwitch | null };
  onChanged: () => void;
}

const SELECTION_STEPS = new Set(['entry', 'serial', 'order', 'customer']);

/** Back to the entry selection, one screen at a time, then onto the other way: the same workflow, no abandoned ones. */
function switchWay(handle: LicenseUpdateOrderHandle, way: Way): boolean {
  const current = () => handle.store.getSnapshot().snapshot;
  if (!SELECTION_STEPS.has(selectStep(current())) || current().hasTag('busy')) return false;
  for (let i = 0; i < 6 && !current().hasTag('step:entry'); i++) {
    if (!handle.send({ type: 'nav.back' })) return false;
  }
  return handle.send({ type: 'way.select', way });
}

const STEP_NAMES: Record<string, string> = {
  serial: 'Serial number',
  order: 'Order',
  customer: 'Customer',
  license: 'License',
  form: 'License Update',
  review: 'Review',
  submitted: 'Submitted',
};

/** One workflow, in remote mode against this service: the machine runs here, the service is authoritative. */
export function Workflow({ apiKey, start, onWorkflowId, switchRef, onChanged }: WorkflowProps) {
  const handle = useLicenseUpdateOrder({
    mode: 'remote',
    baseUrl: '',
    apiKey,
    ...(start.workflowId ? { workflowId: start.workflowId } : {}),
    onWorkflowId,
  });
  useStartWay(handle, start.workflowId ? undefined : start.way);
  switchRef.current = (way) => switchWay(handle, way);
  useEffect(onChanged, [handle.step, handle.isFinal, onChanged]);

  return (
    <LicenseUpdateOrderProvider value={handle}>
      <main>
        <Header handle={handle} />
        {handle.isReady ? <Screen statePath={handle.statePath} onStartWay={(way) => switchWay(handle, way)} /> : <p>Loading the workflow…</p>}
      </main>
    </LicenseUpdateOrderProvider>
  );
}

/** A new workflow opens on the way its menu names. */
function useStartWay(handle: LicenseUpdateOrderHandle, way: Way | undefined) {
  const sent = useRef(false);
  useEffect(() => {
    if (!way || sent.current || !handle.isReady || handle.step !== 'entry') return;
    sent.current = true;
    handle.send({ type: 'way.select', way });
  }, [handle, way]);
}

function Header({ handle }: { handle: LicenseUpdateOrderHandle }) {
  const nav = useNavigation();
  const sync = useSyncStatus();
  const failure = useEffectFailure();
  const refusal = useLastRefusal();
  const steps = ['serial', 'order', 'customer'].includes(handle.step) ? [handle.step, 'form', 'review', 'submitted'] : ['form', 'review', 'submitted'];
  return (
    <>
      <header>
        {!nav.isFinal && nav.canGoBack && <button {...nav.getBackButtonProps()}>Back</button>}
        <ol className="steps" aria-label="Steps">
          {steps.map((step) => (
            <li key={step} aria-current={handle.step === step ? 'step' : undefined}>
              {STEP_NAMES[step] ?? step}
            </li>
          ))}
        </ol>
        <span className="sync" {...sync.getStatusProps({ 'aria-label': 'Sync status' })}>
          {sync.syncStatus === 'idle' ? 'Saved' : sync.syncStatus === 'offline' ? 'Offline — changes kept' : sync.syncStatus}
        </span>
        {!nav.isFinal && handle.step !== 'entry' && <button {...nav.getCancelButtonProps()}>Cancel</button>}
      </header>
      {failure.failure && (
        <div className="notice failure">
          <p {...failure.getAlertProps()}>{failure.failure.message}</p>
          {failure.canRetry && <button {...failure.getRetryButtonProps()}>Retry</button>}
        </div>
      )}
      {refusal.refusal && (
        <div className="notice">
          <p {...refusal.getMessageProps()}>{refusal.refusal.message}</p>
        </div>
      )}
    </>
  );
}

function Screen({ statePath, onStartWay }: { statePath: string; onStartWay: (way: Way) => void }) {
  const [top] = statePath.split('.');
  const nav = useNavigation();
  switch (top) {
    case 'entrySelection':
      return <p>Choose Orders or Customers in the menu.</p>;
    case 'serialDefinition':
      return <SerialScreen />;
    case 'orderSelection':
      return <OrderScreens statePath={statePath} onUpdateLicense={() => onStartWay('serial')} />;
    case 'customerSelection':
      return <CustomerScreens statePath={statePath} />;
    case 'loadingLicense':
      return <p {...nav.getStepRegionProps()}>Loading the license…</p>;
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
