// A partner's program outside the monorepo, against the packed @steward/client: typed documents,
// createStewardFetch and StewardError, sent to a stand-in for Steward's /graphql on a local port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DecisionDocument,
  PartnerProvidersDocument,
  STEWARD_ERROR_CODES,
  StewardError,
  createStewardFetch,
  type DecisionQuery,
  type PartnerProvidersQuery,
} from '@steward/client';

const pages: Record<string, PartnerProvidersQuery> = {
  '': {
    partnerProviders: {
      totalCount: 2,
      totalCountCapped: false,
      edges: [{ cursor: 'c1', node: { id: 'p1', items: [{ category: 'NAME', value: '山田 太郎' }] } }],
      pageInfo: { hasNextPage: true, endCursor: 'c1' },
    },
  },
  c1: {
    partnerProviders: {
      totalCount: 2,
      totalCountCapped: false,
      edges: [{ cursor: 'c2', node: { id: 'p2', items: [{ category: 'POSTAL_CODE', value: '980-8577' }] } }],
      pageInfo: { hasNextPage: false, endCursor: 'c2' },
    },
  },
};

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const { operationName, variables } = JSON.parse(body) as { operationName: string; variables: { after?: string } };
    res.setHeader('content-type', 'application/json');
    if (req.headers.authorization !== 'Bearer stw_demo') {
      res.statusCode = 401;
      res.end(
        JSON.stringify({
          errors: [{ message: 'The partner key is not valid', extensions: { code: 'UNAUTHENTICATED' } }],
        }),
      );
    } else if (operationName === 'PartnerProviders') {
      res.end(JSON.stringify({ data: pages[variables.after ?? ''] }));
    } else {
      res.statusCode = 403;
      res.end(
        JSON.stringify({
          errors: [{ message: 'A partner key cannot use this field', extensions: { code: 'FORBIDDEN' } }],
        }),
      );
    }
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const steward = createStewardFetch({ url, key: 'stw_demo' });
let after: string | null = null;
do {
  const data: PartnerProvidersQuery = await steward.request(PartnerProvidersDocument, { first: 1, after });
  const { edges, pageInfo, totalCount } = data.partnerProviders;
  for (const { node } of edges)
    console.log(`${node.id} of ${totalCount}: ${node.items.map((i) => `${i.category}=${i.value}`).join(' ')}`);
  after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
} while (after);

// The variables are typed by the document: a decision needs its input.
// @ts-expect-error -- DecisionDocument's variables are required
void steward.request(DecisionDocument).catch(() => undefined);
const decision: Promise<DecisionQuery> = steward.request(DecisionDocument, {
  input: { action: 'PROVIDE', providerId: 'p1', purposeKey: 'JOURNAL_DELIVERY', categories: ['NAME'] },
});
await decision.catch((error: unknown) => {
  if (error instanceof StewardError) console.log(`decision refused: ${error.code} (HTTP ${error.status})`);
});

await createStewardFetch({ url, key: 'stw_revoked' })
  .request(PartnerProvidersDocument)
  .catch((error: unknown) => {
    if (error instanceof StewardError) console.log(`revoked key: ${error.code} (HTTP ${error.status})`);
  });
console.log(`${STEWARD_ERROR_CODES.length} error codes`);
server.close();
