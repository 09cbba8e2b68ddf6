import type { WriteState } from './plan-types';
import type { RunRecord, RunStore, StoredPlan } from './run-store';

/**
 * A RunStore in memory, for tests, the benchmark and anything that needs no persistence. Like
 * IndexedDB it keeps copies: what the engine changes after saving is not seen until saved again
 * (entries, which the engine never changes, are kept as given, frozen).
 */
const copy = <T>(value: T): T => structuredClone(value);

export function createMemoryRunStore(): RunStore {
  const locks = new Map<string, string>();
  const runs = new Map<string, RunRecord>();
  const plans = new Map<string, StoredPlan>();

  return {
    async lock(mappingId, runId) {
      const holder = locks.get(mappingId);
      if (holder !== undefined && holder !== runId) return { ok: false, holder };
      locks.set(mappingId, runId);
      return { ok: true };
    },
    async unlock(mappingId, runId) {
      if (locks.get(mappingId) === runId) locks.delete(mappingId);
    },
    holder: async (mappingId) => locks.get(mappingId),
    async saveRun(run) {
      runs.set(run.id, copy(run));
    },
    loadRun: async (runId) => copy(runs.get(runId)),
    async savePlan(runId, plan) {
      plans.set(runId, { entries: Object.freeze(plan.entries.map((entry) => Object.freeze(entry))), states: copy(plan.states) });
    },
    async loadPlan(runId) {
      const plan = plans.get(runId);
      return plan && { entries: plan.entries, states: copy(plan.states) };
    },
    async saveStates(runId, changes) {
      const plan = plans.get(runId);
      if (!plan) throw new Error(`No plan is stored for run ${runId}.`);
      for (const [index, state] of changes) plan.states[index] = copy(state) as WriteState;
    },
  };
}
