import type { MikroORM } from '@mikro-orm/core';
import type { AppDeps } from '../context.js';
import { treeState } from '../ledger/ledger-tree.queries.js';
import { LedgerTreeChainError, LedgerTreeService } from '../ledger/ledger-tree.service.js';
import { JobFailure, type JobKindDefinition, type JobRunner } from './job-runner.js';

/** The progress message key of a tree build: `done` of `total` entry numbers covered. */
export const LEDGER_TREE_BUILD_PROGRESS = 'ledger.tree.entries';
/** Entries per batch: each batch holds the head's lock (appends wait for it), so a batch stays short. */
const BATCH = 2000;

/**
 * Builds the ledger's Merkle tree over entries written before it existed (or while it lagged): in
 * batches, each its own transaction under the ledger head's lock, from the reach recorded on the head
 * row — so a stopped or killed job resumes where the last committed batch ended. Appends write leaves
 * only while the tree has caught up; until then they leave their entries to this job, which runs
 * until it reaches the head (ledger-tree.service.ts). When it does, it signs the tree head.
 */
export const ledgerTreeBuildJob: JobKindDefinition = {
  kind: 'LEDGER_TREE_BUILD',
  maxAttempts: 5,
  backoffSeconds: 30,
  async run({ em, deps, progress, payload }) {
    const batch = typeof payload.batchSize === 'number' && payload.batchSize >= 1 ? payload.batchSize : BATCH;
    const tree = new LedgerTreeService(em, deps);
    for (;;) {
      let step;
      try {
        step = await tree.buildBatch(batch);
      } catch (err) {
        if (!(err instanceof LedgerTreeChainError)) throw err;
        // A broken chain stays broken: no retry; the ledger verification names what is wrong.
        throw new JobFailure('LEDGER_CHAIN_BROKEN', { retry: false, result: { sequence: err.sequence } });
      }
      await progress(step.treeSequence, step.headSequence, LEDGER_TREE_BUILD_PROGRESS);
      if (step.done) return { treeSize: step.treeSize, headSequence: step.headSequence };
    }
  },
};

/**
 * At start: enqueues the build when the tree lags the ledger (a ledger older than the tree, or a
 * build that ended early). Instances starting together read the same state, hence the same unique
 * key: one job.
 */
export async function enqueueLedgerTreeBuild(orm: MikroORM, jobs: JobRunner, deps: AppDeps): Promise<string | null> {
  const state = await treeState(orm.em.fork());
  if (state.treeSequence >= state.sequence) return null;
  deps.log.info(
    `The ledger's Merkle tree lags the ledger (entry ${state.treeSequence} of ${state.sequence}): building it`,
  );
  return jobs.enqueue(
    'LEDGER_TREE_BUILD',
    {},
    { uniqueKey: `LEDGER_TREE_BUILD:${state.treeSequence}:${state.sequence}` },
  );
}
