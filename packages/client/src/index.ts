// Steward's client for partner systems, internal systems and websites: the typed operations their
// keys can run (generated from the committed contract) and a fetch helper that sends them with a key.
export * from './generated/graphql.js';
export {
  STEWARD_ERROR_CODES,
  StewardError,
  createStewardFetch,
  type StewardErrorCode,
  type StewardFetch,
  type StewardFetchOptions,
  type StewardIssue,
  type VariablesArgs,
} from './fetch.js';
