import type { DetectedIncidentInput } from '../incidents/incident.service.js';
import { IncidentService } from '../incidents/incident.service.js';
import type { TestApp } from './test-app.js';

/**
 * Opens an incident through the register's seam (as Steward's detectors do) for a test: a leak
 * aware now, unless `overrides` say otherwise; `detectorKey` keeps it one per key.
 */
export function openTestIncident(
  app: TestApp,
  overrides: Partial<DetectedIncidentInput> & { detectorKey: string },
): Promise<{ id: string; reference: string; created: boolean }> {
  return new IncidentService(app.em().fork(), null, app.deps).openDetectedIncident({
    kind: 'LEAK',
    discovery: 'PARTNER_SCOPE_MONITOR',
    title: 'Suspected unauthorised access',
    description: 'Refused attempts.',
    cause: 'UNAUTHORISED_ACCESS',
    wrongfulPurposeSuspected: true,
    awareAt: app.clock.now,
    ...overrides,
  });
}
