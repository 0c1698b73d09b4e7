import type { Chart } from './chart.ts';
import type { ModelPath, ModelStep } from './paths.ts';

export interface PathFailure {
  pathId: string;
  /** The step that failed (1-based; 0 is the initial state). */
  step: number;
  message: string;
  /** The path as a bug report: states and events up to the end. */
  description: string;
}

/** Like GraphWalker's report: totals, visited and unvisited, coverage %, edges not visited, failures. */
export interface CoverageReport {
  generator: string;
  /** The random walk's seed, when a walk produced the paths: run it again with this seed to replay. */
  seed: number | null;
  paths: number;
  steps: number;
  totalStateNodes: number;
  visitedStateNodes: number;
  stateNodeCoverage: number;
  unvisitedStateNodes: string[];
  totalEdges: number;
  visitedEdges: number;
  edgeCoverage: number;
  edgesNotVisited: string[];
  failures: PathFailure[];
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 10_000) / 100);

/** Counts the state nodes and edges steps visit, against the chart read from the machine. */
export class CoverageTracker {
  private readonly nodes = new Set<string>();
  private readonly edges = new Set<string>();
  private pathCount = 0;
  private stepCount = 0;

  constructor(private readonly chart: Chart) {}

  visitPath(path: Pick<ModelPath, 'initial'>): void {
    this.pathCount += 1;
    for (const node of this.chart.nodesOf(path.initial)) this.nodes.add(node);
  }

  visitStep(step: ModelStep): void {
    this.stepCount += 1;
    for (const node of this.chart.nodesOf(step.state)) this.nodes.add(node);
    for (const edge of step.edges) this.edges.add(edge.id);
  }

  /** Every step of every path, as if all passed: the model's own coverage, before any adapter runs. */
  visitAll(paths: readonly ModelPath[]): this {
    for (const path of paths) {
      this.visitPath(path);
      for (const step of path.steps) this.visitStep(step);
    }
    return this;
  }

  edgeVisited(edgeId: string): boolean {
    return this.edges.has(edgeId);
  }

  get edgePercent(): number {
    return percent(this.edges.size, this.chart.edges.length);
  }

  get stateNodePercent(): number {
    return percent(this.nodes.size, this.chart.stateNodes.length);
  }

  report(extra: { generator: string; seed?: number | null; failures?: PathFailure[] }): CoverageReport {
    const unvisitedStateNodes = this.chart.stateNodes.filter((n) => !this.nodes.has(n));
    const edgesNotVisited = this.chart.edges.filter((e) => !this.edges.has(e.id)).map((e) => e.id);
    return {
      generator: extra.generator,
      seed: extra.seed ?? null,
      paths: this.pathCount,
      steps: this.stepCount,
      totalStateNodes: this.chart.stateNodes.length,
      visitedStateNodes: this.chart.stateNodes.length - unvisitedStateNodes.length,
      stateNodeCoverage: this.stateNodePercent,
      unvisitedStateNodes,
      totalEdges: this.chart.edges.length,
      visitedEdges: this.chart.edges.length - edgesNotVisited.length,
      edgeCoverage: this.edgePercent,
      edgesNotVisited,
      failures: extra.failures ?? [],
    };
  }
}

/** The report as text, for a log or a CI artefact. */
export function formatReport(report: CoverageReport): string {
  const lines = [
    `Model-based test report (${report.generator}${report.seed !== null ? `, seed ${report.seed}` : ''})`,
    `  paths: ${report.paths}, steps: ${report.steps}, failures: ${report.failures.length}`,
    `  state nodes: ${report.visitedStateNodes}/${report.totalStateNodes} (${report.stateNodeCoverage}%)`,
    `  edges: ${report.visitedEdges}/${report.totalEdges} (${report.edgeCoverage}%)`,
  ];
  if (report.unvisitedStateNodes.length > 0) lines.push('  unvisited state nodes:', ...report.unvisitedStateNodes.map((n) => `    ${n}`));
  if (report.edgesNotVisited.length > 0) lines.push('  edgesNotVisited:', ...report.edgesNotVisited.map((e) => `    ${e}`));
  for (const failure of report.failures) lines.push(`  FAILED ${failure.pathId} at step ${failure.step}: ${failure.message}`, failure.description);
  return lines.join('\n');
}
