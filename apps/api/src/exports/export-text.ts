import { messages, type Language, type MessageKey } from '@steward/policy-core';
import { formatIcu } from '../i18n/messages.js';
import en from './locales/en.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };

/** A key of the exports' catalogues (locales/en.json; ja.json has exactly the same keys, export-text.test.ts). */
export type ExportKey = keyof typeof en;

const CATALOGUES: Readonly<Record<Language, Readonly<Record<ExportKey, string>>>> = {
  en,
  ja: ja satisfies Record<ExportKey, string>,
};

/** How an export words its headers and cells for the member who asked: their language, the organisation's zone. */
export interface ExportText {
  language: Language;
  t(key: ExportKey, params?: Record<string, string>): string;
  /** A vocabulary value's label (`providerKind.BUSINESS_USER`), or the value itself when the catalogue has none. */
  label(namespace: string, value: string | null | undefined): string | null;
  /** A time in the organisation's zone, `2026-12-07 15:30` (sorts and reads alike in both languages). */
  dateTime(at: Date | null | undefined): string | null;
  /** A calendar day in the organisation's zone, `2026-12-07`. */
  day(at: Date | null | undefined): string | null;
}

export function exportText(language: Language, timeZone: string): ExportText {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const local = (at: Date) => {
    const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
    return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
  };
  const catalogue = messages[language] as Readonly<Record<string, string>>;
  return {
    language,
    t: (key, params = {}) => formatIcu(language, `exports:${key}`, CATALOGUES[language][key], params),
    label: (namespace, value) => (value ? (catalogue[`${namespace}.${value}` as MessageKey] ?? value) : null),
    dateTime: (at) => {
      if (!at) return null;
      const { day, time } = local(at);
      return `${day} ${time}`;
    },
    day: (at) => (at ? local(at).day : null),
  };
}
