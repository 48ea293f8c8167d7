import { presentKeyCredential } from '../common/api-key.presenter.js';
import type { SystemCredential } from './system-credential.entity.js';
import type { SystemCredentialType } from './system-credential.type.js';

export function presentSystemCredential(c: SystemCredential): SystemCredentialType {
  return { ...presentKeyCredential(c), systemName: c.systemName };
}
