import type { MailKind, MailStatus } from '@steward/schema';
import { vocabularyLabels } from '../../components/labels.js';

// policy-core's mail vocabulary (MAIL_KINDS, MAIL_STATUSES), labelled in the language on screen.

export const MAIL_KIND_LABEL: Readonly<Record<MailKind, string>> = vocabularyLabels('mailKind');

export const MAIL_STATUS_LABEL: Readonly<Record<MailStatus, string>> = vocabularyLabels('mailStatus');
