import { DecisionTesterPage } from '../features/decisions/DecisionTesterPage.js';
import { useCanWrite } from '../features/session/session-context.js';
import { ReadOnlyNotice } from './read-only.js';

export function DecisionTesterRoute() {
  // The API answers decisions to owners and privacy officers only (each one is recorded).
  if (!useCanWrite()) return <ReadOnlyNotice reason="decisionTester" />;
  return <DecisionTesterPage />;
}
