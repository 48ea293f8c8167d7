import {
  DecisionDocument,
  RecordConsentDocument,
  RevokeExceptionDocument,
  SetMyLanguageDocument,
  VerifyLedgerDocument,
  type DecisionQueryVariables,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonKey } from '@steward/policy-core';
import { formatMessage } from '../i18n/messages.js';
import { seedCourierScenario } from '../test/scenarios.js';
import { loadDecisionFacts } from './decision-facts.js';
import { presentReason } from './decision.presenter.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';

type Request = DecisionQueryVariables['input'];

// Facts are read in one statement whose JSON functions differ per dialect: every case runs on both.
describe.each(DATABASES)('decisions on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let subscriber: { id: string; version: number };
  let refuser: { id: string };
  let courierId: string;
  let exception: { id: string; version: number };

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    ({ subscriber, refuser, courierId, exception } = await seedCourierScenario(owner, officer));
    // Reasons are worded in the asker's language and the organisation's default is Japanese: the
    // owner reads English here, the privacy officer Japanese (chosen, not inherited).
    await owner.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
    await officer.ok(SetMyLanguageDocument, { input: { language: 'JA' } });
  });
  afterAll(() => app.close());

  const decide = (client: TestClient, input: Request) => client.request(DecisionDocument, { input });

  async function decisionEntries() {
    return app
      .em()
      .getConnection()
      .execute<{ outcome: string; policy_version: number; provider_id: string }[]>(
        "select outcome, policy_version, provider_id from ledger_entry where kind = 'DECISION' order by sequence",
      );
  }

  describe('decision', () => {
    it('allows a use for a stated purpose on the basis of consent', async () => {
      const { decision } = await owner.ok(DecisionDocument, {
        input: {
          action: 'USE',
          providerId: subscriber.id,
          purposeKey: 'JOURNAL_DELIVERY',
          categories: ['NAME', 'POSTAL_ADDRESS'],
        },
      });
      expect(decision).toMatchObject({
        allowed: true,
        basis: { kind: 'CONSENT', exceptionId: null, evidence: [] },
        permitted: ['NAME', 'POSTAL_ADDRESS'],
        refused: [],
        policyVersion: 1,
      });
    });

    it('allows provision to the courier only under the outsourcing exception, and only its categories', async () => {
      const ok = (
        await decide(owner, {
          action: 'PROVIDE',
          providerId: subscriber.id,
          purposeKey: 'JOURNAL_DELIVERY',
          categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
          recipientId: courierId,
        })
      ).data!.decision;
      expect(ok).toMatchObject({
        allowed: true,
        basis: { kind: 'EXCEPTION', exceptionId: exception.id, exceptionKind: 'OUTSOURCING' },
      });
      // Which exception with which evidence: the contract it rests on.
      expect(ok.basis!.evidence).toEqual([
        { key: 'contractReference', label: 'Contract reference', value: 'CT-2026-07' },
      ]);

      const email = (
        await decide(owner, {
          action: 'PROVIDE',
          providerId: subscriber.id,
          purposeKey: 'JOURNAL_DELIVERY',
          categories: ['NAME', 'EMAIL'],
          recipientId: courierId,
        })
      ).data!.decision;
      expect(email.allowed).toBe(false);
      expect(email.refused).toContain('EMAIL');
      expect(email.reasons.map((r) => r.code)).toContain('EXCEPTION_CATEGORY_NOT_COVERED');
    });

    it('explains itself with the purpose title and the recipient name, not bare keys and ids', async () => {
      const { decision } = await owner.ok(DecisionDocument, {
        input: {
          action: 'PROVIDE',
          providerId: subscriber.id,
          purposeKey: 'JOURNAL_DELIVERY',
          categories: ['NAME'],
          recipientId: courierId,
        },
      });
      const reason = decision.reasons[0]!;
      expect(reason.message).toBe(
        'The exception "Journal delivery by courier" covers Name for provision to "Yamato Courier" for "Delivery of the Journal and publications".',
      );
      // The message's arguments, so that a client can word the same reason in its own language.
      const params = Object.fromEntries(reason.params.map((p) => [p.name, p.value]));
      expect(params).toMatchObject({
        action: 'PROVIDE',
        purpose: 'Delivery of the Journal and publications',
        purposeKey: 'JOURNAL_DELIVERY',
        recipient: 'Yamato Courier',
        category: 'NAME',
        exceptionKind: 'OUTSOURCING',
      });
      expect(formatMessage('en', reasonKey(reason.code), params)).toBe(reason.message);
      // In Japanese, with the purpose's Japanese title as the facts read it.
      const facts = await loadDecisionFacts(app.em(), {
        providerId: subscriber.id,
        purposeKey: 'JOURNAL_DELIVERY',
        recipientId: courierId,
      });
      const purpose = { key: 'JOURNAL_DELIVERY', titles: { en: facts.purpose!.title, ja: facts.purpose!.titleJa } };
      const ja = presentReason({ code: reason.code, params, message: reason.message }, 'ja', purpose).message;
      expect(ja).toBe(
        '例外「Journal delivery by courier」により、「会誌・刊行物の発送」のための「Yamato Courier」への氏名の提供が認められます。',
      );
      expect(JSON.stringify(decision.reasons)).not.toContain(courierId);
    });

    it('answers a Japanese-reading member of staff in Japanese, naming the purpose and the exception by title', async () => {
      const { decision } = await officer.ok(DecisionDocument, {
        input: {
          action: 'PROVIDE',
          providerId: subscriber.id,
          purposeKey: 'JOURNAL_DELIVERY',
          categories: ['NAME', 'EMAIL'],
          recipientId: courierId,
        },
      });
      const byCode = new Map(decision.reasons.map((r) => [r.code, r.message]));
      expect(byCode.get('EXCEPTION_APPLIES')).toBe(
        '例外「Journal delivery by courier」により、「会誌・刊行物の発送」のための「Yamato Courier」への氏名の提供が認められます。',
      );
      expect(byCode.get('EXCEPTION_CATEGORY_NOT_COVERED')).toBe(
        '例外「Journal delivery by courier」はメールアドレスを対象としていません。',
      );
      // Names, not ids: neither the exception's nor the recipient's id is in any message.
      const messages = decision.reasons.map((r) => r.message).join('\n');
      expect(messages).not.toContain(exception.id);
      expect(messages).not.toContain(courierId);
      // The params carry the title too, so the admin words the same reason in its own language.
      const applies = decision.reasons.find((r) => r.code === 'EXCEPTION_APPLIES')!;
      expect(applies.params).toContainEqual({ name: 'exception', value: 'Journal delivery by courier' });
      expect(applies.params).toContainEqual({ name: 'exceptionId', value: exception.id });
    });

    it('refuses provision for a provider who refused the purpose the contractor serves', async () => {
      const { decision } = await owner.ok(DecisionDocument, {
        input: {
          action: 'PROVIDE',
          providerId: refuser.id,
          purposeKey: 'JOURNAL_DELIVERY',
          categories: ['NAME'],
          recipientId: courierId,
        },
      });
      expect(decision.allowed).toBe(false);
      expect(decision.reasons.map((r) => r.code)).toContain('EXCEPTION_PURPOSE_BASIS_MISSING');
    });

    it('never provides on consent alone, and follows a withdrawal at once', async () => {
      const before = (
        await decide(owner, { action: 'USE', providerId: refuser.id, purposeKey: 'EVENT_NEWS', categories: ['EMAIL'] })
      ).data!.decision;
      expect(before.allowed).toBe(true);
      const provide = (
        await decide(owner, {
          action: 'PROVIDE',
          providerId: refuser.id,
          purposeKey: 'EVENT_NEWS',
          categories: ['EMAIL'],
          recipientId: courierId,
        })
      ).data!.decision;
      expect(provide.allowed).toBe(false);
      const provider = await app
        .em()
        .getConnection()
        .execute<{ version: number }[]>('select version from provider where id = ?', [refuser.id]);
      await owner.ok(RecordConsentDocument, {
        input: {
          providerId: refuser.id,
          purposeKey: 'EVENT_NEWS',
          action: 'WITHDRAW',
          method: 'EMAIL_REPLY',
          expectedProviderVersion: Number(provider[0]!.version),
        },
      });
      const after = (
        await decide(owner, { action: 'USE', providerId: refuser.id, purposeKey: 'EVENT_NEWS', categories: ['EMAIL'] })
      ).data!.decision;
      expect(after).toMatchObject({ allowed: false, basis: null });
    });

    it('stops allowing provision the moment the exception is revoked', async () => {
      const request: Request = {
        action: 'PROVIDE',
        providerId: subscriber.id,
        purposeKey: 'JOURNAL_DELIVERY',
        categories: ['NAME'],
        recipientId: courierId,
      };
      expect((await decide(owner, request)).data!.decision.allowed).toBe(true);
      await officer.ok(RevokeExceptionDocument, {
        input: {
          id: exception.id,
          reason: 'Contract ended',
          expectedVersion: exception.version,
        },
      });
      const denied = (await decide(owner, request)).data!.decision;
      expect(denied.allowed).toBe(false);
      expect(denied.reasons.map((r) => r.code)).toContain('EXCEPTION_NOT_IN_EFFECT');
    });

    it('records every decision, allowed or denied, in the ledger with the policy version', async () => {
      const entries = await decisionEntries();
      expect(entries.length).toBe(11);
      expect(new Set(entries.map((e) => e.outcome))).toEqual(new Set(['ALLOWED', 'DENIED']));
      expect(entries.every((e) => Number(e.policy_version) === 1)).toBe(true);
      expect((await owner.ok(VerifyLedgerDocument)).verifyLedger).toMatchObject({ ok: true });
    });

    it('decides a well-formed purpose that is not stated (clause 2): denied without an exception, and recorded', async () => {
      const before = (await decisionEntries()).length;
      for (const action of ['USE', 'PROVIDE'] as const) {
        const { decision } = await owner.ok(DecisionDocument, {
          input: {
            action,
            providerId: subscriber.id,
            purposeKey: 'SELLING_LISTS',
            categories: ['NAME'],
            recipientId: action === 'PROVIDE' ? courierId : null,
          },
        });
        expect(decision).toMatchObject({ allowed: false, basis: null, permitted: [], refused: ['NAME'] });
        expect(decision.reasons[0]).toEqual({
          code: 'PURPOSE_NOT_STATED',
          message: '"SELLING_LISTS" is not a stated purpose: only a permitted exception in effect can allow it.',
          params: [
            { name: 'purpose', value: 'SELLING_LISTS' },
            { name: 'purposeKey', value: 'SELLING_LISTS' },
          ],
          category: null,
          exceptionId: null,
        });
        // The outsourcing exception (revoked by now, and for JOURNAL_DELIVERY) is named as not applying.
        expect(decision.reasons.map((r) => r.code)).toContain('NO_EXCEPTION_APPLIES');
      }
      const entries = await app
        .em()
        .getConnection()
        .execute<{ purpose_key: string; outcome: string }[]>(
          "select purpose_key, outcome from ledger_entry where kind = 'DECISION' order by sequence desc limit 2",
        );
      expect(entries).toEqual([
        { purpose_key: 'SELLING_LISTS', outcome: 'DENIED' },
        { purpose_key: 'SELLING_LISTS', outcome: 'DENIED' },
      ]);
      expect((await decisionEntries()).length).toBe(before + 2);
    });

    it('refuses bad requests with the field named and records nothing', async () => {
      const before = (await decisionEntries()).length;
      const cases: [Request, string, string][] = [
        [
          {
            action: 'USE',
            providerId: '01900000-0000-7000-8000-000000000000',
            purposeKey: 'EVENT_NEWS',
            categories: ['NAME'],
          },
          'NOT_FOUND',
          'input.providerId',
        ],
        [
          { action: 'USE', providerId: "' or 1=1 --", purposeKey: 'EVENT_NEWS', categories: ['NAME'] },
          'NOT_FOUND',
          'input.providerId',
        ],
        [
          { action: 'USE', providerId: subscriber.id, purposeKey: 'selling-lists', categories: ['NAME'] },
          'BAD_USER_INPUT',
          'input.purposeKey',
        ],
        [
          { action: 'USE', providerId: subscriber.id, purposeKey: "X' OR 1=1 --", categories: ['NAME'] },
          'BAD_USER_INPUT',
          'input.purposeKey',
        ],
        [
          { action: 'USE', providerId: subscriber.id, purposeKey: '', categories: ['NAME'] },
          'BAD_USER_INPUT',
          'input.purposeKey',
        ],
        [
          { action: 'USE', providerId: subscriber.id, purposeKey: `A${'B'.repeat(64)}`, categories: ['NAME'] },
          'BAD_USER_INPUT',
          'input.purposeKey',
        ],
        [
          {
            action: 'PROVIDE',
            providerId: subscriber.id,
            purposeKey: 'EVENT_NEWS',
            categories: ['NAME'],
            recipientId: '01900000-0000-7000-8000-000000000000',
          },
          'NOT_FOUND',
          'input.recipientId',
        ],
        [
          { action: 'USE', providerId: subscriber.id, purposeKey: 'x'.repeat(1001), categories: ['NAME'] },
          'BAD_USER_INPUT',
          'input.purposeKey',
        ],
        [
          { action: 'USE', providerId: 'f'.repeat(101), purposeKey: 'EVENT_NEWS', categories: ['NAME'] },
          'BAD_USER_INPUT',
          'input.providerId',
        ],
        [
          {
            action: 'PROVIDE',
            providerId: subscriber.id,
            purposeKey: 'EVENT_NEWS',
            categories: ['NAME'],
            recipientId: 'r'.repeat(101),
          },
          'BAD_USER_INPUT',
          'input.recipientId',
        ],
        [
          {
            action: 'USE',
            providerId: subscriber.id,
            purposeKey: 'EVENT_NEWS',
            categories: Array.from({ length: 21 }, () => 'NAME' as const),
          },
          'BAD_USER_INPUT',
          'input.categories',
        ],
      ];
      for (const [input, code, field] of cases) {
        expect(errorOf(await decide(owner, input)), JSON.stringify(input)).toMatchObject({ code, field });
      }
      expect(
        errorOf(
          await decide(owner, {
            action: 'USE',
            providerId: subscriber.id,
            purposeKey: 'selling-lists',
            categories: ['NAME'],
          }),
        ).issues,
      ).toEqual([
        {
          field: 'input.purposeKey',
          code: 'INVALID_FORMAT',
          message: 'Upper-case letters, digits and _ only, starting with a letter.',
        },
      ]);
      const viewer = await app.clientAs('VIEWER');
      expect(
        errorOf(
          await decide(viewer, {
            action: 'USE',
            providerId: subscriber.id,
            purposeKey: 'EVENT_NEWS',
            categories: ['NAME'],
          }),
        ).code,
      ).toBe('FORBIDDEN');
      expect((await decisionEntries()).length).toBe(before);
    });

    it('records concurrent decisions each exactly once, in one unbroken chain (group commit)', async () => {
      const before = (await decisionEntries()).length;
      const auditsBefore = await auditTotal();
      const request: Request = {
        action: 'USE',
        providerId: subscriber.id,
        purposeKey: 'EVENT_NEWS',
        categories: ['NAME'],
      };
      const answers = await Promise.all(Array.from({ length: 20 }, () => decide(owner, request)));
      const sequences = answers.map((a) => a.data!.decision.ledgerSequence);
      expect(new Set(sequences).size).toBe(20);
      expect((await decisionEntries()).length).toBe(before + 20);
      // The ledger entry is a decision's whole record: it reads no personal value and changes nothing, so no audit entry.
      expect(await auditTotal()).toBe(auditsBefore);
      expect((await owner.ok(VerifyLedgerDocument)).verifyLedger).toMatchObject({ ok: true });
    });

    it('fails only the decision whose record the database refuses, leaving nothing of it, while its group commits', async () => {
      const conn = app.em().getConnection();
      if (database === 'sqlite') {
        await conn.execute(
          `create trigger refuse_decision_entry before insert on ledger_entry when new.provider_id = '${refuser.id}' begin select raise(abort, 'refused by test'); end`,
        );
      } else {
        await conn.execute(
          `create function steward_test_refuse_decision() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`,
        );
        await conn.execute(
          `create trigger refuse_decision_entry before insert on ledger_entry for each row when (new.provider_id = '${refuser.id}') execute function steward_test_refuse_decision()`,
        );
      }
      try {
        const before = await decisionEntries();
        const ok: Request = {
          action: 'USE',
          providerId: subscriber.id,
          purposeKey: 'EVENT_NEWS',
          categories: ['NAME'],
        };
        const refused: Request = {
          action: 'USE',
          providerId: refuser.id,
          purposeKey: 'EVENT_NEWS',
          categories: ['NAME'],
        };
        const answers = await Promise.all([ok, ok, refused, ok, ok].map((input) => decide(owner, input)));
        expect(answers.map((a) => (a.errors ? errorOf(a).code : 'OK'))).toEqual([
          'OK',
          'OK',
          'INTERNAL_SERVER_ERROR',
          'OK',
          'OK',
        ]);
        expect(JSON.stringify(answers[2])).not.toContain('refused by test');
        const after = await decisionEntries();
        expect(after.length).toBe(before.length + 4);
        // The refused decision left no entry; the others of its group were written again alone.
        expect(after.filter((e) => e.provider_id === refuser.id).length).toBe(
          before.filter((e) => e.provider_id === refuser.id).length,
        );
        expect((await owner.ok(VerifyLedgerDocument)).verifyLedger).toMatchObject({ ok: true });
      } finally {
        if (database === 'sqlite') await conn.execute('drop trigger refuse_decision_entry');
        else {
          await conn.execute('drop trigger refuse_decision_entry on ledger_entry');
          await conn.execute('drop function steward_test_refuse_decision()');
        }
      }
    });
  });

  async function auditTotal(): Promise<number> {
    const [row] = await app.em().getConnection().execute<{ n: number }[]>('select count(*) as n from audit_entry');
    return Number(row!.n);
  }
});
