import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Language } from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { isUuid } from '../common/ids.js';
import { PermittedException } from '../exceptions/permitted-exception.entity.js';
import { Provider } from '../providers/provider.entity.js';
import { Purpose } from '../purposes/purpose.entity.js';
import { Recipient } from '../recipients/recipient.entity.js';
import { SystemCredential } from '../systems/system-credential.entity.js';

/** The ids a page of an export names, by kind: what ExportNames turns into names. */
export interface NameRefs {
  providers?: readonly (string | null | undefined)[];
  recipients?: readonly (string | null | undefined)[];
  exceptions?: readonly (string | null | undefined)[];
  purposes?: readonly (string | null | undefined)[];
  /** Ledger actors as stored: `admin:<id>`, `system:<id>`, `job:<id>`, … */
  actors?: readonly (string | null | undefined)[];
}

const ids = (values: readonly (string | null | undefined)[] | undefined) => [
  ...new Set((values ?? []).filter((v): v is string => typeof v === 'string' && isUuid(v))),
];

/**
 * Names, not ids, in an export's cells: a provider by reference, a recipient by name, an exception
 * by title, a purpose by its title in the asker's language, a member of staff and an internal
 * system by name. One read per kind per page (the page's ids), through the ORM.
 */
export class ExportNames {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly em: SqlEntityManager,
    private readonly language: Language,
  ) {}

  async load(refs: NameRefs): Promise<void> {
    const providers = ids(refs.providers);
    const recipients = ids(refs.recipients);
    const exceptions = ids(refs.exceptions);
    const purposes = [...new Set((refs.purposes ?? []).filter((k): k is string => !!k))];
    const actors = (refs.actors ?? []).filter((a): a is string => !!a);
    const byPrefix = (prefix: string) =>
      ids(actors.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length)));
    const admins = byPrefix('admin:');
    const systems = byPrefix('system:');
    if (providers.length)
      for (const p of await this.em.find(Provider, { id: { $in: providers } }, { fields: ['reference'] }))
        this.known.set(`provider:${p.id}`, p.reference);
    if (recipients.length)
      for (const r of await this.em.find(Recipient, { id: { $in: recipients } }, { fields: ['name'] }))
        this.known.set(`recipient:${r.id}`, r.name);
    if (exceptions.length)
      for (const e of await this.em.find(PermittedException, { id: { $in: exceptions } }, { fields: ['title'] }))
        this.known.set(`exception:${e.id}`, e.title);
    if (purposes.length)
      for (const p of await this.em.find(
        Purpose,
        { key: { $in: purposes } },
        { fields: ['key', 'titleEn', 'titleJa'] },
      ))
        this.known.set(`purpose:${p.key}`, this.language === 'ja' ? p.titleJa || p.titleEn : p.titleEn);
    if (admins.length)
      for (const a of await this.em.find(AdminUser, { id: { $in: admins } }, { fields: ['displayName'] }))
        this.known.set(`actor:admin:${a.id}`, a.displayName);
    if (systems.length)
      for (const s of await this.em.find(SystemCredential, { id: { $in: systems } }, { fields: ['systemName'] }))
        this.known.set(`actor:system:${s.id}`, s.systemName);
  }

  provider = (id: string | null | undefined) => this.name('provider', id);
  recipient = (id: string | null | undefined) => this.name('recipient', id);
  exception = (id: string | null | undefined) => this.name('exception', id);
  purpose = (key: string | null | undefined) => this.name('purpose', key);
  actor = (ref: string | null | undefined) => this.name('actor', ref);

  /** The name of what `id` points at; the id itself when it names nothing found (a deleted row). */
  private name(kind: string, id: string | null | undefined): string | null {
    if (!id) return null;
    return this.known.get(`${kind}:${id.toLowerCase()}`) ?? this.known.get(`${kind}:${id}`) ?? id;
  }
}
