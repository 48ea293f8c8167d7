import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES } from '../vocabulary/roles.js';
import { jobAbilities } from './job-abilities.js';
import { JOB_STATUSES, jobFinished } from './job-vocabulary.js';

describe('jobAbilities', () => {
  it('lets only owners cancel, and only a queued job', () => {
    for (const role of ADMIN_ROLES)
      for (const status of JOB_STATUSES)
        expect(jobAbilities(role, status).cancel).toBe(role === 'OWNER' && status === 'QUEUED');
    expect(jobAbilities(null, 'QUEUED').cancel).toBe(false);
  });
});

describe('jobFinished', () => {
  it('is true for the three ends, false while queued or running', () => {
    expect(JOB_STATUSES.filter(jobFinished)).toEqual(['SUCCEEDED', 'FAILED', 'CANCELLED']);
  });
});
