import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  PARTNER_SCOPE_WINDOW_MS,
  partnerScopeAlarm,
  partnerScopeDetectorKey,
  type Language,
} from '@steward/policy-core';
import { rootFieldNames } from '../../common/root-field-guard.js';
import type { AppDeps, Context, PartnerPrincipal } from '../../context.js';
import { formatMessage } from '../../i18n/messages.js';
import { PartnerCredential } from '../../recipients/partner-credential.entity.js';
import { IncidentService } from '../incident.service.js';

/** The answers that mean "outside your scope" to a partner key: a root field it is not given, a provider it does not cover. */
const REFUSAL_CODES = new Set(['FORBIDDEN', 'NOT_FOUND']);

interface Refusal {
  at: number;
  /** What was refused, e.g. `FORBIDDEN providers` or `NOT_FOUND partnerProvider`. */
  what: string;
}

/**
 * Counts refused partner-scope attempts per key and opens a LEAK incident "suspected unauthorised
 * access" (discovery PARTNER_SCOPE_MONITOR, cause UNAUTHORISED_ACCESS, wrongful purpose suspected so
 * the 60-day clock shows) when one key reaches policy-core's PARTNER_SCOPE_REFUSAL_THRESHOLD within
 * PARTNER_SCOPE_WINDOW_MS; at most one per key per day (the detector key).
 *
 * The window is in memory, per instance: a refusal is not audited (nothing was read), and writing a
 * row per refused request would let a probing key turn refusals into database writes. Behind a load
 * balancer each instance counts its own share, so a key spread evenly over N instances needs up to
 * N × the threshold refusals before one of them sounds (ARCHITECTURE.md, "Steward's own detectors").
 * A restart forgets the window. Keys are authenticated credentials (an unknown key never gets this
 * far), so the map holds at most one small list per partner key in use.
 */
export class PartnerScopeMonitor {
  private readonly windows = new Map<string, Refusal[]>();
  /** Detector keys this instance already opened (or found open): no database read for the rest of the day. */
  private readonly opened = new Set<string>();

  constructor(
    private readonly orm: MikroORM,
    private readonly deps: AppDeps,
  ) {}

  /** Records one refusal of `partner`'s request; opens the incident when the key crosses the threshold. */
  async refused(partner: PartnerPrincipal, what: string): Promise<void> {
    const now = this.deps.now();
    const t = now.getTime();
    const from = t - PARTNER_SCOPE_WINDOW_MS;
    const window = (this.windows.get(partner.credentialId) ?? []).filter((r) => r.at > from);
    window.push({ at: t, what });
    this.windows.set(partner.credentialId, window);
    const detectorKey = partnerScopeDetectorKey(partner.credentialId, now);
    if (
      this.opened.has(detectorKey) ||
      !partnerScopeAlarm(
        window.map((r) => r.at),
        t,
      )
    )
      return;
    this.opened.add(detectorKey);
    this.windows.delete(partner.credentialId);
    try {
      await this.open(partner, detectorKey, window, now);
    } catch (err) {
      // Not opened: let the next refusal try again. The refused request is answered as it was.
      this.opened.delete(detectorKey);
      this.deps.log.error('partner-scope incident not opened', err, { credentialId: partner.credentialId });
    }
  }

  private async open(partner: PartnerPrincipal, detectorKey: string, window: Refusal[], now: Date): Promise<void> {
    const em = this.orm.em.fork() as SqlEntityManager;
    const credential = await em.findOne(PartnerCredential, { id: partner.credentialId }, { populate: ['recipient'] });
    const key = credential?.key.label ?? partner.credentialId;
    const recipient = credential?.recipient.name ?? partner.recipientId;
    const counts = new Map<string, number>();
    for (const r of window) counts.set(r.what, (counts.get(r.what) ?? 0) + 1);
    const params = {
      key,
      recipient,
      count: window.length,
      minutes: PARTNER_SCOPE_WINDOW_MS / 60_000,
      from: new Date(window[0]!.at).toISOString().slice(0, 19).replace('T', ' '),
      to: now.toISOString().slice(0, 19).replace('T', ' '),
      refusals: [...counts].map(([what, n]) => `${what} × ${n}`).join(', '),
    };
    const both = (part: 'title' | 'description', separator: string) =>
      (['ja', 'en'] as Language[])
        .map((l) => formatMessage(l, `incidentDetector.PARTNER_SCOPE_MONITOR.${part}`, params))
        .join(separator);
    await new IncidentService(em, null, this.deps).openDetectedIncident({
      detectorKey,
      kind: 'LEAK',
      discovery: 'PARTNER_SCOPE_MONITOR',
      // The title has a limit: the key's label is the staff's own (≤120), the rest fixed.
      title: both('title', ' / ').slice(0, 200),
      description: both('description', '\n\n'),
      cause: 'UNAUTHORISED_ACCESS',
      wrongfulPurposeSuspected: true,
      awareAt: now,
    });
  }
}

/**
 * Tells the monitor of every partner-key answer that refused something outside the key's scope
 * (FORBIDDEN from the root-field guard or the authChecker, NOT_FOUND for a provider it does not
 * cover). Only partner requests get hooks; the request that crosses the threshold waits for the
 * incident's commit (once per key per day), the others only for an in-memory push.
 */
export function partnerScopeMonitorPlugin(monitor: PartnerScopeMonitor): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const partner = contextValue.partner;
      if (!partner) return;
      return {
        async willSendResponse({ response, document, operation }) {
          if (response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? [])
            .map((e) => e.extensions?.code)
            .filter((c): c is string => typeof c === 'string' && REFUSAL_CODES.has(c));
          if (!codes.length) return;
          const fields = document && operation ? [...rootFieldNames(document, operation)].sort().join(' ') : '';
          await monitor.refused(partner, `${codes[0]}${fields ? ` ${fields}` : ''}`.slice(0, 120));
        },
      };
    },
  };
}
