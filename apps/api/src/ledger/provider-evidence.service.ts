import { AuditService } from '../audit/audit.service.js';
import { BadInputError } from '../common/errors.js';
import { Service } from '../common/transaction.js';
import type { Actor } from '../context.js';
import { presentProviderEvidence } from './ledger-tree.presenter.js';
import { checkEarlierHead } from './earlier-head.js';
import { LedgerTreeService } from './ledger-tree.service.js';
import type { LedgerProviderEvidenceType } from './ledger-tree.type.js';

/**
 * A provider's evidence package for a member of staff: made by LedgerTreeService.providerEvidence and
 * audited as a read of the provider (it carries every ledger entry naming them).
 */
export class ProviderEvidenceService extends Service<Actor> {
  async evidence(providerId: string, earlierHeadText: string | null): Promise<LedgerProviderEvidenceType> {
    // Checked as a request's is (shape, our signature, not ahead of the tree unless a restore explains it).
    const checked = earlierHeadText?.trim() ? await checkEarlierHead(this.em, this.deps.cipher, earlierHeadText) : null;
    if (checked && !checked.ok) throw new BadInputError(checked.issues);
    const earlierHead = checked?.head ?? null;
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
