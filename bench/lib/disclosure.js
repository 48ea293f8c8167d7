// Disclosure package at scale (issue 4): one provider with `entries` ledger entries and `items`
// personal data items (plus as many ledger entries of other providers, so the per-provider index
// has to do the work), a verified disclosure request in progress, then the
// `produceDisclosurePackage` mutation timed end to end over HTTP, sequentially: median and p95.
import pg from 'pg';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 } from 'uuid';
import { entryHash } from '@steward/api/dist/ledger/ledger-hash.js';
import { syntheticEntry } from './ledger.js';
import { itemSealContext, itemSourceSealContext } from '@steward/api/dist/providers/personal-data-item.entity.js';
import { urlForDatabase } from './seed-postgres.js';
import { benchConfig, gql, login, openSteward, startStewardServer } from './steward.js';

const BATCH = 500;
const CATEGORIES = ['NAME', 'EMAIL', 'AFFILIATION', 'TELEPHONE', 'POSTAL_ADDRESS'];
const COLUMNS =
  'sequence, id, recorded_at, kind, actor, provider_id, purpose_key, recipient_id, categories, outcome, basis, policy_version, subject_ref, payload_hash, prev_hash, hash';
const DB_NAME = 'steward_bench_disclosure';

const FULL = `mutation Produce($input: ProduceDisclosurePackageInput!, $ledgerFirst: Int) {
  produceDisclosurePackage(input: $input) {
    formatVersion requestReference producedAt controller policyVersion
    provider { id reference kind createdAt }
    dataItems { id category value source channel collectedAt collectionId publiclyAvailable publicProvenance }
    collections { id channel consentMethod collectedAt policyVersion purposes { purposeKey granted } categories source receiptId receiptHash }
    consents { purposeKey purposeTitle state since policyVersion }
    consentEvents { id purposeKey action method policyVersion occurredAt receiptId }
    ledgerCount
    ledger(first: $ledgerFirst) { sequence recordedAt kind actor purposeKey recipientId categories outcome basisKind exceptionKind policyVersion hash }
    recipients { id name kind }
    requests { reference kind channel status receivedAt dueAt completedAt }
    amendments { id category action before after changedAt changedBy }
    cessations { id action purposeKey recipientId since }
    sections { key count json }
    json sha256
  }
}`;

const JSON_ONLY = `mutation ProduceJson($input: ProduceDisclosurePackageInput!) {
  produceDisclosurePackage(input: $input) { requestReference ledgerCount json sha256 }
}`;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function insertRows(em, table, columns, rows) {
  const conn = em.getConnection();
  const width = columns.split(',').length;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const values = chunk.map(() => `(${Array(width).fill('?').join(', ')})`).join(', ');
    await conn.execute(`insert into ${table} (${columns}) values ${values}`, chunk.flat());
  }
}

/** Seeds the scenario through the API (collection, request) and raw inserts (items, ledger), then times it. */
export async function timeDisclosurePackage({ kind, entries, items, runs, cacheDir, baseUrl, progress }) {
  let target;
  let databaseUrl = null;
  let dropDatabase = async () => undefined;
  if (kind === 'sqlite') {
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, 'disclosure-run.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    target = { kind: 'sqlite', url: file };
    dropDatabase = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    };
  } else {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${DB_NAME}" with (force)`);
    await admin.query(`create database "${DB_NAME}"`);
    await admin.end();
    databaseUrl = urlForDatabase(baseUrl, DB_NAME);
    target = { kind: 'postgresql', url: databaseUrl };
    dropDatabase = async () => {
      const again = new pg.Client({ connectionString: baseUrl });
      await again.connect();
      await again.query(`drop database if exists "${DB_NAME}" with (force)`);
      await again.end();
    };
  }

  const { orm, deps } = await openSteward(target, benchConfig({ databaseUrl, dataDir: cacheDir }));
  const server = await startStewardServer(orm, deps);
  try {
    const cookie = await login(server.url);
    const ask = (query, variables) => gql(server.url, query, variables, cookie).then((r) => r.data);
    const collected = await ask(
      `mutation($input: RecordCollectionInput!) { recordCollection(input: $input) { provider { id version } } }`,
      {
        input: {
          newProvider: { kind: 'SERVICE_USER' },
          channel: 'WEB_FORM',
          consentMethod: 'WEB_CHECKBOX',
          policyVersionShown: 1,
          purposes: [
            { purposeKey: 'JOURNAL_DELIVERY', granted: true },
            { purposeKey: 'EVENT_NEWS', granted: true },
          ],
          items: [
            { category: 'NAME', value: 'Bench Provider' },
            { category: 'EMAIL', value: 'bench.provider@example.jp' },
          ],
          source: 'Bench',
        },
      },
    );
    const providerId = collected.recordCollection.provider.id;
    const em = orm.em.fork();
    const platform = em.getPlatform();
    const dbDate = (d) => platform.processDateProperty(d);

    progress(
      `disclosure (${kind}): seeding ${items} items and ${entries.toLocaleString('en')} + ${entries.toLocaleString('en')} ledger entries`,
    );
    const now = new Date();
    const itemRows = [];
    for (let i = 2; i < items; i++) {
      const id = v7();
      const category = CATEGORIES[i % CATEGORIES.length];
      itemRows.push([
        id,
        dbDate(now),
        dbDate(now),
        providerId,
        category,
        deps.cipher.encrypt(`Bench value ${i}`, itemSealContext(id, category)),
        deps.cipher.encrypt('Bench', itemSourceSealContext(id)),
        'WEB_FORM',
        dbDate(now),
        null,
        false,
        null,
        1,
      ]);
    }
    await insertRows(
      em,
      'personal_data_item',
      'id, created_at, updated_at, provider_id, category, value_sealed, source_sealed, channel, collected_at, collection_id, publicly_available, public_provenance, version',
      kind === 'sqlite' ? itemRows.map((r) => r.map((v) => (v === false ? 0 : v))) : itemRows,
    );

    // The ledger continues from the head: a valid chain, the provider's entries interleaved with others'.
    const [head] = await em.getConnection().execute('select sequence, hash from ledger_head where id = 1');
    let sequence = Number(head.sequence);
    let prev = head.hash;
    const recipientId = v7();
    const exceptionId = v7();
    const ledgerRows = [];
    for (let k = 0; k < entries * 2; k++) {
      sequence += 1;
      const mine = k % 2 === 0;
      const provide = k % 3 === 0;
      const content = syntheticEntry({
        sequence,
        recordedAt: new Date(now.getTime() + k),
        kind: provide ? 'PROVISION' : 'DECISION',
        provide,
        providerId: mine ? providerId : v7(),
        purposeKey: 'JOURNAL_DELIVERY',
        recipientId,
        exceptionId,
      });
      const hash = entryHash(prev, content);
      ledgerRows.push([
        content.sequence,
        content.id,
        dbDate(content.recordedAt),
        content.kind,
        content.actor,
        content.providerId,
        content.purposeKey,
        content.recipientId,
        JSON.stringify(content.categories),
        content.outcome,
        JSON.stringify(content.basis),
        content.policyVersion,
        content.subjectRef,
        content.payloadHash,
        prev,
        hash,
      ]);
      prev = hash;
    }
    await insertRows(em, 'ledger_entry', COLUMNS, ledgerRows);
    await em.getConnection().execute('update ledger_head set sequence = ?, hash = ? where id = 1', [sequence, prev]);
    if (kind === 'postgresql') await em.getConnection().execute('analyze');

    const created = await ask(
      `mutation($input: CreateProviderRequestInput!) { createProviderRequest(input: $input) { id version } }`,
      {
        input: {
          kind: 'DISCLOSURE',
          channel: 'POST',
          requesterName: 'Bench Provider',
          contact: 'bench.provider@example.jp',
          providerId,
        },
      },
    );
    let request = created.createProviderRequest;
    const step = async (query, input) =>
      Object.values(
        await ask(query, { input: { requestId: request.id, expectedVersion: request.version, ...input } }),
      )[0];
    request = await step(
      'mutation($input: ChangeRequestStatusInput!) { changeRequestStatus(input: $input) { id version } }',
      { status: 'VERIFYING' },
    );
    request = await step(
      'mutation($input: VerifyRequestIdentityInput!) { verifyRequestIdentity(input: $input) { id version } }',
      { method: 'ID_DOCUMENT' },
    );
    request = await step(
      'mutation($input: ChangeRequestStatusInput!) { changeRequestStatus(input: $input) { id version } }',
      { status: 'IN_PROGRESS' },
    );

    const check = (await ask(FULL, { input: { requestId: request.id } })).produceDisclosurePackage;
    const expectedEntries = entries + 3; // + the collection and its two consents
    if (
      check.ledgerCount !== expectedEntries ||
      check.ledger.length !== expectedEntries ||
      check.dataItems.length !== items
    ) {
      throw new Error(
        `disclosure package has ${check.ledgerCount} ledger entries and ${check.dataItems.length} items, expected ${expectedEntries} and ${items}`,
      );
    }
    if (check.ledger.some((e) => e.hash === undefined) || check.json.includes(ledgerRows[1][5]))
      throw new Error("the package holds another provider's entry");

    const results = {};
    for (const [name, query, variables] of [
      ['admin', FULL, { input: { requestId: request.id }, ledgerFirst: 200 }],
      ['typed', FULL, { input: { requestId: request.id }, ledgerFirst: null }],
      ['json', JSON_ONLY, { input: { requestId: request.id } }],
    ]) {
      for (let i = 0; i < 2; i++) await ask(query, variables); // warm-up
      const times = [];
      const cpu = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const cpu0 = process.cpuUsage();
        await ask(query, variables);
        const used = process.cpuUsage(cpu0);
        times.push(performance.now() - started);
        // Server and client share this process and the request is alone in flight: CPU time spent
        // on it, which a busy shared machine inflates far less than wall time.
        cpu.push((used.user + used.system) / 1000);
      }
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      results[name] = {
        median: percentile(times, 50),
        p95: percentile(times, 95),
        cpuMedian: percentile(cpu, 50),
        bytes: check.json.length,
      };
    }
    return { ledgerCount: check.ledgerCount, items: check.dataItems.length, ...results };
  } finally {
    await server.close();
    await orm.close(true);
    await dropDatabase();
  }
}
