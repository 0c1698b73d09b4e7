import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createServiceClient, type ServiceClient, type WorkflowStatus, type WorkflowSummary } from '../client/serviceClient.ts';
import { mergeProps, type ButtonProps, type ElementProps } from '../react/propGetters.ts';

/** Options of `useWorkflowList`. */
export interface WorkflowListOptions {
  baseUrl: string;
  apiKey: string;
  /** Which workflows: `active` (drafts to resume, the default), `submitted` or `cancelled`. */
  status?: WorkflowStatus;
  /** How many workflows a page holds (the service's default when absent). */
  pageSize?: number;
  /** A client to use instead of building one (tests, instrumentation). */
  client?: ServiceClient;
}

/** What `useWorkflowList` returns. */
export interface WorkflowList {
  workflows: readonly WorkflowSummary[];
  isLoading: boolean;
  /** Why the last load failed, or null. */
  error: Error | null;
  /** Loads the list again (first page). */
  reload: () => void;
  /** The service has more workflows than listed. */
  hasMore: boolean;
  /** Appends the next page. */
  loadMore: () => void;
  /** The list: `aria-busy` while loading. */
  getListProps: (userProps?: ElementProps) => ElementProps;
  /** One workflow's item: `data-state` is its machine state's top level (e.g. `orderForm`). */
  getItemProps: (workflow: WorkflowSummary, userProps?: ElementProps) => ElementProps;
  /** "Resume": calls `onResume(id)`; the host mounts `useLicenseUpdateOrder({ mode: 'remote', workflowId: id, … })`. */
  getResumeButtonProps: (workflow: WorkflowSummary, onResume: (workflowId: string) => void, userProps?: ButtonProps) => ButtonProps;
}

const topState = (workflow: WorkflowSummary) => (typeof workflow.state === 'string' ? workflow.state : (Object.keys(workflow.state)[0] ?? ''));

/** The tenant's workflows from the service (`GET /api/update-orders?status=`): a "resume draft" list. */
export function useWorkflowList({ baseUrl, apiKey, status = 'active', pageSize, client: given }: WorkflowListOptions): WorkflowList {
  const client = useMemo(() => given ?? createServiceClient({ baseUrl, apiKey }), [given, baseUrl, apiKey]);
  const [workflows, setWorkflows] = useState<readonly WorkflowSummary[]>([]);
  const [isLoading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const [generation, setGeneration] = useState(0);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    const request = ++latest.current;
    setLoading(true);
    client.listWorkflows({ status, limit: pageSize }, { signal: controller.signal }).then(
      (page) => {
        if (request !== latest.current) return;
        setWorkflows(page.items);
        setNextCursor(page.nextCursor);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (request !== latest.current || controller.signal.aborted) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [client, status, pageSize, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    const request = ++latest.current;
    setLoading(true);
    client.listWorkflows({ status, cursor: nextCursor, limit: pageSize }).then(
      (page) => {
        if (request !== latest.current) return;
        setWorkflows((current) => [...current, ...page.items.filter((item) => !current.some((w) => w.id === item.id))]);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setLoading(false);
      },
    );
  }, [client, status, pageSize, nextCursor]);

  return {
    workflows,
    isLoading,
    error,
    reload,
    hasMore: nextCursor !== null,
    loadMore,
    getListProps: (userProps) => mergeProps<ElementProps, ElementProps>({ 'aria-busy': isLoading ? 'true' : undefined, 'data-state': error ? 'error' : isLoading ? 'loading' : 'idle' }, userProps),
    getItemProps: (workflow, userProps) => mergeProps<ElementProps, ElementProps>({ 'data-state': topState(workflow), 'data-workflow': workflow.id }, userProps),
    getResumeButtonProps: (workflow, onResume, userProps) =>
      mergeProps<ButtonProps, ButtonProps>({ type: 'button', 'data-workflow': workflow.id, onClick: () => onResume(workflow.id) }, userProps),
  };
}
