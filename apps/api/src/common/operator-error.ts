import { errorFields } from './logger.js';

/**
 * A refusal Steward makes on purpose and the operator must read (configuration, key, schema, anchor
 * file): its message says what is wrong and what to do, and holds no data, SQL or secret.
 */
export class OperatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperatorError';
  }
}

/**
 * What `main.ts` prints when the server cannot start: an OperatorError's message as it is; any other
 * error (a driver's may carry SQL or values) by its class, code and where it was thrown only.
 */
export function startupFailureMessage(err: unknown): string {
  if (err instanceof OperatorError) return err.message;
  const fields = errorFields(err);
  const what = fields ? `${fields.class}${fields.code ? ` ${fields.code}` : ''}` : 'unknown error';
  const at = fields?.at?.length ? ` at ${fields.at.join(' < ')}` : '';
  return `Steward could not start: ${what}${at} (the message is not shown: it may hold SQL or data)`;
}
