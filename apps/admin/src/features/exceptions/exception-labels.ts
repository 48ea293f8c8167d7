import type { ExceptionKind, ExceptionStatus, MeetingKind, RecipientKind } from '@steward/schema';

export const EXCEPTION_KIND_LABEL: Record<ExceptionKind, string> = {
  LAW: 'Required by law',
  PROVIDER_AGREEMENT: 'Agreed by the provider',
  OUTSOURCING: 'Outsourcing',
  BOARD_APPROVAL: 'Board or general-meeting approval',
};

export const EXCEPTION_STATUS_LABEL: Record<ExceptionStatus, string> = {
  DRAFT: 'Draft',
  ACTIVE: 'Active',
  NOT_YET_VALID: 'Not yet valid',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
};

export const EXCEPTION_STATUS_COLOR: Record<ExceptionStatus, string> = {
  DRAFT: 'gray',
  ACTIVE: 'teal',
  NOT_YET_VALID: 'yellow',
  REVOKED: 'red',
  EXPIRED: 'orange',
};

export const EXCEPTION_STATUSES: ExceptionStatus[] = ['DRAFT', 'ACTIVE', 'NOT_YET_VALID', 'REVOKED', 'EXPIRED'];

export const MEETING_KIND_LABEL: Record<MeetingKind, string> = { GENERAL: 'General meeting', BOARD: 'Board meeting' };

export const RECIPIENT_KIND_LABEL: Record<RecipientKind, string> = {
  CONTRACTOR: 'Contractor',
  THIRD_PARTY: 'Third party',
  AUTHORITY: 'Authority',
};
export const RECIPIENT_KINDS: RecipientKind[] = ['CONTRACTOR', 'THIRD_PARTY', 'AUTHORITY'];
