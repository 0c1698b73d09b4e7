import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition, EventObject } from 'xstate';
import { getStateNodes } from 'xstate/graph';

/** One transition of the chart as written: from a state node, on an event, behind a guard, to targets. */
export interface ChartEdge {
  /** Readable and unique: `orderForm.editing —nav.back [isFromOrigin(serialResults)]→ serialDefinition.results`. */
  id: string;
  source: string;
  event: string;
  guard: string | null;
  targets: string[];
}

/** The chart's state nodes and transitions, and which of them a step takes. */
export interface Chart {
  /** Every state node but the root, as dotted paths (`customerSelection.card.serialsTab.idle`). */
  stateNodes: string[];
  edges: ChartEdge[];
  /** The dotted paths of the state nodes a snapshot is in (every level, not only the leaves). */
  nodesOf(snapshot: { _nodes: readonly AnyStateNode[] }): string[];
  /** The edges the machine takes for `event` in `snapshot` (none when every guard refuses). */
  edgesTaken(snapshot: unknown, event: EventObject): ChartEdge[];
}

export const ROOT_LABEL = '(root)';

function nodePath(node: AnyStateNode): string {
  return node.path.length === 0 ? ROOT_LABEL : node.path.join('.');
}

function describeGuard(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'inline guard';
  if (typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: string; params?: unknown };
    if (params === undefined || typeof params === 'function') return type;
    const values = typeof params === 'object' && params !== null ? Object.values(params).map(String).join(', ') : String(params);
    return `${type}(${values})`;
  }
  return 'guard';
}

/** Reads the chart from the real machine: the same definition the actor runs, so coverage cannot drift from it. */
export function readChart(machine: AnyStateMachine): Chart {
  const nodes = [machine.root, ...getStateNodes(machine.root)];
  const edges: ChartEdge[] = [];
  const byTransition = new Map<AnyTransitionDefinition, ChartEdge>();
  const seen = new Set<string>();
  for (const node of nodes) {
    for (const [event, transitions] of node.transitions) {
      for (const transition of transitions) {
        const source = nodePath(node);
        const guard = describeGuard(transition.guard);
        const targets = (transition.target ?? []).map(nodePath);
        let id = `${source} —${event}${guard ? ` [${guard}]` : ''}→ ${targets.length > 0 ? targets.join(', ') : '(stays)'}`;
        // Two identical-looking transitions (same source, event, guard, target) are still two edges.
        for (let n = 2; seen.has(id); n += 1) id = `${id} #${n}`;
        seen.add(id);
        const edge: ChartEdge = { id, source, event, guard, targets };
        edges.push(edge);
        byTransition.set(transition, edge);
      }
    }
  }
  return {
    stateNodes: nodes.filter((n) => n !== machine.root).map(nodePath),
    edges,
    nodesOf: (snapshot) => snapshot._nodes.filter((n) => n !== machine.root).map(nodePath),
    edgesTaken: (snapshot, event) => {
      const s = snapshot as { status?: string };
      if (s.status !== 'active') return [];
      const taken = machine.getTransitionData(snapshot as never, event as never);
      return taken.map((t) => {
        const edge = byTransition.get(t);
        if (!edge) throw new Error(`A transition on "${event.type}" is not part of the chart read from the machine`);
        return edge;
      });
    },
  };
}
