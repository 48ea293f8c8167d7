import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Incident } from '../incidents/incident.entity.js';
import { IncidentService } from '../incidents/incident.service.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { firstStart } from '../bootstrap.js';
import { PermittedException } from '../exceptions/permitted-exception.entity.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { LedgerEntry } from '../ledger/ledger-entry.entity.js';
import { LedgerTreeHead } from '../ledger/ledger-tree-head.entity.js';
import { PartnerCredential } from '../recipients/partner-credential.entity.js';
import { Recipient } from '../recipients/recipient.entity.js';
import { ProviderRequest } from '../requests/provider-request.entity.js';
import { DATABASES } from '../test/databases.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { DEMO_HISTORY_DAYS, DEMO_OFFICER, DEMO_RECIPIENT } from './demo-workload.js';

const DAY = 86_400_000;

/** How many rows of each kind the demo leaves: what a second start must not change. */
async function census(app: TestApp) {
  const em = app.em();
  return {
    users: await em.count(AdminUser, {}),
    recipients: await em.count(Recipient, {}),
    exceptions: await em.count(PermittedException, {}),
    credentials: await em.count(PartnerCredential, {}),
    requests: await em.count(ProviderRequest, {}),
    inquiries: await em.count(Inquiry, {}),
    ledger: await em.count(LedgerEntry, {}),
    audit: await em.count(AuditEntry, {}),
  };
}

describe.each(DATABASES)('the demo data on %s', (database) => {
  let app: TestApp;
  let startMs = 0;
  beforeAll(async () => {
    const started = performance.now();
    app = await createTestApp({ database, seedDemo: true });
    startMs = performance.now() - started;
  }, 120_000);
  afterAll(() => app.close());

  it('creates every part of the product through its service on the first start', async () => {
    const em = app.em();
    console.info(`first start with demo data on ${database}: ${Math.round(startMs)} ms`);
    const audited = async (action: string, subject?: string) =>
      em.count(AuditEntry, { action, ...(subject ? { subject } : {}) });

    // A second member of staff, created by the owner.
    const officer = await em.findOneOrFail(AdminUser, { email: DEMO_OFFICER.email });
    expect(officer.role).toBe('PRIVACY_OFFICER');
    expect(await audited('admin_user.create', officer.id)).toBe(1);

    // The delivery company, its approved outsourcing exception (names and addresses) and a partner key.
    const recipient = await em.findOneOrFail(Recipient, { name: DEMO_RECIPIENT });
    expect(await audited('recipient.create', recipient.id)).toBe(1);
    const approved = await em.findOneOrFail(
      PermittedException,
      { recipient: recipient.id },
      { populate: ['authoredBy', 'approvedBy'] },
    );
    expect(approved).toMatchObject({ kind: 'OUTSOURCING', status: 'ACTIVE' });
    expect(approved.categories).toEqual(expect.arrayContaining(['NAME', 'POSTAL_ADDRESS']));
    expect(approved.approvedBy?.id).toBe(officer.id);
    expect(approved.authoredBy.id).not.toBe(officer.id);
    expect(await audited('exception.approve', approved.id)).toBe(1);
    expect(await em.count(PartnerCredential, { recipient: recipient.id, key: { revokedAt: null } })).toBe(1);
    // A draft by the officer, waiting for the owner's approval.
    expect(await em.count(PermittedException, { status: 'DRAFT', authoredBy: officer.id })).toBe(1);

    // Decisions and provisions over the last weeks, in the ledger, times running forward with the sequence.
    const entries = await em.find(
      LedgerEntry,
      { kind: { $in: ['DECISION', 'PROVISION'] } },
      { orderBy: { sequence: 'asc' } },
    );
    const decisions = entries.filter((e) => e.kind === 'DECISION');
    const provisions = entries.filter((e) => e.kind === 'PROVISION');
    expect(decisions.length).toBeGreaterThanOrEqual(DEMO_HISTORY_DAYS);
    expect(provisions.length).toBeGreaterThan(0);
    expect(provisions.every((p) => p.recipientId === recipient.id)).toBe(true);
    const now = app.deps.now().getTime();
    const days = new Set(entries.map((e) => Math.floor(e.recordedAt.getTime() / DAY)));
    expect(days.size).toBeGreaterThanOrEqual(DEMO_HISTORY_DAYS - 1);
    expect(entries.every((e) => e.recordedAt.getTime() <= now && e.recordedAt.getTime() >= now - 35 * DAY)).toBe(true);
    const all = await em.find(LedgerEntry, {}, { orderBy: { sequence: 'asc' } });
    for (let i = 1; i < all.length; i++)
      expect(all[i]!.recordedAt.getTime()).toBeGreaterThanOrEqual(all[i - 1]!.recordedAt.getTime());
    // Signed at once, with the provider map: the public page and a first package have a head.
    const [head] = await em.find(LedgerTreeHead, {}, { orderBy: { treeSize: 'desc' } });
    expect(head).toMatchObject({ treeSize: all.length, version: 2 });

    // An open disclosure request and a new inquiry.
    const request = await em.findOneOrFail(ProviderRequest, { kind: 'DISCLOSURE' });
    expect(['RECEIVED', 'IN_PROGRESS']).toContain(request.status);
    expect(await audited('request.create', request.id)).toBe(1);
    const [inquiry, ...more] = await em.find(Inquiry, {});
    expect(more).toEqual([]);
    expect(inquiry!.status).toBe('NEW');
    expect(await audited('inquiry.create', inquiry!.id)).toBe(1);

    // The incident register: a minor loss closed, a reportable leak open with its preliminary report due soon.
    const incidents = await em.find(Incident, {}, { orderBy: { awareAt: 'asc' } });
    expect(incidents.map((i) => [i.kind, i.status])).toEqual([
      ['LOSS', 'CLOSED'],
      ['LEAK', 'OPEN'],
    ]);
    const attention = await new IncidentService(em.fork(), null, app.deps).incidentsNeedingAttention(app.deps.now());
    expect(attention.next.map((r) => [r.reference, r.reportability, r.urgency])).toEqual([
      [incidents[1]!.reference, 'REPORTABLE', 'DUE_SOON'],
    ]);
  });

  it('adds nothing on a second start', async () => {
    const before = await census(app);
    await firstStart(app.orm, app.deps);
    expect(await census(app)).toEqual(before);
  });
});

describe('without demo data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ seedDemo: false });
  }, 60_000);
  afterAll(() => app.close());

  it('creates none of it', async () => {
    const counts = await census(app);
    expect(counts).toMatchObject({ users: 1, recipients: 0, exceptions: 0, credentials: 0, requests: 0, inquiries: 0 });
    expect(await app.em().count(LedgerEntry, { kind: { $in: ['DECISION', 'PROVISION'] } })).toBe(0);
  });
});
