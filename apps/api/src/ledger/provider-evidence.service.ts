import { AuditService } from '../audit/audit.service.js';
import { badInput } from '../common/errors.js';
import { Service } from '../common/transaction.js';
import type { Actor } from '../context.js';
import { presentProviderEvidence } from './ledger-tree.presenter.js';
import { LedgerTreeService, signedTreeHeadOf } from './ledger-tree.service.js';
import type { LedgerProviderEvidenceType } from './ledger-tree.type.js';

/** Longest head text taken (a v2 head is ~400 characters). */
const HEAD_TEXT_MAX = 2000;

/**
 * A provider's evidence package for a member of staff: made by LedgerTreeService.providerEvidence and
 * audited as a read of the provider (it carries every ledger entry naming them).
 */
export class ProviderEvidenceService extends Service<Actor> {
  async evidence(providerId: string, earlierHeadText: string | null): Promise<LedgerProviderEvidenceType> {
    const earlierHead = earlierHeadText?.trim() ? headFromText(earlierHeadText) : null;
    const pkg = await new LedgerTreeService(this.em, this.deps).providerEvidence(providerId, earlierHead);
    const categories = new Set(pkg.entries.flatMap((e) => (e.content.categories as string[] | undefined) ?? []));
    await new AuditService(this.em, this.actor, this.deps).insertNow({
      action: 'provider.read',
      entityType: 'Provider',
      subject: pkg.providerId,
      providerIds: [pkg.providerId],
      detail: {
        view: 'ledgerEvidence',
        categories: [...categories],
        entries: pkg.entries.length,
        treeSize: pkg.head.treeSize,
      },
    });
    return presentProviderEvidence(pkg);
  }
}

function headFromText(text: string) {
  let parsed: unknown = null;
  try {
    parsed = text.length <= HEAD_TEXT_MAX ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  const head = signedTreeHeadOf(parsed);
  if (!head) throw badInput('earlierHead', 'INVALID_FORMAT', 'Not the JSON of a signed tree head');
  return head;
}
