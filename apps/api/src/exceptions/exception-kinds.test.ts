import {
  ApproveExceptionDocument,
  CreateExceptionDocument,
  CreateRecipientDocument,
  DecisionDocument,
  IssuePartnerKeyDocument,
  PartnerProviderDocument,
  PartnerProvidersDocument,
  PermittedExceptionDocument,
  ProviderDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
  RevokeExceptionDocument,
  SetMyLanguageDocument,
  type CreateExceptionMutationVariables,
  type DataCategory,
  type DecisionQueryVariables,
} from '@steward/schema';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput, buildExceptionInput } from '../test/factories.js';
import { createTestApp, type GraphQLResult, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';

// Each kind other than outsourcing (partners.test.ts, decisions.test.ts) through the API: an
// exception with a recipient, named providers, some categories and a purpose allows exactly that —
// through `decision` and through the recipient's partner key — and nothing once it is revoked.
// The decision facts and the partner scope are lean SQL per dialect: every case runs on both.

type Kind = 'LAW' | 'PROVIDER_AGREEMENT' | 'BOARD_APPROVAL';
type Input = CreateExceptionMutationVariables['input'];
type Request = DecisionQueryVariables['input'];

interface Member {
  id: string;
  reference: string;
  grantId: string;
  values: Record<'NAME' | 'EMAIL' | 'TELEPHONE' | 'POSTAL_ADDRESS' | 'AFFILIATION', string>;
}

/** What each kind covers: one provider (`inScope`), two of the provider's categories, one purpose. */
const SCOPES: Record<Kind, { purposeKey: string; categories: DataCategory[]; recipient: string; stated: boolean }> = {
  // Outside the stated purposes: a tax office's inquiry under the law.
  LAW: {
    purposeKey: 'TAX_INQUIRY_2026',
    categories: ['NAME', 'POSTAL_ADDRESS'],
    recipient: 'Kojimachi Tax Office',
    stated: false,
  },
  // Outside the stated purposes: the member agreed to their affiliation going to a co-hosting society.
  PROVIDER_AGREEMENT: {
    purposeKey: 'COHOST_LIAISON',
    categories: ['NAME', 'AFFILIATION'],
    recipient: 'Co-hosting Society',
    stated: false,
  },
  // A stated purpose the member never consented to, approved by the board for this recipient.
  BOARD_APPROVAL: {
    purposeKey: 'CONFERENCE_REGISTRATION',
    categories: ['NAME', 'EMAIL'],
    recipient: 'Venue Safety Office',
    stated: true,
  },
};

const KINDS: Kind[] = ['LAW', 'PROVIDER_AGREEMENT', 'BOARD_APPROVAL'];

describe.each(DATABASES)('each exception kind allows exactly its scope, on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let inScope: Member;
  let outOfScope: Member;

  async function member(tag: string): Promise<Member> {
    const values = {
      NAME: `Name ${tag}`,
      EMAIL: `email-${tag}@example.jp`,
      TELEPHONE: `+81 3 5555 ${tag}`,
      POSTAL_ADDRESS: `${tag} Kudan-kita, Chiyoda-ku`,
      AFFILIATION: `Institute ${tag}`,
    };
    const collected = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        purposes: [
          { purposeKey: 'MEMBERSHIP_ADMINISTRATION', granted: true },
          { purposeKey: 'EVENT_NEWS', granted: false },
        ],
        items: Object.entries(values).map(([category, value]) => ({ category: category as DataCategory, value })),
      }),
    });
    const provider = (await owner.ok(ProviderDocument, { id: collected.recordCollection.provider.id })).provider!;
    const grant = provider.consentHistory.find((e) => e.action === 'GRANT')!;
    return { id: provider.id, reference: provider.reference, grantId: grant.id, values };
  }

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    // Decisions are worded in the asker's language; the organisation's default is Japanese.
    await owner.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
    inScope = await member('0101');
    outOfScope = await member('0202');
  });
  afterAll(() => app.close());

  async function provisions(): Promise<{ provider_id: string; purpose_key: string; basis: unknown }[]> {
    return app
      .em()
      .getConnection()
      .execute("select provider_id, purpose_key, basis from ledger_entry where kind = 'PROVISION' order by sequence");
  }

  describe.each(KINDS)('%s', (kind) => {
    const scope = SCOPES[kind];
    let recipientId: string;
    let exception: { id: string; version: number };
    let key: string;

    beforeAll(async () => {
      recipientId = (await owner.ok(CreateRecipientDocument, { input: { name: scope.recipient, kind: 'THIRD_PARTY' } }))
        .createRecipient.id;
      const base = buildExceptionInput(kind, {
        recipientId,
        providerId: inScope.id,
        consentEventIds: [inScope.grantId],
      });
      const input: Input = {
        ...base,
        scope: {
          purposeKeys: [scope.purposeKey],
          categories: scope.categories,
          allProviders: false,
          providerIds: [inScope.id],
          recipientId,
        },
      };
      const created = (await owner.ok(CreateExceptionDocument, { input })).createException;
      exception = (
        await officer.ok(ApproveExceptionDocument, { input: { id: created.id, expectedVersion: created.version } })
      ).approveException;
      expect(exception).toMatchObject({ status: 'ACTIVE' });
      key = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId, label: `${kind} system` } }))
        .issuePartnerKey.key;
    });

    const decide = async (overrides: Partial<Request> = {}) =>
      (
        await owner.ok(DecisionDocument, {
          input: {
            action: 'PROVIDE',
            providerId: inScope.id,
            purposeKey: scope.purposeKey,
            categories: scope.categories,
            recipientId,
            ...overrides,
          },
        })
      ).decision;

    /** A request with the recipient's partner key; `text` is the whole answer, to search for leaks. */
    async function asPartner<R, V>(
      doc: TypedDocumentNode<R, V>,
      variables: V,
    ): Promise<GraphQLResult<R> & { text: string }> {
      const res = (await app
        .client()
        .raw(print(doc), variables as Record<string, unknown>, { authorization: `Bearer ${key}` })) as GraphQLResult<R>;
      return { ...res, text: JSON.stringify(res) };
    }

    /** Nothing of the other provider, nothing outside the categories, and no reference, anywhere in the answer. */
    function expectNothingBeyondScope(text: string) {
      for (const value of [outOfScope.id, ...Object.values(outOfScope.values)]) expect(text).not.toContain(value);
      for (const [category, value] of Object.entries(inScope.values)) {
        if (!scope.categories.includes(category as DataCategory)) expect(text, category).not.toContain(value);
      }
      for (const reference of [inScope.reference, outOfScope.reference]) expect(text).not.toContain(reference);
    }

    it('allows provision of its categories of its provider for its purpose to its recipient, on that exception and its evidence', async () => {
      const decision = await decide();
      expect(decision).toMatchObject({
        allowed: true,
        basis: { kind: 'EXCEPTION', exceptionId: exception.id, exceptionKind: kind },
        permitted: scope.categories,
        refused: [],
      });
      const evidence: Record<Kind, [string, string][]> = {
        LAW: [
          ['Statute', 'Code of Criminal Procedure'],
          ['Article', 'Art. 197(2)'],
          ['Document reference', 'REQ-2026-0042'],
        ],
        PROVIDER_AGREEMENT: [['Consent event', inScope.grantId]],
        BOARD_APPROVAL: [
          ['Meeting', 'Board meeting'],
          ['Meeting date', '2026-03-15'],
          ['Resolution number', 'R-2026-12'],
        ],
      };
      expect(decision.basis!.evidence.map((e) => [e.label, e.value])).toEqual(evidence[kind]);
      // Use inside the organisation for that purpose is covered too.
      expect((await decide({ action: 'USE', recipientId: null })).allowed).toBe(true);
    });

    it('denies another provider, another category, another purpose and another recipient', async () => {
      const other = await decide({ providerId: outOfScope.id });
      expect(other).toMatchObject({ allowed: false, basis: null, permitted: [] });
      expect(other.reasons.map((r) => r.code)).toContain('EXCEPTION_PROVIDER_NOT_COVERED');
      // The reason names the provider by reference, never by id.
      const notCovered = other.reasons.find((r) => r.code === 'EXCEPTION_PROVIDER_NOT_COVERED')!;
      expect(notCovered.params).toContainEqual({ name: 'provider', value: outOfScope.reference });
      expect(notCovered.message).toContain(outOfScope.reference);
      expect(notCovered.message).not.toContain(outOfScope.id);

      const wider = await decide({ categories: [...scope.categories, 'TELEPHONE'] });
      expect(wider).toMatchObject({ allowed: false, permitted: scope.categories, refused: ['TELEPHONE'] });
      expect(wider.reasons).toContainEqual(
        expect.objectContaining({
          code: 'EXCEPTION_CATEGORY_NOT_COVERED',
          category: 'TELEPHONE',
          exceptionId: exception.id,
        }),
      );

      // A purpose outside the stated ones that no exception names, and a stated one the member consented to.
      for (const purposeKey of ['OTHER_INQUIRY_2026', 'MEMBERSHIP_ADMINISTRATION']) {
        const elsewhere = await decide({ purposeKey });
        expect(elsewhere, purposeKey).toMatchObject({ allowed: false, basis: null });
        expect(elsewhere.reasons.map((r) => r.code)).toContain('EXCEPTION_PURPOSE_NOT_COVERED');
      }
      expect((await decide({ purposeKey: 'OTHER_INQUIRY_2026' })).reasons[0]!.code).toBe('PURPOSE_NOT_STATED');

      const otherRecipient = (
        await owner.ok(CreateRecipientDocument, { input: { name: `Not ${scope.recipient}`, kind: 'THIRD_PARTY' } })
      ).createRecipient.id;
      expect((await decide({ recipientId: otherRecipient })).reasons.map((r) => r.code)).toContain(
        'EXCEPTION_RECIPIENT_NOT_COVERED',
      );
    });

    it('gives its recipient’s partner key exactly its provider and categories, recorded under its purpose', async () => {
      const before = (await provisions()).length;
      const list = await asPartner(PartnerProvidersDocument, { first: 100 });
      expect(list.errors).toBeUndefined();
      const nodes = list.data!.partnerProviders.edges.map((e) => e.node);
      const expected = {
        id: inScope.id,
        items: scope.categories.map((category) => ({
          category,
          value: inScope.values[category as keyof Member['values']],
        })),
      };
      expect(nodes).toEqual([expected]);
      expectNothingBeyondScope(list.text);

      const one = await asPartner(PartnerProviderDocument, { id: inScope.id });
      expect(one.data?.partnerProvider).toEqual(expected);
      expectNothingBeyondScope(one.text);

      const miss = await asPartner(PartnerProviderDocument, { id: outOfScope.id });
      expect(miss.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expectNothingBeyondScope(miss.text);

      const recorded = (await provisions()).slice(before);
      expect(recorded.map((r) => [r.provider_id, r.purpose_key])).toEqual([
        [inScope.id, scope.purposeKey],
        [inScope.id, scope.purposeKey],
      ]);
      const basis = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
      expect(recorded.map((r) => basis(r.basis))).toEqual([
        { exceptionId: exception.id, exceptionKind: kind },
        { exceptionId: exception.id, exceptionKind: kind },
      ]);
    });

    it('allows nothing the moment it is revoked', async () => {
      await officer.ok(RevokeExceptionDocument, {
        input: {
          id: exception.id,
          reason: 'Withdrawn.',
          expectedVersion: exception.version,
        },
      });
      const before = (await provisions()).length;
      const denied = await decide();
      expect(denied).toMatchObject({ allowed: false, basis: null, permitted: [] });
      expect(denied.reasons).toContainEqual(
        expect.objectContaining({ code: 'EXCEPTION_NOT_IN_EFFECT', exceptionId: exception.id }),
      );
      if (!scope.stated) expect(denied.reasons[0]!.code).toBe('PURPOSE_NOT_STATED');

      const list = await asPartner(PartnerProvidersDocument, { first: 100 });
      expect(list.data?.partnerProviders.edges).toEqual([]);
      const one = await asPartner(PartnerProviderDocument, { id: inScope.id });
      expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expectNothingBeyondScope(list.text + one.text);
      expect((await provisions()).length).toBe(before);
    });
  });

  describe('PROVIDER_AGREEMENT after its approval', () => {
    /**
     * A THIRD_PARTY recipient and its PROVIDER_AGREEMENT exception, approved: AFFILIATION of
     * `providerIds` for COHOST_LIAISON, citing `consentEventIds` as the agreement.
     */
    async function approvedAgreement(recipientName: string, providerIds: string[], consentEventIds: string[]) {
      const recipientId = (
        await owner.ok(CreateRecipientDocument, { input: { name: recipientName, kind: 'THIRD_PARTY' } })
      ).createRecipient.id;
      const base = buildExceptionInput('PROVIDER_AGREEMENT', {
        recipientId,
        providerId: providerIds[0]!,
        consentEventIds,
      });
      const created = (
        await owner.ok(CreateExceptionDocument, {
          input: {
            ...base,
            scope: {
              purposeKeys: ['COHOST_LIAISON'],
              categories: ['AFFILIATION'],
              allProviders: false,
              providerIds,
              recipientId,
            },
          },
        })
      ).createException;
      const exception = (
        await officer.ok(ApproveExceptionDocument, { input: { id: created.id, expectedVersion: created.version } })
      ).approveException;
      return { recipientId, exception };
    }

    /** The decision on providing `providerId`'s AFFILIATION to `recipientId` for COHOST_LIAISON. */
    const cohostDecision = async (providerId: string, recipientId: string) =>
      (
        await owner.ok(DecisionDocument, {
          input: {
            action: 'PROVIDE',
            providerId,
            purposeKey: 'COHOST_LIAISON',
            categories: ['AFFILIATION'],
            recipientId,
          },
        })
      ).decision;

    it('covers a provider while any consent of theirs it cites stands, and lists nobody once revoked', async () => {
      const c = await member('0505');
      const before = (await owner.ok(ProviderDocument, { id: c.id })).provider!;
      await owner.ok(RecordConsentDocument, {
        input: {
          providerId: c.id,
          purposeKey: 'EVENT_NEWS',
          action: 'GRANT',
          method: 'EMAIL_REPLY',
          expectedProviderVersion: before.version,
        },
      });
      const newsGrant = (await owner.ok(ProviderDocument, { id: c.id })).provider!.consentHistory.find(
        (e) => e.action === 'GRANT' && e.purpose.key === 'EVENT_NEWS',
      )!;
      const { recipientId, exception } = await approvedAgreement(
        'Second Partner Society',
        [c.id],
        [c.grantId, newsGrant.id],
      );
      const decide = () => cohostDecision(c.id, recipientId);
      const withdraw = async (purposeKey: string) => {
        const { version } = (await owner.ok(ProviderDocument, { id: c.id })).provider!;
        await owner.ok(RecordConsentDocument, {
          input: {
            providerId: c.id,
            purposeKey,
            action: 'WITHDRAW',
            method: 'EMAIL_REPLY',
            expectedProviderVersion: version,
          },
        });
      };
      const onRecord = async () =>
        (await owner.ok(PermittedExceptionDocument, { id: exception.id })).permittedException!;

      await withdraw('EVENT_NEWS');
      const still = await decide();
      expect(still).toMatchObject({ allowed: true, basis: { exceptionId: exception.id } });
      // It cites, as this decision's evidence, only the consent that still stands.
      expect(still.basis!.evidence.map((e) => e.value)).toEqual([c.grantId]);
      expect((await onRecord()).scope.withdrawnProviderIds).toEqual([]);

      await withdraw('MEMBERSHIP_ADMINISTRATION');
      expect((await decide()).reasons.map((r) => r.code)).toContain('EXCEPTION_AGREEMENT_WITHDRAWN');
      expect((await onRecord()).scope.withdrawnProviderIds).toEqual([c.id]);

      // A revoked agreement covers nobody: it names no one as withdrawn, and decisions say it is not in effect.
      await officer.ok(RevokeExceptionDocument, {
        input: {
          id: exception.id,
          reason: 'The symposium was cancelled.',
          expectedVersion: exception.version,
        },
      });
      expect((await onRecord()).scope.withdrawnProviderIds).toEqual([]);
      const revoked = await decide();
      expect(revoked.reasons).toContainEqual(
        expect.objectContaining({ code: 'EXCEPTION_NOT_IN_EFFECT', exceptionId: exception.id }),
      );
      expect(revoked.reasons.map((r) => r.code)).not.toContain('EXCEPTION_AGREEMENT_WITHDRAWN');
    });

    it('stops covering a provider the moment they withdraw the consent it cites; the others it covers keep it', async () => {
      const [a, b] = [await member('0303'), await member('0404')];
      const { recipientId, exception } = await approvedAgreement(
        'Partner Society',
        [a.id, b.id],
        [a.grantId, b.grantId],
      );
      const key = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId, label: 'Partner Society system' } }))
        .issuePartnerKey.key;
      const decide = (providerId: string) => cohostDecision(providerId, recipientId);
      const partnerList = async () => {
        const res = (await app
          .client()
          .raw(print(PartnerProvidersDocument), { first: 100 }, { authorization: `Bearer ${key}` })) as GraphQLResult<{
          partnerProviders: { edges: { node: { id: string } }[] };
        }>;
        return { ids: res.data!.partnerProviders.edges.map((e) => e.node.id).sort(), text: JSON.stringify(res) };
      };
      const partnerOne = (id: string) =>
        app.client().raw(print(PartnerProviderDocument), { id }, { authorization: `Bearer ${key}` }) as Promise<
          GraphQLResult<unknown>
        >;
      const consent = async (m: Member, action: 'WITHDRAW' | 'GRANT') => {
        const { version } = (await owner.ok(ProviderDocument, { id: m.id })).provider!;
        await owner.ok(RecordConsentDocument, {
          input: {
            providerId: m.id,
            purposeKey: 'MEMBERSHIP_ADMINISTRATION',
            action,
            method: 'EMAIL_REPLY',
            expectedProviderVersion: version,
          },
        });
      };

      // Each provider's decision cites their own consent event, not the others'.
      for (const m of [a, b]) {
        const allowed = await decide(m.id);
        expect(allowed).toMatchObject({ allowed: true, basis: { exceptionId: exception.id } });
        expect(allowed.basis!.evidence.map((e) => [e.label, e.value])).toEqual([['Consent event', m.grantId]]);
      }
      expect((await partnerList()).ids).toEqual([a.id, b.id].sort());
      const withdrawnOnRecord = async () =>
        (await owner.ok(PermittedExceptionDocument, { id: exception.id })).permittedException!.scope
          .withdrawnProviderIds;
      expect(await withdrawnOnRecord()).toEqual([]);

      await consent(a, 'WITHDRAW');
      // The admin sees whom it no longer covers; the exception itself stays ACTIVE for the others.
      expect(await withdrawnOnRecord()).toEqual([a.id]);
      expect((await owner.ok(PermittedExceptionDocument, { id: exception.id })).permittedException!.status).toBe(
        'ACTIVE',
      );
      const denied = await decide(a.id);
      expect(denied).toMatchObject({ allowed: false, basis: null, permitted: [], refused: ['AFFILIATION'] });
      expect(denied.reasons).toContainEqual(
        expect.objectContaining({ code: 'EXCEPTION_AGREEMENT_WITHDRAWN', exceptionId: exception.id }),
      );
      expect((await decide(b.id)).allowed).toBe(true);

      const before = (await provisions()).length;
      const list = await partnerList();
      expect(list.ids).toEqual([b.id]);
      expect(list.text).not.toContain(a.values.AFFILIATION);
      const one = await partnerOne(a.id);
      expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(one)).not.toContain(a.values.AFFILIATION);
      expect((await provisions()).slice(before).map((r) => r.provider_id)).toEqual([b.id]);

      // Granting the purpose again is a new consent, not the agreement the exception cites.
      await consent(a, 'GRANT');
      expect((await decide(a.id)).reasons.map((r) => r.code)).toContain('EXCEPTION_AGREEMENT_WITHDRAWN');
    });
  });
});
