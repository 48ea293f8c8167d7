import type { SqlEntityManager } from '@mikro-orm/knex';
import { ledgerVerificationDetectorKey, type Language, type MessageKey } from '@steward/policy-core';
import type { AppDeps } from '../../context.js';
import { formatMessage } from '../../i18n/messages.js';
import type { LedgerVerificationResult } from '../../ledger/ledger.service.js';
import { IncidentService } from '../incident.service.js';

/** Both languages, Japanese first: the incident is read by whoever is on duty, whatever their language. */
function bilingual(key: MessageKey, params: Record<string, string | number>, separator: string): string {
  return (['ja', 'en'] as Language[]).map((l) => formatMessage(l, key, params)).join(separator);
}

/**
 * A failed ledger verification opens a FALSIFICATION incident (discovery LEDGER_VERIFICATION): the
 * chain no longer proves what was done with people's data, which the law treats as damage
 * (毀損; policy-core incident-vocabulary.ts). Its cause is UNKNOWN and a wrongful purpose is not
 * assumed until staff assess it (that choice moves the final report from 30 to 60 days). The
 * description is the verification's finding — the entry it failed at and why — in Japanese and
 * English. Idempotent per verification job: a retried or re-read job opens nothing more.
 */
export async function openLedgerVerificationIncident(
  em: SqlEntityManager,
  deps: AppDeps,
  jobId: string,
  result: LedgerVerificationResult,
): Promise<{ id: string; reference: string; created: boolean } | null> {
  const failure = result.firstFailure;
  if (result.ok || !failure) return null;
  const params = { sequence: failure.sequence, at: failure.at ?? failure.sequence };
  const findings = Object.fromEntries(
    (['ja', 'en'] as Language[]).map((l) => [l, formatMessage(l, `ledgerFailure.${failure.code}`, params)]),
  ) as Record<Language, string>;
  const description = (['ja', 'en'] as Language[])
    .map((l) =>
      formatMessage(l, 'incidentDetector.LEDGER_VERIFICATION.description', {
        jobId,
        checked: result.checkedEntries,
        head: result.headSequence,
        finding: findings[l],
      }),
    )
    .join('\n\n');
  return new IncidentService(em.fork(), null, deps).openDetectedIncident({
    detectorKey: ledgerVerificationDetectorKey(jobId),
    kind: 'FALSIFICATION',
    discovery: 'LEDGER_VERIFICATION',
    title: bilingual('incidentDetector.LEDGER_VERIFICATION.title', { sequence: failure.sequence }, ' / '),
    description,
    cause: 'UNKNOWN',
    wrongfulPurposeSuspected: false,
    awareAt: deps.now(),
  });
}
