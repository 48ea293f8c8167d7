import type { SqlEntityManager } from '@mikro-orm/knex';
import { ConflictError } from './errors.js';

// Optimistic locking: every editable row carries a version; a write names the version it read.

export function assertVersion(current: number, expected: number, what: string): void {
  if (current !== expected) {
    throw new ConflictError(
      `${what} was changed by someone else (now version ${current}); reload and try again`,
      current,
    );
  }
}

/** A concurrent writer that got there first turns into CONFLICT, never a silent overwrite. */
export async function flushOrConflict(em: SqlEntityManager, what: string): Promise<void> {
  try {
    await em.flush();
  } catch (err) {
    if (isConcurrencyError(err)) throw new ConflictError(`${what} was changed by someone else; reload and try again`);
    throw err;
  }
}

export function isConcurrencyError(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name ?? '';
  return name === 'OptimisticLockError' || name === 'UniqueConstraintViolationException';
}
