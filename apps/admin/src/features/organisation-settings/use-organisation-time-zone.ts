import { OrganisationTimeZoneDocument } from '@steward/schema';
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { useLocale } from '../../i18n/locale.js';

// Saving the calendar (updateRequestSettings answers a RequestSettings) refreshes the zone.
const context = { additionalTypenames: ['RequestSettings'] };

/**
 * Shows every date in the organisation's time zone (its calendar: a due date is the end of a day
 * there). `ready` once the locale uses the zone, or it could not be read (then the viewer's zone stays).
 */
export function useOrganisationTimeZone(): { ready: boolean } {
  const [result] = useQuery({ query: OrganisationTimeZoneDocument, context });
  const { timeZone, setTimeZone } = useLocale();
  const zone = result.data?.organisation.timeZone;
  useEffect(() => {
    if (zone) setTimeZone(zone);
  }, [zone, setTimeZone]);
  return { ready: Boolean(result.error) || (Boolean(result.data) && (!zone || timeZone === zone)) };
}
