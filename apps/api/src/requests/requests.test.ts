import {
  ApplyAmendmentDocument,
  ApplyCessationDocument,
  ApproveExceptionDocument,
  ChangeRequestStatusDocument,
  CreateCookieSiteDocument,
  CreateExceptionDocument,
  CreateProviderRequestDocument,
  CreateRecipientDocument,
  DecisionDocument,
  IssuePartnerKeyDocument,
  PartnerProviderDocument,
  LinkRequestProviderDocument,
  ProduceDisclosurePackageDocument,
  ProviderDocument,
  ProviderRequestDocument,
  ProviderRequestsDocument,
  ProviderRightsDocument,
  ProvidersDocument,
  RecordCookieConsentDocument,
  RecordInquiryDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
  RequestSettingsDocument,
  SubmitProviderRequestDocument,
  UpdateRequestSettingsDocument,
  VerifyLedgerDocument,
  VerifyRequestIdentityDocument,
  type ConsentMethod,
  type CreateProviderRequestMutationVariables,
  type ProviderRequestFieldsFragment,
  type SubmitProviderRequestMutationVariables,
} from '@steward/schema';
import { createHash, randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../common/canonical-json.js';
import { buildCollectionInput, buildExceptionInput } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';

const START = new Date('2026-04-01T09:00:00Z'); // Wednesday, 18:00 in Tokyo
/** The default calendar (request-calendar.test.ts tests it): Tokyo, national holidays, 年末年始. */
const CALENDAR = {
  timeZone: 'Asia/Tokyo',
  observeJapaneseHolidays: true,
  recurringClosedDays: ['12-29', '12-30', '12-31', '01-01', '01-02', '01-03'],
};

describe.each(DATABASES)('provider requests on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let viewer: TestClient;
  let addressCounter = 0;

  beforeAll(async () => {
    // Behind one (pretend) proxy, so each test can speak from its own client address.
    app = await createTestApp({ database, config: { trustProxyHops: 1 } });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    viewer = await app.clientAs('VIEWER');
  });
  afterAll(() => app?.close());

  /** Moves the clock and signs in again (sessions expire with the clock). */
  async function setClock(at: Date) {
    app.clock.now = at;
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    viewer = await app.clientAs('VIEWER');
  }

  /** The public form, anonymous, from a client address of its own (or the one given). */
  async function submit(
    input: Partial<SubmitProviderRequestMutationVariables['input']> = {},
    address = `203.0.113.${++addressCounter}`,
  ) {
    const res = await app.client().raw(
      print(SubmitProviderRequestDocument),
      {
        input: {
          kind: 'DISCLOSURE',
          requesterName: 'Aiko Fujimoto',
          contact: 'aiko.fujimoto@example.jp',
          details: 'Please send me everything.',
          ...input,
        },
      },
      { 'x-forwarded-for': address },
    );
    return res as {
      data?: { submitProviderRequest: { reference: string; dueAt: string; receivedAt: string } } | null;
      errors?: { extensions?: Record<string, unknown>; message: string }[];
    };
  }

  async function count(table: string): Promise<number> {
    const rows = await app.em().getConnection().execute<{ n: number | string }[]>(`select count(*) as n from ${table}`);
    return Number(rows[0]!.n);
  }

  async function collect(
    items: {
      category: 'NAME' | 'EMAIL' | 'AFFILIATION' | 'POSTAL_CODE' | 'POSTAL_ADDRESS' | 'TELEPHONE';
      value: string;
    }[],
    source = 'Autumn Meeting registration',
    purposes = [
      { purposeKey: 'CONFERENCE_REGISTRATION', granted: true },
      { purposeKey: 'EVENT_NEWS', granted: true },
    ],
  ) {
    return (await owner.ok(RecordCollectionDocument, { input: buildCollectionInput({ items, source, purposes }) }))
      .recordCollection.provider;
  }

  /** Records the provider's withdrawal of EVENT_NEWS at `provider.version` (which bumps the version). */
  async function withdrawNews(provider: { id: string; version: number }, method: ConsentMethod, note?: string) {
    await owner.ok(RecordConsentDocument, {
      input: {
        providerId: provider.id,
        purposeKey: 'EVENT_NEWS',
        action: 'WITHDRAW',
        method,
        expectedProviderVersion: provider.version,
        note,
      },
    });
  }

  /** Links the request (at its version) to the provider, as an officer. */
  async function linkProvider(
    request: { id: string; version: number },
    providerId: string,
  ): Promise<ProviderRequestFieldsFragment> {
    return (
      await officer.ok(LinkRequestProviderDocument, {
        input: {
          requestId: request.id,
          providerId,
          expectedVersion: request.version,
        },
      })
    ).linkRequestProvider;
  }

  async function staffRequest(
    overrides: Partial<CreateProviderRequestMutationVariables['input']> = {},
  ): Promise<ProviderRequestFieldsFragment> {
    return (
      await officer.ok(CreateProviderRequestDocument, {
        input: {
          kind: 'DISCLOSURE',
          channel: 'POST',
          requesterName: 'Aiko Fujimoto',
          contact: '1-2-3 Shiba, Minato-ku',
          ...overrides,
        },
      })
    ).createProviderRequest;
  }

  /** Links, verifies and moves a request to IN_PROGRESS. */
  async function readyRequest(
    request: ProviderRequestFieldsFragment,
    providerId: string,
  ): Promise<ProviderRequestFieldsFragment> {
    let r = await linkProvider(request, providerId);
    r = (
      await officer.ok(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'VERIFYING' },
      })
    ).changeRequestStatus;
    r = (
      await officer.ok(VerifyRequestIdentityDocument, {
        input: {
          requestId: r.id,
          expectedVersion: r.version,
          method: 'ID_DOCUMENT',
          note: 'Driving licence seen at the desk.',
        },
      })
    ).verifyRequestIdentity;
    r = (
      await officer.ok(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'IN_PROGRESS' },
      })
    ).changeRequestStatus;
    return r;
  }

  describe('due dates and overdue detection', () => {
    it('computes the due date from the configured response period, in business days with holidays, in JST', async () => {
      app.clock.now = START;
      const settings = (await owner.ok(RequestSettingsDocument)).requestSettings;
      expect(settings).toEqual({
        responsePeriodDays: 10,
        unit: 'BUSINESS_DAYS',
        ...CALENDAR,
        holidays: [],
      });
      // Wed 1 Apr 2026 (JST): ten business days later is Wed 15 Apr, end of day in Tokyo.
      const plain = await submit();
      expect(plain.data!.submitProviderRequest.dueAt).toBe('2026-04-15T14:59:59.999Z');

      await owner.ok(UpdateRequestSettingsDocument, {
        input: {
          responsePeriodDays: 10,
          unit: 'BUSINESS_DAYS',
          ...CALENDAR,
          holidays: ['2026-04-03', '2026-04-10'],
        },
      });
      const withHolidays = await submit();
      expect(withHolidays.data!.submitProviderRequest.dueAt).toBe('2026-04-17T14:59:59.999Z');

      await owner.ok(UpdateRequestSettingsDocument, {
        input: {
          responsePeriodDays: 14,
          unit: 'CALENDAR_DAYS',
          ...CALENDAR,
          holidays: [],
        },
      });
      // Entered by staff with the date it arrived by post: the period counts from receipt, not entry.
      const byPost = await staffRequest({ receivedAt: '2026-03-30T01:00:00.000Z' });
      expect(byPost.dueAt).toBe('2026-04-13T14:59:59.999Z');
      await owner.ok(UpdateRequestSettingsDocument, {
        input: {
          responsePeriodDays: 10,
          unit: 'BUSINESS_DAYS',
          ...CALENDAR,
          holidays: [],
        },
      });
    });

    it('refuses invalid settings, and only an owner may change them', async () => {
      const bad = await owner.request(UpdateRequestSettingsDocument, {
        input: {
          responsePeriodDays: -1,
          unit: 'BUSINESS_DAYS',
          ...CALENDAR,
          holidays: ['2026-02-30'],
        },
      });
      expect(errorOf(bad).code).toBe('BAD_USER_INPUT');
      expect(errorOf(bad).issues!.map((i) => i.field)).toEqual(['input.responsePeriodDays', 'input.holidays[0]']);
      const officerTry = await officer.request(UpdateRequestSettingsDocument, {
        input: {
          responsePeriodDays: 1,
          unit: 'CALENDAR_DAYS',
          ...CALENDAR,
          holidays: [],
        },
      });
      expect(errorOf(officerTry).code).toBe('FORBIDDEN');
      expect((await owner.ok(RequestSettingsDocument)).requestSettings.responsePeriodDays).toBe(10);
    });

    it('is overdue after the due instant while open, and never once closed; the queue filters by urgency', async () => {
      app.clock.now = START;
      const open = await staffRequest({ kind: 'AMENDMENT' });
      const rejected = await staffRequest({ kind: 'AMENDMENT' });
      await officer.ok(ChangeRequestStatusDocument, {
        input: {
          requestId: rejected.id,
          expectedVersion: rejected.version,
          status: 'REJECTED',
          reason: 'Not the provider.',
        },
      });
      expect(open).toMatchObject({
        dueAt: '2026-04-15T14:59:59.999Z',
        overdue: false,
        urgency: 'ON_TRACK',
        daysRemaining: 15,
      });

      await setClock(new Date('2026-04-13T15:00:00Z')); // 2 days before: due soon
      let detail = (await officer.ok(ProviderRequestDocument, { id: open.id })).providerRequest!;
      expect(detail).toMatchObject({ overdue: false, urgency: 'DUE_SOON', daysRemaining: 2 });
      const soon = (
        await officer.ok(ProviderRequestsDocument, { filter: { urgency: 'DUE_SOON' } })
      ).providerRequests.edges.map((e) => e.node.id);
      expect(soon).toContain(open.id);

      await setClock(new Date('2026-04-15T14:59:59.000Z'));
      expect((await officer.ok(ProviderRequestDocument, { id: open.id })).providerRequest!.overdue).toBe(false);
      await setClock(new Date('2026-04-15T15:00:00.500Z'));
      detail = (await officer.ok(ProviderRequestDocument, { id: open.id })).providerRequest!;
      expect(detail).toMatchObject({ overdue: true, urgency: 'OVERDUE', daysRemaining: -1 });
      const overdue = (
        await officer.ok(ProviderRequestsDocument, { filter: { urgency: 'OVERDUE' } })
      ).providerRequests.edges.map((e) => e.node);
      expect(overdue.map((r) => r.id)).toContain(open.id);
      expect(overdue.map((r) => r.id)).not.toContain(rejected.id);
      expect(overdue.every((r) => r.overdue)).toBe(true);
      const closed = (await officer.ok(ProviderRequestDocument, { id: rejected.id })).providerRequest!;
      expect(closed).toMatchObject({
        status: 'REJECTED',
        overdue: false,
        urgency: 'CLOSED',
        rejectionReason: 'Not the provider.',
      });
      await setClock(START);
    });
  });

  describe('status rules and verification', () => {
    it('moves RECEIVED → VERIFYING → IN_PROGRESS only with a verified identity, keeping a history', async () => {
      const provider = await collect([{ category: 'NAME', value: 'Haruto Sato' }]);
      const r = await staffRequest();
      expect(r.allowedNextStatuses).toEqual(['VERIFYING', 'REJECTED']);
      const skip = await officer.request(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'IN_PROGRESS' },
      });
      expect(errorOf(skip).issues!.map((i) => `${i.field}:${i.code}`)).toEqual([
        'input.status:INVALID_TRANSITION',
        'input.identityVerified:IDENTITY_NOT_VERIFIED',
      ]);

      const unlinked = await officer.request(VerifyRequestIdentityDocument, {
        input: { requestId: r.id, expectedVersion: r.version, method: 'ID_DOCUMENT' },
      });
      expect(errorOf(unlinked)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providerId' });

      const linked = await linkProvider(r, provider.id);
      const verifying = (
        await officer.ok(ChangeRequestStatusDocument, {
          input: { requestId: r.id, expectedVersion: linked.version, status: 'VERIFYING' },
        })
      ).changeRequestStatus;
      const notYet = await officer.request(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: verifying.version, status: 'IN_PROGRESS' },
      });
      expect(errorOf(notYet).issues!.map((i) => i.code)).toEqual(['IDENTITY_NOT_VERIFIED']);

      const stale = await officer.request(VerifyRequestIdentityDocument, {
        input: { requestId: r.id, expectedVersion: linked.version, method: 'ID_DOCUMENT' },
      });
      expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT' });
      expect((stale.errors![0]!.extensions as { currentVersion: number }).currentVersion).toBe(verifying.version);

      const verified = (
        await officer.ok(VerifyRequestIdentityDocument, {
          input: {
            requestId: r.id,
            expectedVersion: verifying.version,
            method: 'MEMBERSHIP_RECORD',
            note: 'Matched the membership number.',
          },
        })
      ).verifyRequestIdentity;
      expect(verified.verification).toMatchObject({
        method: 'MEMBERSHIP_RECORD',
        verifiedBy: 'Test PRIVACY_OFFICER',
        note: 'Matched the membership number.',
      });
      // The provider cannot be swapped once the identity is verified.
      const other = await collect([{ category: 'NAME', value: 'Someone Else' }]);
      const relink = await officer.request(LinkRequestProviderDocument, {
        input: {
          requestId: r.id,
          providerId: other.id,
          expectedVersion: verified.version,
        },
      });
      expect(errorOf(relink)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });

      const working = (
        await officer.ok(ChangeRequestStatusDocument, {
          input: { requestId: r.id, expectedVersion: verified.version, status: 'IN_PROGRESS' },
        })
      ).changeRequestStatus;
      // A disclosure is completed by its package, not before.
      const early = await officer.request(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: working.version, status: 'COMPLETED' },
      });
      expect(errorOf(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
      await officer.ok(ProduceDisclosurePackageDocument, { input: { requestId: r.id } });
      const current = (await officer.ok(ProviderRequestDocument, { id: r.id })).providerRequest!;
      const done = (
        await officer.ok(ChangeRequestStatusDocument, {
          input: { requestId: r.id, expectedVersion: current.version, status: 'COMPLETED', reason: 'Sent by post.' },
        })
      ).changeRequestStatus;
      expect(done).toMatchObject({ status: 'COMPLETED', allowedNextStatuses: [], resolution: 'Sent by post.' });
      const history = (await officer.ok(ProviderRequestDocument, { id: r.id })).providerRequest!.history.map(
        (h) => `${h.fromStatus ?? '-'}>${h.toStatus}`,
      );
      expect(history).toEqual(['->RECEIVED', 'RECEIVED>VERIFYING', 'VERIFYING>IN_PROGRESS', 'IN_PROGRESS>COMPLETED']);
      const reopen = await officer.request(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: done.version, status: 'IN_PROGRESS' },
      });
      expect(errorOf(reopen).issues!.map((i) => i.code)).toEqual(['INVALID_TRANSITION']);
    });

    it('needs a reason to reject; viewers read but cannot write; anonymous callers see nothing', async () => {
      const r = await staffRequest();
      const noReason = await officer.request(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'REJECTED', reason: '  ' },
      });
      expect(errorOf(noReason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      expect((await viewer.ok(ProviderRequestDocument, { id: r.id })).providerRequest?.id).toBe(r.id);
      const viewerWrite = await viewer.request(ChangeRequestStatusDocument, {
        input: { requestId: r.id, expectedVersion: r.version, status: 'VERIFYING' },
      });
      expect(errorOf(viewerWrite).code).toBe('FORBIDDEN');
      expect(errorOf(await app.client().request(ProviderRequestsDocument, {})).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await app.client().request(ProviderRequestDocument, { id: r.id })).code).toBe('UNAUTHENTICATED');
      expect(
        (await officer.ok(ProviderRequestDocument, { id: '00000000-0000-0000-0000-000000000000' })).providerRequest,
      ).toBeNull();
    });

    it('stores the requester sealed, and audits every read and change by reference only', async () => {
      const r = await staffRequest({
        requesterName: 'Sealed Requester Kawasaki',
        contact: 'sealed.kawasaki@example.jp',
        details: 'Sealed detail text',
      });
      const raw = JSON.stringify(
        await app.em().getConnection().execute('select * from provider_request where id = ?', [r.id]),
      );
      expect(raw).not.toContain('Kawasaki');
      expect(raw).not.toContain('sealed.kawasaki');
      expect((await officer.ok(ProviderRequestDocument, { id: r.id })).providerRequest!.requester).toMatchObject({
        name: 'Sealed Requester Kawasaki',
        details: 'Sealed detail text',
      });
      const audit = await app
        .em()
        .getConnection()
        .execute<{ action: string; detail: unknown }[]>(
          'select action, detail from audit_entry where subject = ? order by id',
          [r.id],
        );
      expect(audit.map((a) => a.action)).toEqual(['request.create', 'request.read']);
      expect(JSON.stringify(audit)).not.toContain('Kawasaki');
    });
  });

  describe('disclosure package', () => {
    it('is refused until the request is linked, verified and in progress', async () => {
      const provider = await collect([{ category: 'NAME', value: 'Yui Tanaka' }]);
      const r = await staffRequest();
      const before = await officer.request(ProduceDisclosurePackageDocument, { input: { requestId: r.id } });
      expect(errorOf(before).issues!.map((i) => `${i.field}:${i.code}`)).toEqual([
        'providerId:REQUIRED',
        'identityVerified:IDENTITY_NOT_VERIFIED',
        'status:INVALID_TRANSITION',
      ]);
      const linked = await linkProvider(r, provider.id);
      expect(
        errorOf(await officer.request(ProduceDisclosurePackageDocument, { input: { requestId: r.id } })).issues!.map(
          (i) => i.code,
        ),
      ).toEqual(['IDENTITY_NOT_VERIFIED', 'INVALID_TRANSITION']);
      const amendment = await staffRequest({ kind: 'AMENDMENT' });
      const ready = await readyRequest(amendment, provider.id);
      expect(
        errorOf(
          await officer.request(ProduceDisclosurePackageDocument, { input: { requestId: ready.id } }),
        ).issues!.map((i) => i.field),
      ).toEqual(['kind']);
      expect(
        errorOf(await viewer.request(ProduceDisclosurePackageDocument, { input: { requestId: linked.id } })).code,
      ).toBe('FORBIDDEN');
    });

    it("includes the provider's inquiries and cookie consent history (by the consent id they quoted), and no one else's", async () => {
      const me = await collect([{ category: 'NAME', value: 'Sora Takeda' }]);
      const other = await collect([{ category: 'NAME', value: 'ZZOTHERPERSON Ueda' }]);
      await officer.ok(RecordInquiryDocument, {
        input: {
          channel: 'EMAIL',
          subject: 'About my data',
          message: 'MYINQUIRYTEXT please stop the news.',
          providerId: me.id,
        },
      });
      await officer.ok(RecordInquiryDocument, {
        input: { channel: 'POST', subject: 'ZZOTHERSUBJECT', message: 'ZZOTHERINQUIRY', providerId: other.id },
      });
      await officer.ok(RecordInquiryDocument, {
        input: { channel: 'FAX', subject: 'ZZUNLINKED', message: 'ZZUNLINKED', providerId: null },
      });

      const origin = 'https://www.example-society.jp';
      const site = (
        await owner.ok(CreateCookieSiteDocument, {
          input: {
            name: 'Society website',
            domains: ['www.example-society.jp'],
            allowedOrigins: [origin],
            consentLifetimeDays: 180,
            honoursGpc: true,
            bannerTitle: { en: 'Cookies', ja: 'クッキー' },
            bannerText: { en: 'We use cookies.', ja: 'クッキーを使用します。' },
          },
        })
      ).createCookieSite;
      const consent = async (visitorId: string) => {
        const res = await app.client().raw(
          print(RecordCookieConsentDocument),
          {
            input: {
              siteKey: site.siteKey,
              visitorId,
              idempotencyKey: randomUUID(),
              policyVersion: 1,
              gpc: false,
              choices: ['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING'].map((category) => ({
                category,
                accepted: category !== 'MARKETING',
              })),
            },
          },
          { origin },
        );
        expect(res.errors).toBeUndefined();
      };
      const quoted = randomUUID();
      const someoneElses = randomUUID();
      await consent(quoted);
      await consent(someoneElses);
      const request = await readyRequest(await staffRequest({ cookieConsentIds: [quoted] }), me.id);
      const pkg = (await officer.ok(ProduceDisclosurePackageDocument, { input: { requestId: request.id } }))
        .produceDisclosurePackage;
      expect(pkg.sections.map((s) => `${s.key}:${s.count}`)).toEqual([
        'inquiries:1',
        'cookieConsents:1',
        'incidents:0',
      ]);
      const everything = JSON.stringify(pkg) + pkg.json;
      for (const mine of ['MYINQUIRYTEXT', quoted]) expect(everything).toContain(mine);
      for (const marker of ['ZZOTHER', 'ZZUNLINKED', someoneElses, other.id]) expect(everything).not.toContain(marker);
    });

    it("holds all of one provider's data and nothing of anyone else's", async () => {
      // Someone else, with distinctive values everywhere they could leak from.
      const other = await collect(
        [
          { category: 'NAME', value: 'ZZOTHERNAME Kobayashi' },
          { category: 'EMAIL', value: 'zzother.mail@example.jp' },
          { category: 'AFFILIATION', value: 'ZZOTHERAFFILIATION Lab' },
        ],
        'ZZOTHERSOURCE meeting',
      );
      const otherDetail = (await owner.ok(ProviderDocument, { id: other.id })).provider;
      await withdrawNews(otherDetail, 'VERBAL', 'ZZOTHERCONSENTNOTE');
      await owner.ok(DecisionDocument, {
        input: { action: 'USE', providerId: other.id, purposeKey: 'CONFERENCE_REGISTRATION', categories: ['NAME'] },
      });
      const otherRequest = await staffRequest({
        requesterName: 'ZZOTHERREQUESTER',
        contact: 'zzother.requester@example.jp',
        details: 'ZZOTHERDETAILS',
        providerId: other.id,
      });

      // The provider asking, with data, consents, a withdrawal, decisions and an earlier request.
      const me = await collect(
        [
          { category: 'NAME', value: 'Mei Watanabe' },
          { category: 'EMAIL', value: 'mei.watanabe@example.jp' },
          { category: 'AFFILIATION', value: 'Precision Optics Group' },
        ],
        'Spring Meeting registration',
      );
      const meDetail = (await owner.ok(ProviderDocument, { id: me.id })).provider;
      await withdrawNews(meDetail, 'EMAIL_REPLY', 'Asked by e-mail to stop the news.');
      await owner.ok(DecisionDocument, {
        input: {
          action: 'USE',
          providerId: me.id,
          purposeKey: 'CONFERENCE_REGISTRATION',
          categories: ['NAME', 'EMAIL'],
        },
      });
      await owner.ok(DecisionDocument, {
        input: { action: 'USE', providerId: me.id, purposeKey: 'EVENT_NEWS', categories: ['EMAIL'] },
      });
      const earlier = await staffRequest({ kind: 'AMENDMENT', providerId: me.id });
      const request = await readyRequest(await submitAsProvider(), me.id);

      const pkg = (await officer.ok(ProduceDisclosurePackageDocument, { input: { requestId: request.id } }))
        .produceDisclosurePackage;
      expect(pkg.provider).toMatchObject({ id: me.id, reference: me.reference });
      expect(pkg.dataItems.map((i) => i.value).sort()).toEqual([
        'Mei Watanabe',
        'Precision Optics Group',
        'mei.watanabe@example.jp',
      ]);
      expect(
        pkg.dataItems.every(
          (i) => i.source === 'Spring Meeting registration' && i.collectionId === pkg.collections[0]!.id,
        ),
      ).toBe(true);
      expect(pkg.collections).toHaveLength(1);
      expect(pkg.consents.map((c) => `${c.purposeKey}:${c.state}:${c.policyVersion}`)).toEqual([
        'CONFERENCE_REGISTRATION:GRANTED:1',
        'EVENT_NEWS:WITHDRAWN:1',
      ]);
      expect(pkg.consentEvents.map((e) => e.action)).toEqual(['GRANT', 'GRANT', 'WITHDRAW']);
      expect(pkg.consentEvents[2]!.note).toBe('Asked by e-mail to stop the news.');
      const ledgerRows = await app
        .em()
        .getConnection()
        .execute<{ n: number | string }[]>('select count(*) as n from ledger_entry where provider_id = ?', [me.id]);
      expect(pkg.ledgerCount).toBe(Number(ledgerRows[0]!.n));
      expect(pkg.ledger.map((e) => e.kind).sort()).toEqual([
        'COLLECTION',
        'CONSENT',
        'CONSENT',
        'CONSENT',
        'DECISION',
        'DECISION',
      ]);
      expect(pkg.ledger.filter((e) => e.kind === 'DECISION').map((e) => e.outcome)).toEqual(['ALLOWED', 'DENIED']);
      expect(pkg.requests.map((r) => r.reference).sort()).toEqual([earlier.reference, request.reference].sort());
      // Who acted is described, not left as an internal reference: the staff member by name and role.
      expect(pkg.actors.map((a) => a.ref)).toEqual([...new Set(pkg.ledger.map((e) => e.actor))].sort());
      const ownerRef = pkg.ledger.find((e) => e.kind === 'DECISION')!.actor;
      expect(ownerRef).toMatch(/^admin:/);
      // A new provider is Japanese (the organisation's default): so is the package.
      expect(pkg.language).toBe('ja');
      expect(pkg.actors.find((a) => a.ref === ownerRef)!.description).toMatch(/^事務局 .+（オーナー）$/);
      expect(pkg.actors.every((a) => !a.description.startsWith('不明'))).toBe(true);
      // The JSON names each entry's actor as described, and never by an internal reference.
      const described = new Map(pkg.actors.map((a) => [a.ref, a.description]));
      const jsonLedger = (JSON.parse(pkg.json) as { ledger: { sequence: number; actorName: string }[] }).ledger;
      expect(jsonLedger.map((e) => e.actorName)).toEqual(pkg.ledger.map((e) => described.get(e.actor)));
      const { evidence, ...readable } = JSON.parse(pkg.json) as { evidence: { entries: { hash: string }[] } };
      expect(JSON.stringify(readable)).not.toMatch(/admin:|partner:|"actor"/);
      // The proofs hold the same entries, exactly as hashed (checked by @steward/verify elsewhere).
      expect(evidence.entries.map((e) => e.hash)).toEqual(pkg.ledger.map((e) => e.hash));
      expect(pkg.formatVersion).toBe('steward.disclosure/6');
      expect(pkg.sections.map((s) => `${s.key}:${s.count}`)).toEqual([
        'inquiries:0',
        'cookieConsents:0',
        'incidents:0',
      ]);

      // The whole package, as returned and as the canonical JSON, holds nothing of the other provider.
      const everything = JSON.stringify(pkg) + pkg.json;
      for (const marker of [
        'ZZOTHER',
        'zzother',
        other.id,
        other.reference,
        otherRequest.reference,
        ...otherDetail.dataItems.map((i) => i.id),
      ]) {
        expect(everything).not.toContain(marker);
      }
      expect(createHash('sha256').update(pkg.json, 'utf8').digest('hex')).toBe(pkg.sha256);
      expect(canonicalJson(JSON.parse(pkg.json))).toBe(pkg.json);
      const canonical = JSON.parse(pkg.json) as {
        dataItems: { value: string }[];
        ledger: unknown[];
        requestReference: string;
      };
      expect(canonical.dataItems.map((i) => i.value).sort()).toEqual([
        'Mei Watanabe',
        'Precision Optics Group',
        'mei.watanabe@example.jp',
      ]);
      expect(canonical.ledger).toHaveLength(pkg.ledgerCount);

      // The typed ledger may be a preview; the JSON always holds every entry.
      const preview = (
        await officer.ok(ProduceDisclosurePackageDocument, { input: { requestId: request.id }, ledgerFirst: 2 })
      ).produceDisclosurePackage;
      expect(preview.ledger.map((e) => e.sequence)).toEqual(pkg.ledger.slice(0, 2).map((e) => e.sequence));
      expect(preview.ledgerCount).toBe(pkg.ledgerCount);
      expect((JSON.parse(preview.json) as { ledger: unknown[] }).ledger).toHaveLength(pkg.ledgerCount);

      // Producing it is audited (by reference and hash, never values) and marks the request.
      const marked = (await officer.ok(ProviderRequestDocument, { id: request.id })).providerRequest!;
      expect(marked.packageHash).toBe(preview.sha256);
      expect(marked.packageProducedAt).not.toBeNull();
      const audit = await app
        .em()
        .getConnection()
        .execute<{ detail: unknown; provider_ids: unknown }[]>(
          "select detail, provider_ids from audit_entry where action = 'request.disclose' and subject = ?",
          [request.id],
        );
      expect(audit).toHaveLength(2);
      expect(JSON.stringify(audit)).toContain(pkg.sha256);
      expect(JSON.stringify(audit)).not.toContain('Mei Watanabe');
      expect((await owner.ok(VerifyLedgerDocument)).verifyLedger.ok).toBe(true);

      async function submitAsProvider(): Promise<ProviderRequestFieldsFragment> {
        const receipt = await submit({ requesterName: 'Mei Watanabe', contact: 'mei.watanabe@example.jp' });
        const list = (await officer.ok(ProviderRequestsDocument, { first: 100 })).providerRequests.edges.map(
          (e) => e.node,
        );
        return list.find((r) => r.reference === receipt.data!.submitProviderRequest.reference)!;
      }
    });
  });

  describe('amendment', () => {
    it('applies changes item by item with before/after history, updating search, in one transaction', async () => {
      const p = await collect([
        { category: 'NAME', value: 'Sora Ito' },
        { category: 'EMAIL', value: 'sora.old@example.jp' },
        { category: 'AFFILIATION', value: 'Old Lab' },
      ]);
      const detail = (await owner.ok(ProviderDocument, { id: p.id })).provider;
      const item = (category: string) => detail.dataItems.find((i) => i.category === category)!;
      const r = await readyRequest(
        await staffRequest({ kind: 'AMENDMENT', details: 'New e-mail, drop my affiliation, add a phone.' }),
        p.id,
      );

      const bad = await officer.request(ApplyAmendmentDocument, {
        input: {
          requestId: r.id,
          expectedProviderVersion: detail.version,
          changes: [
            { itemId: item('EMAIL').id, category: 'EMAIL', value: 'not-an-address' },
            { itemId: item('NAME').id, category: 'NAME', value: 'Sora Ito' },
          ],
        },
      });
      expect(errorOf(bad).issues!.map((i) => `${i.field}:${i.code}`)).toEqual([
        'input.changes[0].value:INVALID_FORMAT',
        'input.changes[1].value:NO_CHANGE',
      ]);
      expect(await count(`data_item_change where provider_id = '${p.id}'`)).toBe(0);

      const done = (
        await officer.ok(ApplyAmendmentDocument, {
          input: {
            requestId: r.id,
            expectedProviderVersion: detail.version,
            changes: [
              { itemId: item('EMAIL').id, category: 'EMAIL', value: 'sora.new@example.jp' },
              { itemId: item('AFFILIATION').id, category: 'AFFILIATION', value: null },
              { category: 'TELEPHONE', value: '03-1234-5678' },
            ],
          },
        })
      ).applyAmendment;
      expect(done.changes.map((c) => [c.category, c.action, c.before, c.after])).toEqual([
        ['EMAIL', 'UPDATE', 'sora.old@example.jp', 'sora.new@example.jp'],
        ['AFFILIATION', 'REMOVE', 'Old Lab', null],
        ['TELEPHONE', 'ADD', null, '03-1234-5678'],
      ]);
      expect(done.providerVersion).toBeGreaterThan(detail.version);
      const after = (await owner.ok(ProviderDocument, { id: p.id })).provider;
      expect(after.dataItems.map((i) => `${i.category}=${i.value}`).sort()).toEqual([
        'EMAIL=sora.new@example.jp',
        'NAME=Sora Ito',
        'TELEPHONE=03-1234-5678',
      ]);
      // The provider's history shows each change; search follows the new address only.
      const rights = await owner.ok(ProviderRightsDocument, { providerId: p.id });
      expect(rights.providerAmendments.map((c) => c.action).sort()).toEqual(['ADD', 'REMOVE', 'UPDATE']);
      expect(
        rights.providerAmendments.every(
          (c) => c.requestReference === r.reference && c.changedBy === 'Test PRIVACY_OFFICER',
        ),
      ).toBe(true);
      const found = async (search: string) =>
        (await owner.ok(ProvidersDocument, { first: 5, filter: { search } })).providers.edges.map((e) => e.node.id);
      expect(await found('sora.new@example.jp')).toEqual([p.id]);
      expect(await found('sora.old@example.jp')).toEqual([]);
      // Values are sealed at rest and never in the audit trail.
      const raw = JSON.stringify(
        await app.em().getConnection().execute('select * from data_item_change where provider_id = ?', [p.id]),
      );
      expect(raw).not.toContain('sora.');
      const audit = JSON.stringify(
        await app
          .em()
          .getConnection()
          .execute("select detail from audit_entry where action = 'request.amend' and subject = ?", [r.id]),
      );
      expect(audit).toContain('UPDATE');
      expect(audit).not.toContain('sora.');
      // Completed once the changes are applied.
      const current = (await officer.ok(ProviderRequestDocument, { id: r.id })).providerRequest!;
      expect(
        (
          await officer.ok(ChangeRequestStatusDocument, {
            input: { requestId: r.id, expectedVersion: current.version, status: 'COMPLETED' },
          })
        ).changeRequestStatus.status,
      ).toBe('COMPLETED');
    });

    it('refuses a stale amendment with CONFLICT and the current version, changing nothing', async () => {
      const p = await collect([
        { category: 'NAME', value: 'Ren Kato' },
        { category: 'EMAIL', value: 'ren.kato@example.jp' },
      ]);
      const detail = (await owner.ok(ProviderDocument, { id: p.id })).provider;
      const r = await readyRequest(await staffRequest({ kind: 'AMENDMENT' }), p.id);
      const email = detail.dataItems.find((i) => i.category === 'EMAIL')!;
      // Someone changes the provider meanwhile (a consent withdrawal bumps the version).
      await withdrawNews(detail, 'VERBAL');
      const stale = await officer.request(ApplyAmendmentDocument, {
        input: {
          requestId: r.id,
          expectedProviderVersion: detail.version,
          changes: [{ itemId: email.id, category: 'EMAIL', value: 'ren.new@example.jp' }],
        },
      });
      expect(errorOf(stale).code).toBe('CONFLICT');
      const now = (await owner.ok(ProviderDocument, { id: p.id })).provider;
      expect((stale.errors![0]!.extensions as { currentVersion: number }).currentVersion).toBe(now.version);
      expect(now.dataItems.find((i) => i.category === 'EMAIL')!.value).toBe('ren.kato@example.jp');

      // Two editors with the same version: exactly one wins.
      const results = await Promise.all(
        ['ren.a@example.jp', 'ren.b@example.jp'].map((value) =>
          officer.request(ApplyAmendmentDocument, {
            input: {
              requestId: r.id,
              expectedProviderVersion: now.version,
              changes: [{ itemId: email.id, category: 'EMAIL', value }],
            },
          }),
        ),
      );
      expect(results.filter((x) => !x.errors).length).toBe(1);
      expect(results.filter((x) => errorOf(x).code === 'CONFLICT').length).toBe(1);
      expect(await count(`data_item_change where provider_id = '${p.id}'`)).toBe(1);
    });
  });

  describe('cessation', () => {
    it('stops use and provision: decisions deny afterwards, consent is withdrawn, a legal requirement is unaffected', async () => {
      const p = await collect(
        [
          { category: 'NAME', value: 'Kaito Mori' },
          { category: 'POSTAL_CODE', value: '102-0073' },
          { category: 'POSTAL_ADDRESS', value: '1-5-9 Kudan-kita, Chiyoda-ku' },
          { category: 'EMAIL', value: 'kaito.mori@example.jp' },
        ],
        'Journal subscription',
        [
          { purposeKey: 'JOURNAL_DELIVERY', granted: true },
          { purposeKey: 'EVENT_NEWS', granted: true },
        ],
      );
      const courier = (
        await owner.ok(CreateRecipientDocument, { input: { name: `Courier ${database}`, kind: 'CONTRACTOR' } })
      ).createRecipient.id;
      const drafted = (
        await owner.ok(CreateExceptionDocument, {
          input: buildExceptionInput('OUTSOURCING', { recipientId: courier, providerId: p.id, consentEventIds: [] }),
        })
      ).createException;
      await officer.ok(ApproveExceptionDocument, { input: { id: drafted.id, expectedVersion: drafted.version } });
      const decide = async (
        action: 'USE' | 'PROVIDE',
        purposeKey: string,
        categories: ('NAME' | 'EMAIL' | 'POSTAL_ADDRESS')[],
        recipientId: string | null = null,
      ) =>
        (await owner.ok(DecisionDocument, { input: { action, providerId: p.id, purposeKey, categories, recipientId } }))
          .decision;

      expect((await decide('USE', 'EVENT_NEWS', ['EMAIL'])).allowed).toBe(true);
      expect((await decide('PROVIDE', 'JOURNAL_DELIVERY', ['NAME', 'POSTAL_ADDRESS'], courier)).allowed).toBe(true);
      // The courier's system receives the provider's name and address under the exception…
      const key = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: courier, label: 'Dispatch' } }))
        .issuePartnerKey.key;
      const asCourier = () =>
        app.client().raw(print(PartnerProviderDocument), { id: p.id }, { authorization: `Bearer ${key}` });
      const provided = (await asCourier()) as { data?: { partnerProvider: { items: { category: string }[] } } | null };
      expect(provided.data?.partnerProvider.items.map((i) => i.category).sort()).toEqual([
        'NAME',
        'POSTAL_ADDRESS',
        'POSTAL_CODE',
      ]);

      const r = await readyRequest(await staffRequest({ kind: 'CESSATION', channel: 'EMAIL' }), p.id);
      const provider = (await owner.ok(ProviderDocument, { id: p.id })).provider;
      const unknown = await officer.request(ApplyCessationDocument, {
        input: { requestId: r.id, expectedProviderVersion: provider.version, stopUsePurposeKeys: ['NO_SUCH_PURPOSE'] },
      });
      expect(errorOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.stopUsePurposeKeys[0]' });
      const done = (
        await officer.ok(ApplyCessationDocument, {
          input: {
            requestId: r.id,
            expectedProviderVersion: provider.version,
            stopUsePurposeKeys: ['EVENT_NEWS'],
            stopProvisionRecipientIds: [courier],
          },
        })
      ).applyCessation;
      expect(done.withdrawnPurposeKeys).toEqual(['EVENT_NEWS']);
      expect(done.cessations.map((c) => `${c.action}:${c.purposeKey ?? '*'}:${c.recipientName ?? '*'}`).sort()).toEqual(
        ['PROVIDE:*:Courier ' + database, 'USE:EVENT_NEWS:*'],
      );

      const use = await decide('USE', 'EVENT_NEWS', ['EMAIL']);
      expect(use.allowed).toBe(false);
      expect(use.reasons[0]!.code).toBe('CEASED_ON_REQUEST');
      const provide = await decide('PROVIDE', 'JOURNAL_DELIVERY', ['NAME', 'POSTAL_ADDRESS'], courier);
      expect(provide.allowed).toBe(false);
      expect(provide.reasons.map((x) => x.code)).toContain('CEASED_ON_REQUEST');
      // …and no longer once the provider asked to stop: the partner read answers as for a stranger.
      expect(errorOf(await asCourier()).code).toBe('NOT_FOUND');
      // Use for a purpose not named continues.
      expect((await decide('USE', 'JOURNAL_DELIVERY', ['NAME'])).allowed).toBe(true);

      const after = (await owner.ok(ProviderDocument, { id: p.id })).provider;
      expect(after.consents.find((c) => c.purpose.key === 'EVENT_NEWS')!.state).toBe('WITHDRAWN');
      expect(after.consentHistory[0]).toMatchObject({
        action: 'WITHDRAW',
        method: 'EMAIL_REPLY',
        note: `Cessation of use on request ${r.reference}`,
      });
      const rights = await owner.ok(ProviderRightsDocument, { providerId: p.id });
      expect(rights.providerCessations).toHaveLength(2);
      expect((await owner.ok(VerifyLedgerDocument)).verifyLedger.ok).toBe(true);
    });
  });

  describe('public form', () => {
    it('returns a receipt reference and stores the request sealed, with nothing but the receipt told', async () => {
      const res = await submit({
        kind: 'AMENDMENT',
        details: 'My address changed.\r\nNew one: …',
        cookieConsentIds: ['c0ns3nt-visitor-01'],
      });
      expect(res.errors).toBeUndefined();
      const receipt = res.data!.submitProviderRequest;
      expect(receipt.reference).toMatch(/^R-[2-9A-HJ-NP-Z]{10}$/);
      const list = (
        await officer.ok(ProviderRequestsDocument, { first: 100, filter: { kind: 'AMENDMENT', status: 'RECEIVED' } })
      ).providerRequests.edges.map((e) => e.node);
      const stored = list.find((r) => r.reference === receipt.reference)!;
      expect(stored).toMatchObject({ channel: 'WEB_FORM', enteredBy: null, provider: null });
      expect(stored.requester).toEqual({
        name: 'Aiko Fujimoto',
        contact: 'aiko.fujimoto@example.jp',
        details: 'My address changed.\nNew one: …',
        cookieConsentIds: ['c0ns3nt-visitor-01'],
      });
      const history = (await officer.ok(ProviderRequestDocument, { id: stored.id })).providerRequest!.history;
      expect(history).toEqual([
        expect.objectContaining({ fromStatus: null, toStatus: 'RECEIVED', actorName: 'Public form' }),
      ]);
    });

    it.each([
      ['a wrong kind', { kind: 'ERASURE' }, 'input.kind'],
      ['an unknown kind with markup', { kind: '<script>' }, 'input.kind'],
      ['a control character', { requesterName: 'Aiko\u0000Fujimoto' }, 'input.requesterName'],
      ['a text-direction override', { contact: 'evil\u202Egpj.exe@example.jp' }, 'input.contact'],
      ['an oversized name', { requesterName: 'A'.repeat(2000) }, 'input.requesterName'],
      ['oversized details', { details: 'x'.repeat(4001) }, 'input.details'],
      ['a huge payload', { details: 'x'.repeat(30_000) }, 'input.details'],
      ['a hostile cookie consent id', { cookieConsentIds: ["' or 1=1 --"] }, 'input.cookieConsentIds[0]'],
      [
        'too many cookie consent ids',
        { cookieConsentIds: Array.from({ length: 30 }, (_, i) => `consent-id-${i}`) },
        'input.cookieConsentIds',
      ],
      ['a blank name', { requesterName: '   ' }, 'input.requesterName'],
    ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_what, input, field) => {
      const before = {
        requests: await count('provider_request'),
        audit: await count('audit_entry'),
        history: await count('request_status_change'),
      };
      const res = await submit(input as never);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
      expect(JSON.stringify(res.errors)).not.toMatch(/stack|select |insert /i);
      expect({
        requests: await count('provider_request'),
        audit: await count('audit_entry'),
        history: await count('request_status_change'),
      }).toEqual(before);
    });

    it('is rate-limited per client address (TOO_MANY_REQUESTS), others unaffected', async () => {
      const address = '198.51.100.77';
      for (let i = 0; i < 5; i++) expect((await submit({}, address)).errors).toBeUndefined();
      const before = await count('provider_request');
      const limited = await submit({}, address);
      expect(limited.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      // Hostile input from a spent address is refused by the limiter before it is even read.
      expect((await submit({ requesterName: 'x\u0000' }, address)).errors?.[0]?.extensions?.code).toBe(
        'TOO_MANY_REQUESTS',
      );
      expect(await count('provider_request')).toBe(before);
      expect((await submit({}, '198.51.100.78')).errors).toBeUndefined();
    });

    it('counts an IPv6 /64 as one client address, on the GraphQL form and at its input boundary', async () => {
      for (let i = 0; i < 5; i++) expect((await submit({}, `2001:db8:a:b::${i + 1}`)).errors).toBeUndefined();
      expect((await submit({}, '2001:db8:a:b:1:2:3:4')).errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
      // Refused input is counted, and refused, by the same /64.
      expect((await submit({ requesterName: 'x\u0000' }, '2001:db8:a:b::99')).errors?.[0]?.extensions?.code).toBe(
        'TOO_MANY_REQUESTS',
      );
      expect((await submit({}, '2001:db8:a:c::1')).errors).toBeUndefined();
    });
  });
});
