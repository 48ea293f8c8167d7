import type { EntityManager } from '@mikro-orm/core';
import { SystemSetting } from '../common/system-setting.entity.js';
import { inTransaction } from '../common/transaction.js';
import { PersonalDataItem, itemSealContext } from '../providers/personal-data-item.entity.js';
import { NAME_INDEXED_CATEGORIES, NAME_TOKEN_KINDS, tokensForValue } from '../providers/provider-search.js';
import { SearchToken } from '../providers/search-token.entity.js';
import type { FieldCipher } from './field-cipher.js';

/**
 * `system_setting` key: the name index's form that every NAME and NAME_READING item is indexed in.
 * A new form of the index (other terms, other normalisation) gets a new value, and the next start
 * rebuilds. `words+grams/1`: Latin words and CJK unigrams and bigrams (policy-core's nameIndexTerms),
 * names and readings under the same kinds. `words+grams/2`: readings under kinds of their own
 * (READING_WORD, READING_GRAM) and without unigrams but of a character standing alone, names with
 * unigrams of kanji only, variant kanji folded (髙 → 高).
 */
export const NAME_INDEX_SETTING = 'search.name_index';
export const NAME_INDEX_FORM = 'words+grams/2';

const PAGE = 500;
const BEFORE_EVERY_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Rebuilds the name tokens (NAME_TOKEN_KINDS: NAME_* and READING_*) of every NAME and NAME_READING item when the
 * stored form is not this release's, then records the form. Runs at every start, after the
 * migrations and under the start-up lock (`firstStart`): a migration has no key, so it cannot compute
 * keyed tokens. Once recorded, a start reads one row of `system_setting` and nothing else.
 *
 * Each page of items is one transaction that replaces their name tokens, so a start that dies midway
 * leaves every item with either its old or its new tokens, and the next start begins again. New items
 * written meanwhile get the new form from the collection and amendment services. Answers how many
 * items it re-indexed.
 */
export async function rebuildNameIndex(em: EntityManager, cipher: FieldCipher): Promise<number> {
  const stored = await em.fork().findOne(SystemSetting, { key: NAME_INDEX_SETTING });
  if (stored?.value === NAME_INDEX_FORM) return 0;
  let indexed = 0;
  let after = BEFORE_EVERY_ID;
  for (;;) {
    const items = await em
      .fork()
      .find(
        PersonalDataItem,
        { category: { $in: [...NAME_INDEXED_CATEGORIES] }, id: { $gt: after } },
        { orderBy: { id: 'asc' }, limit: PAGE, fields: ['id', 'provider', 'category', 'valueSealed'] },
      );
    if (items.length) {
      await inTransaction(em, async (tx) => {
        await tx.nativeDelete(SearchToken, {
          itemId: { $in: items.map((i) => i.id) },
          kind: { $in: [...NAME_TOKEN_KINDS] },
        });
        for (const item of items) {
          const value = cipher.decrypt(item.valueSealed, itemSealContext(item.id, item.category));
          for (const token of tokensForValue(cipher, item.category, value)) {
            tx.create(SearchToken, { provider: item.provider.id, itemId: item.id, kind: token.kind, hash: token.hash });
          }
        }
      });
      indexed += items.length;
    }
    if (items.length < PAGE) break;
    after = items[items.length - 1]!.id;
  }
  await inTransaction(em, async (tx) => {
    const setting = await tx.findOne(SystemSetting, { key: NAME_INDEX_SETTING });
    if (setting) setting.value = NAME_INDEX_FORM;
    else tx.create(SystemSetting, { key: NAME_INDEX_SETTING, value: NAME_INDEX_FORM });
  });
  return indexed;
}
