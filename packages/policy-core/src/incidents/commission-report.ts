import { localIsoDate } from '../calendar/time-zone.js';
import { messages } from '../messages/catalogue.js';
import type { DataCategory } from '../vocabulary/data-categories.js';
import type {
  IncidentCause,
  IncidentCriterion,
  IncidentDiscovery,
  IncidentKind,
  IncidentNotificationChannel,
  IncidentReportKind,
} from './incident-vocabulary.js';

/** What the report is written from: the incident as the API decrypts it, and the organisation reporting. */
export type CommissionReportInput = {
  reportKind: IncidentReportKind;
  timeZone: string;
  organisation: { name: string; postalAddress: string; contact: string };
  incident: {
    reference: string;
    title: string;
    kind: IncidentKind;
    occurredAt: Date | null;
    awareAt: Date;
    discovery: IncidentDiscovery;
    cause: IncidentCause;
    causeDetail: string | null;
    wrongfulPurposeSuspected: boolean;
    description: string | null;
    measures: string | null;
    secondaryDamage: string | null;
    dataInvolved: string | null;
    categories: readonly DataCategory[];
    affectedCount: number;
    affectedCountEstimated: boolean;
    criteria: readonly IncidentCriterion[];
    entrustedBy: string | null;
    notifications: { recorded: number; channels: readonly IncidentNotificationChannel[]; publicNotice: boolean };
    preliminarySentOn: string | null;
  };
};

export type CommissionReportField = { label: string; value: string };
export type CommissionReportSection = {
  /** Stable key of the section (the item of Rules Art. 8(1) it answers). */
  key: string;
  heading: string;
  /** The rule the section answers. */
  article: string;
  fields: CommissionReportField[];
};
export type CommissionReport = { title: string; sections: CommissionReportSection[] };

const ja = messages.ja;
const NOT_YET = '（未記入）';

function text(value: string | null | undefined): string {
  return value && value.trim() !== '' ? value : NOT_YET;
}

/**
 * The content of a report to the Personal Information Protection Commission, in Japanese, in the
 * order of the items the report must give (Rules Art. 8(1) items 1–9: 概要, 項目, 本人の数, 原因,
 * 二次被害, 本人への対応, 公表, 再発防止策, その他), with the reporter and the Art. 7 items that
 * apply first, as the Commission's form (規則 別記様式第一) asks them. A preliminary report gives
 * what is known at the time (Art. 8(1): 報告をしようとする時点において把握しているもの); unknown
 * items read （未記入）. Printable as it is; the staff copy it into the Commission's web form.
 */
export function commissionReport(input: CommissionReportInput): CommissionReport {
  const i = input.incident;
  const date = (d: Date | null) => (d ? localIsoDate(d, input.timeZone) : '不明');
  const kindLabel = ja[`incidentKind.${i.kind}`];
  const criteria = i.criteria.length
    ? i.criteria.map((c) => `・${ja[`incidentCriterion.${c}`]}`).join('\n')
    : '該当なし';
  const categories = i.categories.map((c) => ja[`dataCategory.${c}`]).join('、');
  const notified =
    i.notifications.recorded > 0
      ? `通知済み（${i.notifications.channels.map((c) => ja[`incidentNotificationChannel.${c}`]).join('、')}）`
      : '未実施';
  return {
    title: `個人データの漏えい等の報告（${input.reportKind === 'PRELIMINARY' ? '速報' : '確報'}）`,
    sections: [
      {
        key: 'reporter',
        heading: '報告者',
        article: '規則 別記様式第一',
        fields: [
          { label: '事業者の名称', value: text(input.organisation.name) },
          { label: '所在地', value: text(input.organisation.postalAddress) },
          { label: '連絡先', value: text(input.organisation.contact) },
          { label: '委託元（委託先として報告する場合）', value: i.entrustedBy ?? '該当なし' },
          { label: '整理番号', value: i.reference },
        ],
      },
      {
        key: 'situation',
        heading: '報告対象となる事態（規則第7条各号）',
        article: '規則第7条',
        fields: [
          { label: '該当する号', value: criteria },
          { label: '事態の区分', value: kindLabel },
        ],
      },
      {
        key: 'overview',
        heading: '1 概要',
        article: '規則第8条第1項第1号',
        fields: [
          { label: '件名', value: text(i.title) },
          { label: '発生日', value: date(i.occurredAt) },
          { label: '発覚日', value: date(i.awareAt) },
          { label: '発覚の経緯', value: ja[`incidentDiscovery.${i.discovery}`] },
          { label: '事案の概要', value: text(i.description) },
        ],
      },
      {
        key: 'items',
        heading: '2 漏えい等が発生し、又は発生したおそれがある個人データの項目',
        article: '規則第8条第1項第2号',
        fields: [
          { label: '本システムで管理する項目', value: categories || NOT_YET },
          { label: 'その他の項目・媒体', value: text(i.dataInvolved) },
        ],
      },
      {
        key: 'count',
        heading: '3 個人データに係る本人の数',
        article: '規則第8条第1項第3号',
        fields: [
          {
            label: '本人の数',
            value: `${i.affectedCount.toLocaleString('ja-JP')}人${i.affectedCountEstimated ? '（推計）' : ''}`,
          },
        ],
      },
      {
        key: 'cause',
        heading: '4 原因',
        article: '規則第8条第1項第4号',
        fields: [
          { label: '原因の区分', value: ja[`incidentCause.${i.cause}`] },
          { label: '不正の目的のおそれ', value: i.wrongfulPurposeSuspected ? 'あり' : 'なし' },
          { label: '詳細', value: text(i.causeDetail) },
        ],
      },
      {
        key: 'secondaryDamage',
        heading: '5 二次被害又はそのおそれの有無及びその内容',
        article: '規則第8条第1項第5号',
        fields: [{ label: '内容', value: text(i.secondaryDamage) }],
      },
      {
        key: 'providerResponse',
        heading: '6 本人への対応の実施状況',
        article: '規則第8条第1項第6号',
        fields: [{ label: '本人への通知', value: notified }],
      },
      {
        key: 'publication',
        heading: '7 公表の実施状況',
        article: '規則第8条第1項第7号',
        fields: [{ label: '公表', value: i.notifications.publicNotice ? '公表済み' : '未実施' }],
      },
      {
        key: 'prevention',
        heading: '8 再発防止のための措置',
        article: '規則第8条第1項第8号',
        fields: [{ label: '講じた措置・講じる予定の措置', value: text(i.measures) }],
      },
      {
        key: 'other',
        heading: '9 その他参考となる事項',
        article: '規則第8条第1項第9号',
        fields: [
          {
            label: '速報の提出日',
            value: input.reportKind === 'FINAL' ? text(i.preliminarySentOn) : '—',
          },
        ],
      },
    ],
  };
}
