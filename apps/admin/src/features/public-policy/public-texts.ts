import type { PolicyLanguage } from '@steward/schema';

/** The public pages' own words, in the policy's two languages. */
export const PUBLIC_TEXT = {
  ja: {
    title: 'プライバシーポリシー',
    version: (n: number) => `第${n}版`,
    published: '施行日',
    changeLog: '改定履歴',
    websiteUse: 'ウェブサイトのご利用にあたって',
    contact: 'お問い合わせ先',
    inquiryLink: 'お問い合わせフォーム',
    print: '印刷',
    tel: '電話',
    fax: 'FAX',
    email: '電子メール',
    inquiryTitle: '個人情報の取扱いに関するお問い合わせ',
    inquiryIntro: 'ご返答のため、電子メールアドレスまたはご住所のいずれかをご記入ください。',
    name: 'お名前',
    emailField: '電子メールアドレス',
    postalAddress: 'ご住所',
    subject: '件名',
    message: 'お問い合わせ内容',
    send: '送信',
    sent: 'お問い合わせを受け付けました',
    reference: (r: string) => `受付番号: ${r}（お問い合わせの際にお伝えください）`,
    backToPolicy: 'プライバシーポリシーへ戻る',
    tooMany: '送信回数が上限に達しました。時間をおいて再度お試しください。',
  },
  en: {
    title: 'Privacy Policy',
    version: (n: number) => `Version ${n}`,
    published: 'In force since',
    changeLog: 'Change log',
    websiteUse: 'Using this website',
    contact: 'Contact',
    inquiryLink: 'Inquiry form',
    print: 'Print',
    tel: 'Telephone',
    fax: 'Fax',
    email: 'E-mail',
    inquiryTitle: 'Inquiries regarding the handling of personal information',
    inquiryIntro: 'Give an e-mail address or a postal address so that the secretariat can answer you.',
    name: 'Name',
    emailField: 'E-mail address',
    postalAddress: 'Postal address',
    subject: 'Subject',
    message: 'Your inquiry',
    send: 'Send',
    sent: 'Your inquiry has been received',
    reference: (r: string) => `Reference: ${r} (quote it when you contact us)`,
    backToPolicy: 'Back to the privacy policy',
    tooMany: 'Too many inquiries from your address; please try again later.',
  },
} as const satisfies Record<PolicyLanguage, unknown>;

export function languageOf(value: string | null): PolicyLanguage {
  return value === 'en' ? 'en' : 'ja';
}
