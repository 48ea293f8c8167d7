import { PolicyEditorPage } from '../features/policy-editor/PolicyEditorPage.js';

export function PolicyEditorRoute() {
  return <PolicyEditorPage />;
}
