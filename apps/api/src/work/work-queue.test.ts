import {
  AssignInquiryDocument,
  CreateExceptionDocument,
  CreateProviderRequestDocument,
  CreateRecipientDocument,
  InquiriesDocument,
  MeDocument,
  PermittedExceptionsDocument,
  ProviderRequestsDocument,
  RecordInquiryDocument,
  SetInquiryStatusDocument,
  WorkQueueDocument,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../common/ids.js';
import { insertJob, claimJob, endJobAttempt } from '../jobs/job.queries.js';
import { DATABASES } from '../test/databases.js';
import { buildExceptionInput } from '../test/factories.js';
import { openTestIncident } from '../test/incidents.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';

const DAY = 86_400_000;

describe.each(DATABASES)('the home page of work on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let viewer: TestClient;

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    viewer = await app.clientAs('VIEWER');
  }, 60_000);
  afterAll(() => app.close());

  it('is empty on a new installation, and a viewer sees the requests only', async () => {
    const mine = (await owner.ok(WorkQueueDocument)).workQueue;
    expect(mine.approvals).toEqual({ awaitingMe: 0, mineAwaitingOthers: 0 });
    expect(mine.requests).toMatchObject({ overdue: 0, dueSoon: 0, open: 0, dueSoonDays: 3, next: [] });
    expect(mine.inquiries).toEqual({ new: 0, unanswered: 0, assignedToMe: 0 });
    expect(mine.ledgerVerification).toMatchObject({ lastJobId: null, ok: null, pending: false });
    expect(mine.incidents).toEqual({ overdue: 0, dueSoon: 0, open: 0, next: [] });
    const theirs = (await viewer.ok(WorkQueueDocument)).workQueue;
    expect(theirs).toMatchObject({ approvals: null, inquiries: null, ledgerVerification: null });
    expect(theirs.requests).not.toBeNull();
    expect((await app.client().request(WorkQueueDocument)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('counts per role: approvals not mine to author, requests overdue first, inquiries waiting, the last verification', async () => {
    const ownerId = (await owner.ok(MeDocument)).me!.id;
    const officerId = (await officer.ok(MeDocument)).me!.id;
    const recipientId = (
      await owner.ok(CreateRecipientDocument, { input: { name: 'Swift Courier', kind: 'CONTRACTOR' } })
    ).createRecipient.id;
    const draft = (title: string) =>
      buildExceptionInput('OUTSOURCING', { recipientId, providerId: newId(), consentEventIds: [] }, { title });
    // Two drafts by the owner, one by the officer: each waits for the other person.
    await owner.ok(CreateExceptionDocument, { input: draft('Owner draft 1') });
    await owner.ok(CreateExceptionDocument, { input: draft('Owner draft 2') });
    await officer.ok(CreateExceptionDocument, { input: draft('Officer draft') });

    // Requests received long ago are overdue; one received now is on track; a closed one never counts.
    const request = async (name: string, receivedAt: Date) =>
      (
        await officer.ok(CreateProviderRequestDocument, {
          input: {
            kind: 'DISCLOSURE',
            channel: 'POST',
            requesterName: name,
            contact: 'x',
            receivedAt: receivedAt.toISOString(),
          },
        })
      ).createProviderRequest;
    const now = app.deps.now();
    const older = await request('Oldest', new Date(now.getTime() - 60 * DAY));
    const old = await request('Older', new Date(now.getTime() - 40 * DAY));
    const fresh = await request('Fresh', now);

    const inquiry = async (subject: string) =>
      (await officer.ok(RecordInquiryDocument, { input: { channel: 'POST', subject, message: 'Hello' } }))
        .recordInquiry;
    await inquiry('New one');
    const working = await inquiry('Being worked on');
    const started = (
      await officer.ok(SetInquiryStatusDocument, {
        input: {
          id: working.id,
          expectedVersion: working.version,
          status: 'IN_PROGRESS',
        },
      })
    ).setInquiryStatus;
    await owner.ok(AssignInquiryDocument, {
      input: { id: started.id, expectedVersion: started.version, assigneeId: officerId },
    });
    const closed = await inquiry('Closed');
    await officer.ok(SetInquiryStatusDocument, {
      input: { id: closed.id, expectedVersion: closed.version, status: 'CLOSED' },
    });

    const jobId = newId();
    const at = app.deps.now();
    await insertJob(app.em(), {
      id: jobId,
      kind: 'LEDGER_VERIFICATION',
      payload: {},
      maxAttempts: 1,
      runAt: at,
      uniqueKey: null,
      createdById: null,
      now: at,
    });
    await claimJob(app.em(), {
      worker: 'w',
      kinds: ['LEDGER_VERIFICATION'],
      now: at,
      until: new Date(at.getTime() + 60_000),
    });
    await endJobAttempt(app.em(), {
      id: jobId,
      worker: 'w',
      now: at,
      status: 'SUCCEEDED',
      runAt: null,
      result: { ok: true, checkedEntries: 42, firstFailureSequence: null },
      errorCode: null,
    });

    const forOwner = (await owner.ok(WorkQueueDocument)).workQueue;
    expect(forOwner.approvals).toEqual({ awaitingMe: 1, mineAwaitingOthers: 2 });
    expect(forOwner.requests).toMatchObject({ overdue: 2, open: 3 });
    expect(forOwner.requests!.next.map((r) => r.reference)).toEqual([older.reference, old.reference, fresh.reference]);
    expect(forOwner.requests!.next.map((r) => r.urgency)).toEqual(['OVERDUE', 'OVERDUE', 'ON_TRACK']);
    expect(forOwner.inquiries).toEqual({ new: 1, unanswered: 2, assignedToMe: 0 });
    expect(forOwner.ledgerVerification).toMatchObject({
      lastJobId: jobId,
      lastStatus: 'SUCCEEDED',
      ok: true,
      checkedEntries: 42,
      pending: false,
    });

    const forOfficer = (await officer.ok(WorkQueueDocument)).workQueue;
    expect(forOfficer.approvals).toEqual({ awaitingMe: 2, mineAwaitingOthers: 1 });
    expect(forOfficer.inquiries).toEqual({ new: 1, unanswered: 2, assignedToMe: 1 });

    const forViewer = (await viewer.ok(WorkQueueDocument)).workQueue;
    expect(forViewer).toMatchObject({ approvals: null, inquiries: null, ledgerVerification: null });
    expect(forViewer.requests).toMatchObject({ overdue: 2, open: 3 });

    // The lists behind the counts give the same rows.
    const ownerList = (await owner.ok(PermittedExceptionsDocument, { awaitingMyApproval: true })).permittedExceptions;
    expect(ownerList.map((e) => e.title)).toEqual(['Officer draft']);
    expect(ownerList.every((e) => e.abilities.approve)).toBe(true);
    const officerList = (await officer.ok(PermittedExceptionsDocument, { awaitingMyApproval: true }))
      .permittedExceptions;
    expect(officerList.map((e) => e.title).sort()).toEqual(['Owner draft 1', 'Owner draft 2']);
    expect((await viewer.ok(PermittedExceptionsDocument, { awaitingMyApproval: true })).permittedExceptions).toEqual(
      [],
    );
    expect(ownerId).not.toBe(officerId);
    const overdue = (await owner.ok(ProviderRequestsDocument, { filter: { urgency: 'OVERDUE' } })).providerRequests;
    expect(overdue.edges).toHaveLength(forOwner.requests!.overdue);
    const dueSoon = (await owner.ok(ProviderRequestsDocument, { filter: { urgency: 'DUE_SOON' } })).providerRequests;
    expect(dueSoon.edges).toHaveLength(forOwner.requests!.dueSoon);
    const unanswered = (await owner.ok(InquiriesDocument, { filter: { unanswered: true } })).inquiries;
    expect(unanswered.edges.map((e) => e.node.status).sort()).toEqual(['IN_PROGRESS', 'NEW']);
    const both = (await owner.ok(InquiriesDocument, { filter: { unanswered: true, status: 'CLOSED' } })).inquiries;
    expect(both.edges).toEqual([]);
  });

  it('shows open incidents and the reports due first, to every member (a viewer reads the register)', async () => {
    const open = (title: string, awareAt: Date) =>
      openTestIncident(app, {
        detectorKey: `work-queue-test:${title}`,
        kind: 'LOSS',
        title,
        wrongfulPurposeSuspected: false,
        awareAt,
      });
    const now = app.clock.now;
    const late = await open('Lost USB stick', new Date(now.getTime() - 6 * DAY));
    const soon = await open('Misdelivered letters', new Date(now.getTime() - 3 * DAY));
    await open('Found today', now);
    for (const client of [owner, viewer]) {
      const { incidents } = (await client.ok(WorkQueueDocument)).workQueue;
      expect(incidents).toMatchObject({ overdue: 1, dueSoon: 1, open: 3 });
      expect(incidents!.next).toEqual([
        expect.objectContaining({ id: late.id, reference: late.reference, urgency: 'OVERDUE', report: 'PRELIMINARY' }),
        expect.objectContaining({
          id: soon.id,
          title: 'Misdelivered letters',
          urgency: 'DUE_SOON',
          report: 'PRELIMINARY',
        }),
      ]);
      expect(incidents!.next[0]!.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
