import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import {
  emittedSchema,
  HOSTILE_KINDS,
  hostileCall,
  rootOperations,
  type HostileCall,
  type HostileKind,
  type RootOperation,
} from '../test/hostile-values.js';
import { SESSION_COOKIE } from '../server.js';
import { createTestApp, OWNER, type TestApp, type TestClient } from '../test/test-app.js';

/**
 * Every argument of every query and mutation of the emitted schema gets generated hostile values
 * over real HTTP (test/hostile-values.ts): as the owner, anonymously, and with a partner key for the
 * partner fields. Never INTERNAL_SERVER_ERROR, never a server log line; what must be refused (a
 * forbidden character, a date outside 1900–2200, a wrong type, a huge number, a deep value) is
 * refused as BAD_USER_INPUT before any resolver; and a refused call changes nothing stored (each
 * table's row count and a hash of every row's text, compared before and after each refusal).
 *
 * Seeded and bounded: STEWARD_HOSTILE_SEED (default 20261207), STEWARD_HOSTILE_RUNS values per
 * operation and caller per round (default 2), STEWARD_HOSTILE_BUDGET_MS per database (default
 * 12,000; one round always completes). `bench/hostile.js` runs the same for minutes.
 */
const SEED = Number(process.env.STEWARD_HOSTILE_SEED ?? 20261207);
const RUNS = Number(process.env.STEWARD_HOSTILE_RUNS ?? 2);
const BUDGET_MS = Number(process.env.STEWARD_HOSTILE_BUDGET_MS ?? 12_000);

/** Where a value that passes would act on the caller's own account: only values that must be refused go there. */
const ONLY_REFUSED: ReadonlySet<string> = new Set([
  'login',
  'changePassword',
  'confirmTotpEnrolment',
  'disableTotp',
  'regenerateRecoveryCodes',
  'acceptInvitation',
  'endMySession',
]);
const MUST_REFUSE: ReadonlySet<HostileKind> = new Set(
  (Object.keys(HOSTILE_KINDS) as HostileKind[]).filter((k) => HOSTILE_KINDS[k].mustRefuse),
);
/** Tables a refused request may touch: the caller's session (last seen) and the rate-limit counters. */
const BOOKKEEPING: ReadonlySet<string> = new Set(['admin_session', 'rate_limit_counter']);
/** Columns a refused request may write: when a partner or system key was last used (common/key-auth.ts). */
const BOOKKEEPING_COLUMNS: ReadonlySet<string> = new Set(['last_used_at']);

type Caller = 'owner' | 'anonymous' | 'partner';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe.each(DATABASES)('hostile values to every operation on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let partnerKey: string;
  let fingerprintSql: string;

  beforeAll(async () => {
    app = await createTestApp({ database, config: { rateLimitScale: 0 } });
    owner = await app.clientAs('OWNER');
    const recipient = await owner.raw(
      'mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }',
      {
        input: { kind: 'CONTRACTOR', name: 'Hostile courier' },
      },
    );
    const recipientId = (recipient.data as { createRecipient: { id: string } }).createRecipient.id;
    const issued = await owner.raw(
      'mutation($input: IssuePartnerKeyInput!) { issuePartnerKey(input: $input) { key } }',
      { input: { label: 'hostile', recipientId } },
    );
    partnerKey = (issued.data as { issuePartnerKey: { key: string } }).issuePartnerKey.key;
    fingerprintSql = await fingerprintQuery();
    // The fingerprint sees a write that leaves every count and `updated_at` as they were.
    const conn = app.em().getConnection();
    const before = await fingerprint();
    await conn.execute("update admin_user set display_name = display_name || '.'");
    expect(await fingerprint()).not.toBe(before);
    await conn.execute('update admin_user set display_name = substr(display_name, 1, length(display_name) - 1)');
    expect(await fingerprint()).toBe(before);
  });
  afterAll(() => app?.close());

  /**
   * One statement: per table its row count and all its rows' text (but `BOOKKEEPING_COLUMNS`),
   * aggregated: PostgreSQL sums a hash of each row, SQLite (which has no hash function) answers the
   * rows as JSON and they are hashed here. A write that leaves counts and `updated_at` alone shows
   * too. The test database holds a few kilobytes: this costs one to two milliseconds a call more
   * than counts and `max(updated_at)` did.
   */
  async function fingerprintQuery(): Promise<string> {
    const conn = app.em().getConnection();
    const columns =
      database === 'sqlite'
        ? await conn.execute<{ t: string; c: string }[]>(
            "select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like 'mikro_orm_%' order by m.name, p.cid",
          )
        : await conn.execute<{ t: string; c: string }[]>(
            "select c.table_name as t, c.column_name as c from information_schema.columns c join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name not like 'mikro_orm_%' order by c.table_name, c.ordinal_position",
          );
    /** Per table the columns hashed, and the bookkeeping columns left out. */
    const tables = new Map<string, { kept: string[]; skipped: string[] }>();
    for (const { t, c } of columns) {
      if (!tables.has(t)) tables.set(t, { kept: [], skipped: [] });
      tables.get(t)![BOOKKEEPING_COLUMNS.has(c) ? 'skipped' : 'kept'].push(c);
    }
    expect(tables.size).toBeGreaterThan(20);
    return [...tables]
      .filter(([t]) => !BOOKKEEPING.has(t))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, { kept, skipped }]) => {
        if (database === 'sqlite')
          return `select '${t}' as t, count(*) as n, group_concat(json_array(${kept.map((c) => `"${c}"`).join(', ')}), char(10)) as h from "${t}"`;
        // hashtext: PostgreSQL's own string hash, cheaper than md5 and good enough to see a change.
        const row = skipped.length
          ? `(to_jsonb(r) - array[${skipped.map((c) => `'${c}'`).join(', ')}])::text`
          : 'r::text';
        return `select '${t}' as t, count(*) as n, cast(coalesce(sum(hashtext(${row})::bigint), 0) as text) as h from "${t}" r`;
      })
      .join(' union all ');
  }

  async function fingerprint(): Promise<string> {
    const rows = await app
      .em()
      .getConnection()
      .execute<{ t: string; n: number | string; h: string | null }[]>(fingerprintSql);
    return rows
      .map(
        (r) =>
          `${r.t}:${Number(r.n)}:${
            database === 'sqlite'
              ? createHash('sha256')
                  .update(r.h ?? '')
                  .digest('hex')
              : r.h
          }`,
      )
      .sort()
      .join('\n');
  }

  async function send(op: RootOperation, call: HostileCall, caller: Caller): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller === 'owner' && owner.cookie) headers.cookie = `${SESSION_COOKIE}=${owner.cookie}`;
    if (caller === 'partner') headers.authorization = `Bearer ${partnerKey}`;
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: op.document, variables: call.variables }),
    });
    const text = await res.text();
    let body: Answer['body'] = {};
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // A body refused before GraphQL (too large) answers in plain text: no GraphQL error to read.
    }
    return { status: res.status, body };
  }

  const stats = { calls: 0, refused: 0, byKind: {} as Record<string, number>, byCode: {} as Record<string, number> };
  const covered = new Set<string>();

  /** The fingerprint after the last call: the next call's "before" (one statement per call, not two). */
  let last: string | null = null;

  function check(op: RootOperation, caller: Caller): (call: HostileCall) => Promise<void> {
    return async (call) => {
      const before = last ?? (await fingerprint());
      last = null;
      let answer = await send(op, call, caller);
      const codes = (answer.body.errors ?? []).map((e) => String(e.extensions?.code));
      if (caller === 'owner' && codes[0] === 'UNAUTHENTICATED') {
        // Something ended the owner's session: sign in again and send the call once more.
        await owner.login(OWNER.email, OWNER.password);
        answer = await send(op, call, caller);
      }
      stats.calls++;
      stats.byKind[call.kind] = (stats.byKind[call.kind] ?? 0) + 1;
      covered.add(`${op.operation} ${op.field.name}`);
      const errors = answer.body.errors ?? [];
      for (const e of errors)
        stats.byCode[String(e.extensions?.code)] = (stats.byCode[String(e.extensions?.code)] ?? 0) + 1;
      const what = `${caller} → ${op.field.name}, ${call.kind} at ${call.at}: ${JSON.stringify(call.value)}`;

      expect(answer.status, what).toBeLessThan(500);
      expect(
        errors.map((e) => e.extensions?.code),
        what,
      ).not.toContain('INTERNAL_SERVER_ERROR');
      expect(app.logged, what).toEqual([]);
      const result = answer.body.data?.[op.field.name];
      const refused = errors.length > 0 && (result === undefined || result === null);
      if (HOSTILE_KINDS[call.kind].mustRefuse) {
        expect(refused || answer.status === 413, `${what}: ${JSON.stringify(answer.body)}`).toBe(true);
        if (answer.status !== 413) {
          const allowed = caller === 'owner' ? ['BAD_USER_INPUT'] : ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN'];
          expect(allowed, `${what}: ${JSON.stringify(errors)}`).toContain(errors[0]?.extensions?.code);
        }
        if (caller === 'owner' && answer.status !== 413) {
          // Named: the boundary's `field`, or the input path formatError reads from coercion's message.
          expect(errors[0]?.extensions?.field, `${what}: ${JSON.stringify(errors)}`).toMatch(/^\w/);
        }
      }
      const after = await fingerprint();
      if (refused || answer.status === 413) {
        stats.refused++;
        expect(after, `${what}: a refusal stored something`).toBe(before);
      }
      last = after;
    };
  }

  it(
    'answers every operation without an internal error, refuses what it must, and stores nothing on refusal',
    async () => {
      const schema = emittedSchema();
      const ops = rootOperations(schema);
      expect(ops.length).toBeGreaterThan(80);
      const started = Date.now();
      let rounds = 0;
      for (let round = 0; round === 0 || Date.now() - started < BUDGET_MS; round++) {
        for (const [i, op] of ops.entries()) {
          if (round > 0 && Date.now() - started >= BUDGET_MS) break;
          const callers: Caller[] = op.field.name.startsWith('partner')
            ? ['owner', 'anonymous', 'partner']
            : ['owner', 'anonymous'];
          for (const [j, caller] of callers.entries()) {
            const arb = hostileCall(op, ONLY_REFUSED.has(op.field.name) ? MUST_REFUSE : undefined);
            await fc.assert(fc.asyncProperty(arb, check(op, caller)), {
              seed: SEED + round * 100_003 + i * 31 + j,
              numRuns: RUNS,
              endOnFailure: true,
            });
          }
        }
        rounds = round + 1;
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.info(
        `hostile values on ${database}: ${stats.calls} calls (${stats.refused} refused) to ${covered.size} of ${ops.length} operations in ${rounds} round(s), ${seconds} s, seed ${SEED}\n` +
          `  by kind: ${JSON.stringify(stats.byKind)}\n  by code: ${JSON.stringify(stats.byCode)}`,
      );
      expect(covered.size).toBe(ops.length);
    },
    BUDGET_MS + 60_000,
  );
});
