import type { Issue } from '@steward/policy-core';
import type { IssueType } from './issue.type.js';

export function presentIssue(issue: Issue): IssueType {
  return { field: issue.field, code: issue.code, message: issue.message };
}
