// The typed documents every client of Steward runs (admin, API tests, partners).
export * from './generated/graphql.js';
