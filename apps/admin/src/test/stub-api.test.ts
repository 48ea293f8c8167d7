import { MeDocument } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { sessionUser } from './factories.js';
import { stubApi, type Handlers } from './stub-api.js';

describe('stubApi', () => {
  it('answers an operation with its stub, typed by the operation’s document, and records the call', async () => {
    const api = stubApi({ Me: () => ({ data: { me: sessionUser('OWNER') } }) });
    const result = await api.client.query(MeDocument, {}).toPromise();
    expect(result.data?.me?.role).toBe('OWNER');
    expect(api.callsOf('Me')).toHaveLength(1);
  });

  it('fails an operation nobody stubbed', async () => {
    const api = stubApi({});
    const result = await api.client.query(MeDocument, {}).toPromise();
    expect(result.error?.graphQLErrors[0]?.message).toBe('No stub for Me');
  });

  it('refuses, at typecheck, a stub that does not match the schema', () => {
    const wrongField: Handlers = {
      // @ts-expect-error `role` must be an AdminRole
      Me: () => ({ data: { me: { ...sessionUser(), role: 'ADMIN' } } }),
    };
    const missingField: Handlers = {
      // @ts-expect-error `me` lacks `email`
      Me: () => ({ data: { me: { id: 'u', displayName: 'U', role: 'OWNER' } } }),
    };
    const unknownOperation: Handlers = {
      // @ts-expect-error no operation of that name exists
      NoSuchOperation: () => ({ data: {} }),
    };
    const wrongVariables: Handlers = {
      // @ts-expect-error variables are the document's: Provider takes an `id`
      Provider: (variables) => ({ data: null, errors: [{ message: variables.slug }] }),
    };
    expect([wrongField, missingField, unknownOperation, wrongVariables]).toHaveLength(4);
  });
});
