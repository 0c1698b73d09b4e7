import { createWorkflowRuntime, type WorkflowRuntime } from '../../workflow/runtime.ts';
import { shared } from '../shared.ts';

declare module 'fastify' {
  interface FastifyInstance {
    workflows: WorkflowRuntime;
  }
}

export type WorkflowRuntimePluginOptions = {
  /** The clock the runtime reads (tests pin it). */
  clock?: () => Date;
};

/** Built once at start: the hot path does no set-up work per request. */
export default shared<WorkflowRuntimePluginOptions>('workflow-runtime', async (app, options) => {
  app.decorate('workflows', createWorkflowRuntime(app.db, options.clock));
});
