import { assessIncident, validateIncidentStatusChange, type IncidentStatus } from '@steward/policy-core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { BadInputError } from '../common/errors.js';
import type { Actor, AppDeps } from '../context.js';
import { Incident } from '../incidents/incident.entity.js';
import { incidentFacts, statusFacts } from '../incidents/incident-facts.js';
import type { RecordIncidentInput } from '../incidents/incident.inputs.js';
import { IncidentService } from '../incidents/incident.service.js';

/**
 * The demo's status changes, through policy-core's workflow rule with their step and ledger entry.
 * (The register's own status mutation is the incidents API's; the demo needs only OPEN → ASSESSING → CLOSED.)
 */
class DemoIncidentService extends IncidentService {
  async moveTo(id: string, to: IncidentStatus): Promise<void> {
    await this.inTransaction(async (tx) => {
      const incident = await tx.em.findOneOrFail(Incident, { id });
      const check = validateIncidentStatusChange(
        incident.status,
        to,
        statusFacts(incident, assessIncident(incidentFacts(incident)), 0),
      );
      if (!check.ok) throw new BadInputError(check.issues);
      const from = incident.status;
      const now = tx.deps.now();
      incident.status = to;
      incident.updatedAt = now;
      if (to === 'CLOSED') incident.closedAt = now;
      await tx.em.flush();
      await tx.appendStep(incident, 'STATUS_CHANGED', { from, to }, null, tx.stepActor());
    });
  }
}

type Day = (back: number, minutes?: number) => Date;
const service = (em: SqlEntityManager, deps: AppDeps, officer: Actor) => (at: Date) =>
  new DemoIncidentService(em.fork(), officer, { ...deps, now: () => at });

/**
 * The register's closed case: a minor loss on `back` days ago, assessed not reportable and closed the
 * same day. Written on clocks set to then (the ledger's times run forward with its sequence).
 */
export async function seedClosedDemoIncident(
  em: SqlEntityManager,
  deps: AppDeps,
  officer: Actor,
  day: Day,
  back: number,
  providerIds: readonly string[],
): Promise<string> {
  const on = service(em, deps, officer);
  const minor = await on(day(back, 40)).record({
    kind: 'LOSS',
    title: '講習会の受付名簿（紙）1枚の紛失 / One page of a seminar sign-in sheet lost',
    awareAt: day(back, 40),
    occurredAt: day(back + 1),
    discovery: 'STAFF',
    cause: 'LOST_MEDIA',
    wrongfulPurposeSuspected: false,
    description: '受付名簿の1枚（氏名と所属のみ）が会場撤収時に見当たらなくなった。翌日、会場の遺失物として回収。',
    measures: '会場から回収し、第三者による閲覧がないことを確認。受付名簿はクリアファイルで管理することとした。',
    categories: ['NAME', 'AFFILIATION'],
    checklist: { sensitiveData: false, financialLossRisk: false, strongEncryptionKeySafe: false },
    affected: providerIds.length ? [{ selector: 'PICKED', providerIds: providerIds.slice(0, 3) }] : [],
    affectedCount: 3,
  } as RecordIncidentInput);
  await on(day(back, 41)).moveTo(minor.id, 'ASSESSING');
  await on(day(back, 42)).moveTo(minor.id, 'CLOSED');
  return minor.id;
}

/** The register's open case: a reportable leak (over 1,000 people) found 3 days ago, its preliminary report due soon. */
export async function seedOpenDemoIncident(
  em: SqlEntityManager,
  deps: AppDeps,
  officer: Actor,
  day: Day,
  providerIds: readonly string[],
): Promise<string> {
  const leak = await service(
    em,
    deps,
    officer,
  )(day(1, 180)).record({
    kind: 'LEAK',
    title: '会誌発送案内メールの宛先をBCCでなくCCで送信 / Journal notice e-mailed with addresses in CC',
    awareAt: day(3),
    occurredAt: day(4),
    discovery: 'PROVIDER_REPORT',
    cause: 'MISDELIVERY',
    wrongfulPurposeSuspected: false,
    description: '会誌発送の案内メールを、会員1,250名の宛先をCCに入れて送信した。会員からの連絡で判明。',
    measures: '受信者へ削除を依頼。一斉送信は配信ツールからのみ行うこととした。',
    categories: ['NAME', 'EMAIL'],
    checklist: { sensitiveData: false, financialLossRisk: false, strongEncryptionKeySafe: false },
    affected: providerIds.length ? [{ selector: 'PICKED', providerIds: [...providerIds] }] : [],
    affectedCount: 1250,
  } as RecordIncidentInput);
  return leak.id;
}
