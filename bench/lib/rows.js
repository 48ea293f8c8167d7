// Synthetic providers for the list benchmarks, in batches: ascending UUIDv7 ids (as Steward creates
// them), one NAME item each sealed with the real FieldCipher and bound to its row, and one
// consent_state row each for one purpose (alternately GRANTED / REFUSED) for the filtered list, and
// a GRANT consent event + GRANTED consent_state for JOURNAL_DELIVERY (the partner and decision cases).
import { v7 } from 'uuid';
import { itemSealContext } from '@steward/api/dist/providers/personal-data-item.entity.js';

/** The ids of the two purposes the benchmarks use, from a database Steward has just set up. */
export async function seededPurposes(orm) {
  const conn = orm.em.fork().getConnection();
  const [purpose] = await conn.execute('select id from purpose where key = ?', [FILTER_PURPOSE]);
  const [journal] = await conn.execute('select id from purpose where key = ?', [PARTNER_PURPOSE]);
  if (!purpose || !journal)
    throw new Error(`purposes ${FILTER_PURPOSE} / ${PARTNER_PURPOSE} missing after first start`);
  return { purpose, journal };
}

const KINDS = ['RELATED_PERSONNEL', 'BUSINESS_USER', 'SERVICE_USER'];
const GIVEN = ['Taro', 'Hanako', 'Ken', 'Sakura', 'Ichiro', 'Megumi', 'Emily', 'Misaki', 'Hiroshi', 'Yuki'];
const FAMILY = [
  'Yamada',
  'Sato',
  'Suzuki',
  'Takahashi',
  'Tanaka',
  'Ito',
  'Watanabe',
  'Nakamura',
  'Kobayashi',
  'Clarke',
];
export const FILTER_PURPOSE = 'EVENT_NEWS';
/** Every provider also granted this purpose (with its consent event): the courier's outsourcing exception serves it. */
export const PARTNER_PURPOSE = 'JOURNAL_DELIVERY';

export function* providerBatches(total, batchSize, cipher) {
  let last = '';
  for (let start = 0; start < total; start += batchSize) {
    const n = Math.min(batchSize, total - start);
    const providers = [];
    const items = [];
    const consents = [];
    const grants = [];
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const now = Date.now();
      const id = v7();
      const itemId = v7();
      if (!(id > last && itemId > id)) throw new Error('uuid v7 ids are not ascending');
      last = itemId;
      const name = `${GIVEN[i % 10]} ${FAMILY[Math.floor(i / 10) % 10]} ${i}`;
      providers.push({ id, at: now, kind: KINDS[i % 3], reference: `BENCH-${String(i).padStart(8, '0')}` });
      items.push({
        id: itemId,
        at: now,
        providerId: id,
        sealed: cipher.encrypt(name, itemSealContext(itemId, 'NAME')),
      });
      consents.push({ providerId: id, state: i % 2 === 0 ? 'GRANTED' : 'REFUSED', at: now, eventId: v7() });
      grants.push({ providerId: id, at: now, eventId: v7() });
    }
    yield { providers, items, consents, grants, done: start + n };
  }
}

/** `n` provider ids spread at random over the seeded table (SQLite: random rowids; PostgreSQL: a page sample). */
export async function randomProviders(conn, kind, n) {
  const rows =
    kind === 'sqlite'
      ? await conn.execute(
          `with recursive r(n) as (select 1 union all select n + 1 from r where n < ${n})` +
            ' select id from provider where rowid in (select abs(random()) % (select max(rowid) from provider) + 1 from r)',
        )
      : await conn.execute(`select id from provider tablesample system (1) order by random() limit ${n}`);
  if (rows.length < n / 2) throw new Error(`only ${rows.length} random providers found`);
  return rows.map((r) => r.id);
}
