import {
  CreateLedgerCheckpointDocument,
  CreateProviderRequestDocument,
  LedgerTreeHeadsDocument,
  ProviderRequestsDocument,
  SubmitProviderRequestDocument,
} from '@steward/schema';
import { treeHeadFromStatement, type SignedTreeHead } from '@steward/policy-core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeHeadStatementOf } from '../ledger/ledger-hash.js';
import { treeState } from '../ledger/ledger-tree.queries.js';
import { DATABASES } from '../test/databases.js';
import { appendDecisions } from '../test/scenarios.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

// A provider hands in the signed tree head of their last disclosure package with a request (the
// public form's GraphQL mutation, or staff entering a letter): checked on intake — well-formed, signed
// with the ledger key, within the ledger — and stored in the wire's field order; anything else is
// refused on `earlierHead` with nothing stored. On both databases: the size check reads the tree state.

describe.each(DATABASES)('the earlier head on a request, on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let signed: SignedTreeHead;
  let address = 0;

  beforeAll(async () => {
    app = await createTestApp({ database, config: { trustProxyHops: 1 } });
    owner = await app.clientAs('OWNER');
    await appendDecisions(app, 12);
    await owner.ok(CreateLedgerCheckpointDocument);
    const node = (await owner.ok(LedgerTreeHeadsDocument, { first: 1 })).ledgerTreeHeads.edges[0]!.node;
    signed = treeHeadFromStatement(node.statement, node.signature)!;
  }, 60_000);
  afterAll(() => app?.close());

  async function submit(earlierHead: string | null) {
    return (await app.client().raw(
      print(SubmitProviderRequestDocument),
      {
        input: {
          kind: 'DISCLOSURE',
          requesterName: 'Aiko Fujimoto',
          contact: 'aiko.fujimoto@example.jp',
          earlierHead,
        },
      },
      { 'x-forwarded-for': `203.0.113.${++address}` },
    )) as { data?: { submitProviderRequest: { reference: string } } | null; errors?: never[] };
  }

  async function stored(reference: string): Promise<string | null | undefined> {
    const list = await owner.ok(ProviderRequestsDocument, { first: 100 });
    return list.providerRequests.edges.find((e) => e.node.reference === reference)?.node.earlierHead;
  }

  async function requestCount(): Promise<number> {
    const rows = await app
      .em()
      .getConnection()
      .execute<{ n: number | string }[]>('select count(*) as n from provider_request');
    return Number(rows[0]!.n);
  }

  /** A head signed with the ledger's key over any numbers: what only the organisation can make. */
  function signedBy(head: Omit<SignedTreeHead, 'signature'>): SignedTreeHead {
    return { ...head, signature: app.deps.cipher.signCheckpoint(treeHeadStatementOf(head)) };
  }

  it('stores a head the ledger signed, as checked, in the wire’s field order', async () => {
    expect(signed.version).toBeGreaterThanOrEqual(1);
    // Pasted with the fields in another order, indented, with a trailing newline.
    const { signature, ...rest } = signed;
    const pasted = `${JSON.stringify({ signature, ...rest }, null, 2)}\n`;
    const res = await submit(pasted);
    expect(res.errors).toBeUndefined();
    expect(await stored(res.data!.submitProviderRequest.reference)).toBe(JSON.stringify(signed));
  });

  it('accepts a version 2 head signed with the key, and none at all', async () => {
    const size = (await treeState(app.em())).treeSize;
    const v2 = signedBy({ ...signed, version: 2, treeSize: size, providerMapSize: 1, providerMapRoot: 'e'.repeat(64) });
    const res = await submit(JSON.stringify(v2));
    expect(res.errors).toBeUndefined();
    expect(JSON.parse((await stored(res.data!.submitProviderRequest.reference))!)).toEqual(v2);
    const none = await submit('  ');
    expect(await stored(none.data!.submitProviderRequest.reference)).toBeNull();
  });

  it.each([
    ['malformed JSON', () => '{"treeSize": 12, "rootHash": ', 'INVALID_FORMAT'],
    ['a head of another shape', () => JSON.stringify({ ...signed, rootHash: 'XYZ' }), 'INVALID_FORMAT'],
    [
      'a signature that does not verify',
      () => JSON.stringify({ ...signed, rootHash: signed.rootHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
      'BAD_SIGNATURE',
    ],
    [
      'a head larger than the ledger (signed with the key: the size check on its own)',
      () => JSON.stringify(signedBy({ ...signed, treeSize: signed.treeSize + 1000 })),
      'AHEAD_OF_LEDGER',
    ],
  ])('refuses %s on earlierHead, storing nothing', async (_, head, code) => {
    const before = await requestCount();
    const res = await submit(head());
    const error = errorOf(res);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('input.earlierHead');
    expect(error.issues).toEqual([expect.objectContaining({ field: 'input.earlierHead', code })]);
    expect(await requestCount()).toBe(before);
  });

  it('takes the head from staff entering a request received by post', async () => {
    const created = await owner.ok(CreateProviderRequestDocument, {
      input: {
        kind: 'DISCLOSURE',
        channel: 'POST',
        requesterName: 'Aiko Fujimoto',
        contact: '1-2-3 Shiba, Minato-ku',
        earlierHead: JSON.stringify(signed),
      },
    });
    expect(created.createProviderRequest.earlierHead).toBe(JSON.stringify(signed));
    const refused = await owner.request(CreateProviderRequestDocument, {
      input: { kind: 'DISCLOSURE', channel: 'POST', requesterName: 'A', contact: 'B', earlierHead: '[]' },
    });
    expect(errorOf(refused).issues).toEqual([
      expect.objectContaining({ field: 'input.earlierHead', code: 'INVALID_FORMAT' }),
    ]);
  });
});
