import { OrganisationTimeZoneDocument } from '@steward/schema';
import { useQuery } from 'urql';
import { setDisplayTimeZone } from '../../components/format.js';

// Saving the calendar (updateRequestSettings answers a RequestSettings) refreshes the zone.
const context = { additionalTypenames: ['RequestSettings'] };

/**
 * Shows every date in the organisation's time zone (its calendar: a due date is the end of a day
 * there). `ready` once the zone is known, or could not be read (then the viewer's zone stays).
 */
export function useOrganisationTimeZone(): { ready: boolean } {
  const [result] = useQuery({ query: OrganisationTimeZoneDocument, context });
  const zone = result.data?.organisation.timeZone;
  // Set before the pages below render, so they format in it from their first render.
  if (zone) setDisplayTimeZone(zone);
  return { ready: Boolean(result.data) || Boolean(result.error) };
}
