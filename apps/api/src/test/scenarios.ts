import {
  ApproveExceptionDocument,
  CreateExceptionDocument,
  CreateRecipientDocument,
  RecordCollectionDocument,
} from '@steward/schema';
import { buildCollectionInput, buildExceptionInput } from './factories.js';
import { inTransaction } from '../common/transaction.js';
import { LedgerService, type LedgerFact } from '../ledger/ledger.service.js';
import type { TestApp, TestClient } from './test-app.js';

/**
 * The journal courier, recorded through the API by the owner and approved by the privacy officer:
 * - `subscriber` (Kaito Mori) consented to JOURNAL_DELIVERY and EVENT_NEWS, with name, postal code,
 *   postal address and e-mail;
 * - `refuser` (Rin Abe) consented to EVENT_NEWS and refused JOURNAL_DELIVERY, with name and e-mail;
 * - `courierId`: Yamato Courier, a CONTRACTOR;
 * - `exception`: the courier's OUTSOURCING exception (`buildExceptionInput`), approved, as approved.
 */
export async function seedCourierScenario(owner: TestClient, officer: TestClient) {
  const subscriber = (
    await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        purposes: [
          { purposeKey: 'JOURNAL_DELIVERY', granted: true },
          { purposeKey: 'EVENT_NEWS', granted: true },
        ],
        items: [
          { category: 'NAME', value: 'Kaito Mori' },
          { category: 'POSTAL_CODE', value: '102-0073' },
          { category: 'POSTAL_ADDRESS', value: '1-5-9 Kudan-kita, Chiyoda-ku' },
          { category: 'EMAIL', value: 'kaito.mori@example.jp' },
        ],
      }),
    })
  ).recordCollection.provider;
  const refuser = (
    await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        purposes: [
          { purposeKey: 'EVENT_NEWS', granted: true },
          { purposeKey: 'JOURNAL_DELIVERY', granted: false },
        ],
        items: [
          { category: 'NAME', value: 'Rin Abe' },
          { category: 'EMAIL', value: 'rin.abe@example.jp' },
        ],
      }),
    })
  ).recordCollection.provider;
  const courierId = (await owner.ok(CreateRecipientDocument, { input: { name: 'Yamato Courier', kind: 'CONTRACTOR' } }))
    .createRecipient.id;
  const draft = (
    await owner.ok(CreateExceptionDocument, {
      input: buildExceptionInput('OUTSOURCING', {
        recipientId: courierId,
        providerId: subscriber.id,
        consentEventIds: [],
      }),
    })
  ).createException;
  const exception = (
    await officer.ok(ApproveExceptionDocument, { input: { id: draft.id, expectedVersion: draft.version } })
  ).approveException;
  return { subscriber, refuser, courierId, exception };
}

/** Appends `count` DECISION entries straight through the ledger service (a long chain without a request per entry). */
export async function appendDecisions(a: TestApp, count: number): Promise<void> {
  const fact: LedgerFact = {
    kind: 'DECISION',
    actor: 'system:test',
    categories: ['NAME'],
    outcome: 'DENIED',
    policyVersion: 1,
    payloadHash: 'f'.repeat(64),
  };
  await inTransaction(a.em(), (em) => new LedgerService(em, a.deps).append(Array.from({ length: count }, () => fact)));
}
