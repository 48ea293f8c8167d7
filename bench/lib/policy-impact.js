// Times the re-consent impact of a policy draft over every seeded provider (one-shot, after the
// throughput phases): policyImpact counts in SQL per added or widened purpose, and the first and a
// later keyset page of the providers lacking consent. The draft is discarded afterwards.
import { gql } from './steward.js';

const FULL = `fragment V on PolicyVersion { id number version changeSummary sections { clause titleEn titleJa bodyEn bodyJa } purposes { key titleEn titleJa description categories retired } }`;
const IMPACT = `query Impact($id: ID!) { policyImpact(id: $id) { providers providersToAsk consentsMissing purposes { key change lacking covered notAsked grantedBeforeVersion } } }`;
const LACKING = `query Lacking($id: ID!, $key: String!, $after: String) { policyImpactProviders(id: $id, purposeKey: $key, first: 25, after: $after) { edges { node { providerId reason } } pageInfo { hasNextPage endCursor } } }`;

async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t) / 1000 };
}

export async function timePolicyImpact({ url, cookie, widen = 'JOURNAL_DELIVERY' }) {
  const draft = (await gql(url, `mutation { createPolicyDraft { ...V } } ${FULL}`, {}, cookie)).data.createPolicyDraft;
  try {
    const input = {
      id: draft.id,
      expectedVersion: draft.version,
      changeSummary: 'Bench: one purpose widened, one added.',
      sections: draft.sections,
      purposes: [
        ...draft.purposes.map((p) => (p.key === widen ? { ...p, categories: [...p.categories, 'EMAIL'] } : p)),
        {
          key: 'BENCH_ADDED',
          titleEn: 'Bench',
          titleJa: 'ベンチ',
          description: 'Added by the bench.',
          categories: ['NAME'],
          retired: false,
        },
      ],
    };
    const saved = (
      await gql(
        url,
        `mutation U($input: UpdatePolicyDraftInput!) { updatePolicyDraft(input: $input) { ...V } } ${FULL}`,
        { input },
        cookie,
      )
    ).data.updatePolicyDraft;
    const runs = [];
    let impact;
    for (let i = 0; i < 3; i++) {
      const r = await timed(() => gql(url, IMPACT, { id: saved.id }, cookie));
      impact = r.value.data.policyImpact;
      runs.push(r.seconds);
    }
    const byKey = new Map(impact.purposes.map((p) => [p.key, p]));
    const added = byKey.get('BENCH_ADDED');
    const widened = byKey.get(widen);
    if (
      !added ||
      !widened ||
      added.lacking !== impact.providers ||
      added.notAsked !== impact.providers ||
      widened.covered !== 0 ||
      impact.providersToAsk !== impact.providers
    ) {
      throw new Error(`policyImpact answered unexpectedly: ${JSON.stringify(impact)}`);
    }
    const first = await timed(() => gql(url, LACKING, { id: saved.id, key: widen, after: null }, cookie));
    const page = first.value.data.policyImpactProviders;
    if (page.edges.length !== 25 || !page.pageInfo.hasNextPage)
      throw new Error('policyImpactProviders: expected a full first page');
    const second = await timed(() =>
      gql(url, LACKING, { id: saved.id, key: widen, after: page.pageInfo.endCursor }, cookie),
    );
    await gql(
      url,
      'mutation D($input: DiscardPolicyDraftInput!) { discardPolicyDraft(input: $input) }',
      { input: { id: saved.id, expectedVersion: saved.version } },
      cookie,
    );
    return {
      providers: impact.providers,
      impactSeconds: [...runs].sort((a, b) => a - b)[1],
      firstPageSeconds: first.seconds,
      secondPageSeconds: second.seconds,
    };
  } catch (err) {
    await gql(url, 'query { policyDraft { id version } }', {}, cookie)
      .then(
        ({ data }) =>
          data.policyDraft &&
          gql(
            url,
            'mutation D($input: DiscardPolicyDraftInput!) { discardPolicyDraft(input: $input) }',
            { input: { id: data.policyDraft.id, expectedVersion: data.policyDraft.version } },
            cookie,
          ),
      )
      .catch(() => undefined);
    throw err;
  }
}
