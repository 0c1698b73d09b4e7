import { describe, expect, it } from 'vitest';
import * as testing from 'license-update-kit/testing';

describe('the license-update-kit/testing export', () => {
  it('offers the model, the event cases, the key, coverage, reports, walks and adapters', () => {
    for (const name of [
      'createLicenseUpdateTestModel',
      'createDemoEventCases',
      'serializeState',
      'readChart',
      'CoverageTracker',
      'formatReport',
      'runPaths',
      'createMachineAdapter',
      'seededRandom',
      'startWorkflow',
    ]) {
      expect(typeof (testing as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('builds a model of the real machine from the package entry alone', () => {
    const model = testing.createLicenseUpdateTestModel();
    const path = model.pathFromEvents([{ type: 'way.select', way: 'order' }]);
    expect(path.target).toBe('orderSelection.searching');
    expect(path.steps[0]!.edges.map((e) => e.id)).toEqual(['entrySelection —way.select [isWay(order)]→ orderSelection']);
  });
});
