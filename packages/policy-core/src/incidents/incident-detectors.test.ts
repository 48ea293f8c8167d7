import { describe, expect, it } from 'vitest';
import {
  incidentReminderKind,
  ledgerVerificationDetectorKey,
  PARTNER_SCOPE_REFUSAL_THRESHOLD,
  PARTNER_SCOPE_WINDOW_MS,
  partnerScopeAlarm,
  partnerScopeDetectorKey,
} from './incident-detectors.js';

describe('partnerScopeAlarm', () => {
  const now = 1_000_000_000;
  const times = (n: number, step = 1000) => Array.from({ length: n }, (_, i) => now - i * step);

  it('sounds at the threshold within the window, not one below', () => {
    expect(partnerScopeAlarm(times(PARTNER_SCOPE_REFUSAL_THRESHOLD), now)).toBe(true);
    expect(partnerScopeAlarm(times(PARTNER_SCOPE_REFUSAL_THRESHOLD - 1), now)).toBe(false);
  });

  it('forgets refusals older than the window', () => {
    const old = times(PARTNER_SCOPE_REFUSAL_THRESHOLD - 1);
    expect(partnerScopeAlarm([...old, now - PARTNER_SCOPE_WINDOW_MS], now)).toBe(false);
    expect(partnerScopeAlarm([...old, now - PARTNER_SCOPE_WINDOW_MS + 1], now)).toBe(true);
  });
});

describe('detector keys', () => {
  it('is one per key per UTC day, and one per verification job', () => {
    expect(partnerScopeDetectorKey('k1', new Date('2026-12-07T23:59:59Z'))).toBe('partner-scope:k1:2026-12-07');
    expect(partnerScopeDetectorKey('k1', new Date('2026-12-08T00:00:00Z'))).toBe('partner-scope:k1:2026-12-08');
    expect(ledgerVerificationDetectorKey('j1')).toBe('ledger-verification:j1');
  });
});

describe('incidentReminderKind', () => {
  it('mails about overdue and due-soon deadlines only', () => {
    expect(incidentReminderKind('OVERDUE')).toBe('INCIDENT_REPORT_OVERDUE');
    expect(incidentReminderKind('DUE_SOON')).toBe('INCIDENT_REPORT_DUE_SOON');
    for (const s of ['ON_TRACK', 'MET', 'NOT_REQUIRED'] as const) expect(incidentReminderKind(s)).toBeNull();
  });
});
