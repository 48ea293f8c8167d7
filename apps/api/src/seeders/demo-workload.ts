import type { SqlEntityManager } from '@mikro-orm/knex';
import { randomBytes } from 'node:crypto';
import { AuthService, actorOf } from '../auth/auth.service.js';
import type { Actor, AppDeps } from '../context.js';
import { DecisionService } from '../decisions/decision.service.js';
import { seedClosedDemoIncident, seedOpenDemoIncident } from './demo-incidents.js';
import type { CreateExceptionInput } from '../exceptions/exception.inputs.js';
import { ExceptionService } from '../exceptions/exception.service.js';
import { InquiryService } from '../inquiries/inquiry.service.js';
import { authenticatePartner } from '../partners/partner-auth.js';
import { PendingDisclosures } from '../ledger/disclosures.js';
import { PartnerService } from '../partners/partner.service.js';
import { Provider } from '../providers/provider.entity.js';
import { RecipientService } from '../recipients/recipient.service.js';
import { RequestIntakeService } from '../requests/request-intake.service.js';

const DAY = 86_400_000;

/** How far back the demo's history starts: the ledger's and the activity charts' default window. */
export const DEMO_HISTORY_DAYS = 28;

/** The demo's second member of staff: a privacy officer, so an exception can be approved by a second person. */
export const DEMO_OFFICER = { email: 'officer@demo.steward.example', displayName: '佐藤 花子 (Demo privacy officer)' };
export const DEMO_RECIPIENT = '株式会社ヤマブキ配送 (Yamabuki Delivery Co.)';

export interface DemoWorkload {
  officerPassword: string;
  recipientId: string;
  approvedExceptionId: string;
  draftExceptionId: string;
  partnerCredentialId: string;
  decisions: number;
  provisions: number;
  requestId: string;
  inquiryId: string;
  incidentIds: { closedId: string; openId: string };
}

/** The same dependencies on a clock set to `at`: the demo's history is written as if it happened then. */
const on = (deps: AppDeps, at: Date): AppDeps => ({ ...deps, now: () => at });

// The decisions the secretariat asks each day, in turn: (provider reference, purpose, categories, recipient?).
const DAILY_USES: readonly {
  reference: string;
  purposeKey: string;
  categories: ('NAME' | 'EMAIL' | 'POSTAL_ADDRESS' | 'POSTAL_CODE' | 'AFFILIATION')[];
  provide?: true;
}[] = [
  { reference: 'JSPE-M-000101', purposeKey: 'MEMBERSHIP_ADMINISTRATION', categories: ['NAME', 'EMAIL'] },
  {
    reference: 'JSPE-M-000102',
    purposeKey: 'JOURNAL_DELIVERY',
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
    provide: true,
  },
  { reference: 'JSPE-S-000301', purposeKey: 'EVENT_NEWS', categories: ['NAME', 'EMAIL'] },
  { reference: 'JSPE-M-000103', purposeKey: 'EVENT_NEWS', categories: ['EMAIL'] },
  { reference: 'JSPE-B-000201', purposeKey: 'BUSINESS_LIAISON', categories: ['NAME', 'AFFILIATION'] },
  { reference: 'JSPE-S-000303', purposeKey: 'JOURNAL_DELIVERY', categories: ['NAME', 'POSTAL_ADDRESS'], provide: true },
];

/**
 * The rest of the demo, after the demo providers (demo-providers.ts): a second member of staff, a
 * delivery company with an approved outsourcing exception (names and addresses for the journal) and
 * a partner key, a draft exception waiting for the owner's approval, decisions and the delivery
 * company's reads (provisions) over the last DEMO_HISTORY_DAYS days, an open disclosure request and
 * a new inquiry, two incidents (seeders/demo-incidents.ts) — all through the services real data goes through, each on a clock set to the day it
 * is dated, oldest first, so the ledger's times run forward with its sequence. Deterministic but for
 * the ids and the officer's password (generated, shown once by the caller).
 */
export async function seedDemoWorkload(em: SqlEntityManager, deps: AppDeps, owner: Actor): Promise<DemoWorkload> {
  const now = deps.now();
  // Whole UTC days back from today, at 09:00 Japan time (00:00 UTC), plus a few minutes per step.
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const day = (back: number, minutes = 0) => new Date(Math.min(today - back * DAY + minutes * 60_000, now.getTime()));
  const start = DEMO_HISTORY_DAYS + 2;

  // A second member of staff, created by the owner as the admin users screen does.
  const officerPassword = randomBytes(15).toString('base64url');
  const officerUser = await new AuthService(em.fork(), on(deps, day(start))).createAdminUser(owner, {
    ...DEMO_OFFICER,
    role: 'PRIVACY_OFFICER',
    password: officerPassword,
  });
  const officer = actorOf(officerUser, '');

  // The delivery company, its outsourcing exception (drafted by the owner, approved by the officer) and its key.
  const recipients = new RecipientService(em.fork(), owner, on(deps, day(start, 60)));
  const recipient = await recipients.create({
    name: DEMO_RECIPIENT,
    kind: 'CONTRACTOR',
    contact: '東京都江東区新砂1-2-3 (1-2-3 Shinsuna, Koto-ku, Tokyo)',
    notes: 'Delivers the journal to members each month.',
  });
  const draft = await new ExceptionService(em.fork(), owner, on(deps, day(start, 90))).create(
    outsourcing(recipient.id, day(start, 90)),
  );
  const approved = await new ExceptionService(em.fork(), officer, on(deps, day(start - 1))).approve(
    draft.id,
    draft.version,
  );
  const issued = await new RecipientService(em.fork(), owner, on(deps, day(start - 1, 30))).issueKey(
    recipient.id,
    'Delivery system',
  );
  const partner = await authenticatePartner(em, on(deps, day(start - 1, 30)), issued.key);

  // A board-approved notice drafted by the officer: waits for the owner's approval (four eyes).
  const waiting = await new ExceptionService(em.fork(), officer, on(deps, day(3))).create(boardApproval(day(5)));

  // Decisions every day, and the delivery company's read of its providers every Monday (provisions).
  const providers = new Map(
    (await em.fork().find(Provider, { reference: { $in: DAILY_USES.map((u) => u.reference) } })).map((p) => [
      p.reference,
      p.id,
    ]),
  );
  // The incident register's closed case, before the daily history (the ledger's times run forward).
  const closedId = await seedClosedDemoIncident(em, deps, officer, day, start - 1, [...providers.values()]);

  let decisions = 0;
  let provisions = 0;
  const caller = { actor: owner, ref: `admin:${owner.userId}` };
  for (let back = DEMO_HISTORY_DAYS; back >= 1; back--) {
    const at = day(back, 60);
    const perDay = 1 + ((DEMO_HISTORY_DAYS - back) % 3);
    const today = on(deps, at);
    // A day's decisions together: the ledger's group commit writes them in one transaction (one disk sync).
    const asked = Array.from({ length: perDay }, (_, i) => DAILY_USES[(back * 7 + i) % DAILY_USES.length]!).flatMap(
      (use) => {
        const providerId = providers.get(use.reference);
        if (!providerId) return [];
        return [
          new DecisionService(em, caller, today).decide({
            action: use.provide ? 'PROVIDE' : 'USE',
            providerId,
            purposeKey: use.purposeKey,
            categories: [...use.categories],
            recipientId: use.provide ? recipient.id : null,
          }),
        ];
      },
    );
    decisions += (await Promise.all(asked)).length;
    if (new Date(at).getUTCDay() === 1) {
      // As the company's system reads it: every value selected, recorded from the answer (ledger/disclosures.ts).
      const disclosures = new PendingDisclosures();
      const service = new PartnerService(em, partner, on(deps, new Date(at.getTime() + 3_600_000)), disclosures);
      const page = await service.list(100, null);
      const answer = {
        page: page.edges.map((e, i) => e.node.items.map((item, j) => service.reveal(item, ['page', i, j]))),
      };
      await disclosures.recordSent(answer);
      provisions += answer.page.filter((values) => values.length > 0).length;
    }
  }

  // An open disclosure request by post, and a new inquiry by e-mail.
  const request = await new RequestIntakeService(em.fork(), owner, on(deps, day(6))).create({
    kind: 'DISCLOSURE',
    channel: 'POST',
    receivedAt: day(6),
    requesterName: '山田 太郎',
    contact: '東京都文京区本郷7-3-1',
    details: '保有個人データの開示を請求します。(I ask for disclosure of the personal data you hold about me.)',
    providerId: providers.get('JSPE-M-000101') ?? null,
  });
  const inquiry = await new InquiryService(em.fork(), owner, on(deps, day(1))).record({
    channel: 'EMAIL',
    receivedAt: day(1),
    name: 'Emily Clarke',
    email: 'emily.clarke@example.org',
    subject: 'Which of my details do you share with the delivery company?',
    message: 'I subscribe to the journal. Which of my details does the delivery company receive, and can I stop it?',
  });

  // The incident register's open case: a reportable leak whose preliminary report is due soon.
  const incidentIds = {
    closedId,
    openId: await seedOpenDemoIncident(em, deps, officer, day, [...providers.values()]),
  };

  return {
    officerPassword,
    recipientId: recipient.id,
    approvedExceptionId: approved.id,
    draftExceptionId: waiting.id,
    partnerCredentialId: partner.credentialId,
    decisions,
    provisions,
    requestId: request.id,
    inquiryId: inquiry.id,
    incidentIds,
  };
}

function outsourcing(recipientId: string, from: Date): CreateExceptionInput {
  return {
    kind: 'OUTSOURCING',
    title: 'Journal delivery by Yamabuki Delivery',
    evidence: {
      outsourcing: {
        recipientId,
        contractReference: 'DEMO-CT-2026-01',
        servesPurposeKey: 'JOURNAL_DELIVERY',
        categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
        supervisionRecord: 'Data-handling agreement signed; yearly on-site check of how the labels are kept.',
      },
    },
    scope: {
      purposeKeys: ['JOURNAL_DELIVERY'],
      categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
      allProviders: true,
      providerIds: [],
      recipientId,
    },
    validFrom: from,
    validUntil: null,
  } as CreateExceptionInput;
}

function boardApproval(meetingDate: Date): CreateExceptionInput {
  return {
    kind: 'BOARD_APPROVAL',
    title: 'Safety notice to the Autumn Meeting attendees',
    evidence: {
      boardApproval: {
        meetingKind: 'BOARD',
        meetingDate,
        resolutionNumber: 'DEMO-R-2026-07',
        legitimateReason: 'Attendees must be told of a safety issue at the venue.',
        minutesReference: 'DEMO-MIN-2026-07',
      },
    },
    scope: {
      purposeKeys: ['SAFETY_NOTICE'],
      categories: ['NAME', 'EMAIL'],
      allProviders: true,
      providerIds: [],
      recipientId: null,
    },
    validUntil: null,
  } as CreateExceptionInput;
}
