import { DecisionDocument, RecordCollectionDocument } from '@steward/schema';
import { label, type DisclosureDocument } from '@steward/policy-core';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { buildCollectionInput } from '../test/factories.js';
import { produceDisclosure } from '../test/requests.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';

// Issue 19's promise to a provider, end to end: the disclosure package they receive carries proofs
// that @steward/verify — run as they would run it, in a process of its own, with no server and no
// database, against the key the organisation publishes — accepts as complete and consistent with the
// head of their previous package; and the same package with one ledger entry taken out fails.

const VERIFY_CLI = fileURLToPath(new URL('../../../../packages/verify/dist/cli.js', import.meta.url));

type Verified = { code: number; json: { ok: boolean; problems: { reason: string }[] } & Record<string, unknown> };

/** `steward-verify --json --public-key <key> <file>` in a child process. */
async function verify(pkg: unknown, publicKey: string): Promise<Verified> {
  const file = join(mkdtempSync(join(tmpdir(), 'steward-evidence-')), 'disclosure.json');
  writeFileSync(file, typeof pkg === 'string' ? pkg : JSON.stringify(pkg));
  const run = promisify(execFile)(process.execPath, [VERIFY_CLI, '--json', '--public-key', publicKey, file], {
    encoding: 'utf8',
  });
  try {
    const { stdout } = await run;
    return { code: 0, json: JSON.parse(stdout) };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, json: JSON.parse(e.stdout) };
  }
}

describe.each(DATABASES)('a disclosure package checked offline, on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
  });
  afterAll(() => app?.close());

  async function collect(): Promise<string> {
    return (await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() })).recordCollection.provider.id;
  }
  const decide = (providerId: string) =>
    owner.ok(DecisionDocument, {
      input: { action: 'USE', providerId, purposeKey: 'CONFERENCE_REGISTRATION', categories: ['NAME'] },
    });

  it('verifies as complete and consistent with the earlier head; one entry removed fails', async () => {
    const [provider, other] = [await collect(), await collect()];
    await decide(provider);
    const first = await produceDisclosure(officer, provider);
    const firstDoc = JSON.parse(first.json) as DisclosureDocument;
    const keptHead = firstDoc.evidence!.head;

    // The ledger grows: about this provider and about someone else.
    for (let i = 0; i < 3; i++) await Promise.all([decide(provider), decide(other)]);
    const second = await produceDisclosure(officer, provider, { earlierHead: JSON.stringify(keptHead) });
    const doc = JSON.parse(second.json) as DisclosureDocument;
    const evidence = doc.evidence!;
    expect(evidence.earlierHead).toEqual(keptHead);
    expect(evidence.entries.map((e) => e.content.sequence)).toEqual(doc.ledger.map((e) => e.sequence));

    // The key as the organisation publishes it, for witnesses and providers.
    const published = (await (await fetch(`${app.url}/privacy/ledger/tree-head.json`)).json()) as {
      publicKey: string;
    };
    expect(published.publicKey).toBe(evidence.publicKey);
    await app.close(); // nothing answers from here on: the verifier has only the file

    const ok = await verify(second.json, published.publicKey);
    expect(ok.code, JSON.stringify(ok.json.problems)).toBe(0);
    expect(ok.json).toMatchObject({ ok: true, problems: [] });
    const entries = doc.ledger.length;
    expect((ok.json.summary as { en: string[] }).en[0]).toBe(
      `${entries} entries proven included and complete in the ledger of size ${evidence.head.treeSize} signed ` +
        `${evidence.head.timestamp.replace(/:00\.000Z$/, 'Z')}; consistent with your earlier head of size ${keptHead.treeSize}.`,
    );

    // The organisation leaves one entry out (the second decision): the package no longer proves complete.
    const withOneRemoved = { ...doc, evidence: { ...evidence, entries: evidence.entries.filter((_, i) => i !== 4) } };
    const removed = await verify(withOneRemoved, published.publicKey);
    expect(removed.code).toBe(1);
    expect(removed.json.problems.map((p) => p.reason)).toContain('INCOMPLETE');

    // Signed with another key than the published one: refused too.
    const otherKey = Buffer.alloc(32, 7).toString('base64');
    expect((await verify(second.json, otherKey)).code).toBe(1);
  });

  it('says why a package has no proofs while the tree of an upgraded ledger is still being built', async () => {
    const fresh = await createTestApp({ database });
    try {
      const [ownerHere, officerHere] = [await fresh.clientAs('OWNER'), await fresh.clientAs('PRIVACY_OFFICER')];
      const { recordCollection } = await ownerHere.ok(RecordCollectionDocument, { input: buildCollectionInput() });
      // As after the upgrade that added the provider map: the build job has made no leaf yet.
      await fresh.em().getConnection().execute('update ledger_head set tree_size = 0, tree_sequence = 0 where id = 1');
      const pkg = await produceDisclosure(officerHere, recordCollection.provider.id);
      const doc = JSON.parse(pkg.json) as DisclosureDocument;
      expect(doc.evidence).toBeNull();
      expect(doc.evidenceUnavailable).toBe(label(doc.language, 'disclosureNote', 'evidenceUnavailable'));
      expect(doc.ledger.length).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
