import type { en } from './en.js';

/**
 * policy-core's Japanese message catalogue: exactly the keys of `en.ts` (`satisfies` refuses a
 * missing or extra key), the same ICU arguments per key (messages.test.ts), in the formal Japanese
 * of a privacy office.
 */
export const ja = {
  'issue.REQUIRED': '入力してください。',
  'issue.TOO_LONG': '入力が長すぎます（上限 {max}）。',
  'issue.TOO_SHORT': '入力が短すぎます（下限 {min}）。',
  'issue.INVALID_FORMAT': '入力の形式が正しくありません。',
  'issue.CONTROL_CHARACTERS': '制御文字または不可視文字が含まれています。',
  'issue.DUPLICATE': '同じ値が重複して指定されています。',
  'issue.UNKNOWN_PURPOSE': '該当する利用目的がありません。',
  'issue.RETIRED_PURPOSE': 'この利用目的は廃止されています。',
  'issue.NO_PURPOSE': '利用目的を一つ以上指定してください。',
  'issue.CONSENT_MISSING': '本人はいずれの利用目的にも同意していません。',
  'issue.CATEGORY_NOT_NEEDED': '指定された利用目的にこの項目は必要ありません。',
  'issue.CATEGORY_ONLY_FOR_REFUSED_PURPOSE': 'この項目は、本人が同意していない利用目的にのみ必要なものです。',
  'issue.POLICY_VERSION_NOT_CURRENT': '現行のプライバシーポリシーに基づく同意ではありません。',
  'issue.NO_ITEMS': '個人情報の項目を一つ以上入力してください。',
  'issue.NO_CHANGE': '変更点がありません。',
  'issue.NOT_GRANTED': '同意が得られていません。',
  'issue.PROVENANCE_REQUIRED': '本人がこの情報を公開している場所（出典）を入力してください。',
  'issue.INVALID_TRANSITION': 'この状態への変更はできません。',
  'issue.INVALID_VALUE': '入力値が正しくありません。',
  'issue.IDENTITY_NOT_VERIFIED': '請求者の本人確認が完了していません。',
  'issue.UNKNOWN_CATEGORY': '該当する区分がありません。',
  'issue.REQUIRED_CATEGORY_REFUSED': '必須の区分は拒否できません。',
  'issue.ROLE_NOT_ALLOWED': 'この操作を行う権限がありません。',
  'issue.SELF_APPROVAL': 'ご自身が作成したものは承認できません。別の担当者による承認が必要です。',
  'issue.SCOPE_MISMATCH': '対象範囲が根拠資料と一致しません。',
  'issue.NOT_YET_HAPPENED': '根拠資料の日付がまだ到来していません。',
  'issue.LAST_OWNER': '有効なオーナーを少なくとも一名残す必要があります。',
  'issue.SELF_ACTION': 'ご自身のアカウントに対してこの操作はできません。',
  'issue.WEAK_PASSWORD': 'このパスワードは推測されやすいため使用できません。',
  'issue.FORMULA': '表計算ソフトの数式として実行される値です（=、+、-、@ で始まっています）。',

  'reason.CONSENT_GRANTED': '「{purpose}」への同意が得られています。',
  'reason.CONSENT_NOT_GRANTED':
    '{consent, select, OUTDATED {「{purpose}」への同意は、利用目的を変更したプライバシーポリシー第{changedInVersion}版より前に得られたものであるため、改めて同意を得る必要があります。} OTHER_PURPOSE {示された同意は別の利用目的に対するものであり、「{purpose}」への同意ではありません。} REFUSED {「{purpose}」への同意は拒否されています。} WITHDRAWN {「{purpose}」への同意は撤回されています。} other {「{purpose}」への同意はまだ確認していません。}}',
  'reason.CATEGORY_NOT_IN_PURPOSE': '利用目的「{purpose}」に{category}は必要ありません。',
  'reason.PURPOSE_RETIRED': '利用目的「{purpose}」は廃止されています。',
  'reason.PUBLICLY_AVAILABLE': '{category}は本人により公開されている情報です。',
  'reason.PURPOSE_NOT_STATED':
    '「{purpose}」はプライバシーポリシーに定める利用目的ではないため、有効な例外事由がある場合に限り認められます。',
  'reason.NO_CATEGORIES_REQUESTED': '個人情報の項目が指定されていません。',
  'reason.RECIPIENT_REQUIRED': '第三者提供には提供先の指定が必要です。',
  'reason.RECIPIENT_GIVEN_FOR_USE':
    '利用には提供先はありません。「{recipient}」へ提供する場合は、第三者提供として判定を求めてください。',
  'reason.PROVISION_NEEDS_EXCEPTION':
    '「{purpose}」への同意は「{recipient}」への第三者提供を認めるものではありません。提供には、これを対象とする例外事由が必要です。',
  'reason.NO_EXCEPTION_APPLIES':
    '{exceptions, select, NONE_SUPPLIED {例外事由は示されていません。} NO_LAW_SUPPLIED {法令に基づく例外事由は示されていません。} other {この判定の対象となる有効な例外事由はありません。}}',
  'reason.EXCEPTION_APPLIES':
    '{action, select, PROVIDE {例外「{exception}」により、「{purpose}」のための「{recipient}」への{category}の提供が認められます。} other {例外「{exception}」により、「{purpose}」のための{category}の利用が認められます。}}',
  'reason.EXCEPTION_NOT_IN_EFFECT':
    '例外「{exception}」は効力を有していません（{status, select, DRAFT {未承認} REVOKED {取消済み} EXPIRED {期間満了} NOT_YET_VALID {適用開始前} other {{status}}}）。',
  'reason.EXCEPTION_PROVIDER_NOT_COVERED': '例外「{exception}」は本人（{provider}）を対象としていません。',
  'reason.EXCEPTION_PURPOSE_NOT_COVERED': '例外「{exception}」は利用目的「{purpose}」を対象としていません。',
  'reason.EXCEPTION_RECIPIENT_NOT_COVERED':
    '{scope, select, INTERNAL_USE {例外「{exception}」は内部での利用のみを対象としており、「{recipient}」への提供は対象外です。} other {例外「{exception}」は「{recipient}」への提供を対象としていません。}}',
  'reason.EXCEPTION_CATEGORY_NOT_COVERED': '例外「{exception}」は{category}を対象としていません。',
  'reason.EXCEPTION_PURPOSE_BASIS_MISSING':
    '例外「{exception}」は「{purpose}」のための委託ですが、{useReason, select, CONSENT_NOT_GRANTED {この利用目的への同意が得られていない} CATEGORY_NOT_IN_PURPOSE {この利用目的に必要な項目ではない} PURPOSE_RETIRED {この利用目的が廃止されている} other {利用の根拠がない}}ため、{category}をこの利用目的に利用することはできません。',
  'reason.EXCEPTION_AGREEMENT_WITHDRAWN':
    '本人（{provider}）が根拠となる同意を撤回または拒否したため、例外「{exception}」は適用されなくなりました。',
  'reason.DIFFERENT_BASIS':
    '{category}は別の根拠（{basis, select, CONSENT {「{purpose}」への同意} PUBLICLY_AVAILABLE {本人による公開} other {例外「{exception}」}}）により認められます。一つの判定の根拠は一つに限られるため、{category}については別に判定を求めてください。',
  'reason.CEASED_ON_REQUEST':
    '{action, select, PROVIDE {本人から「{recipient}」への第三者提供の停止を求められています。法令に基づく場合を除き、提供できません。} other {本人から「{purpose}」のための利用の停止を求められています。法令に基づく場合を除き、利用できません。}}',

  'providerKind.RELATED_PERSONNEL': '関係者',
  'providerKind.BUSINESS_USER': '事業利用者',
  'providerKind.SERVICE_USER': 'サービス利用者',

  'fieldFormat.TEXT': 'テキスト',
  'fieldFormat.EMAIL': 'メールアドレス',
  'fieldFormat.TELEPHONE': '電話番号',
  'fieldFormat.POSTAL_CODE': '郵便番号',
  'fieldFormat.IDENTIFIER': '識別子',
  'fieldFormat.READING': '読み（カナ・ローマ字）',

  'dataCategory.NAME': '氏名',
  'dataCategory.NAME_READING': 'フリガナ',
  'dataCategory.POSTAL_CODE': '郵便番号',
  'dataCategory.POSTAL_ADDRESS': '住所',
  'dataCategory.EMAIL': 'メールアドレス',
  'dataCategory.TELEPHONE': '電話番号',
  'dataCategory.FAX': 'FAX番号',
  'dataCategory.AFFILIATION': '所属',
  'dataCategory.MEMBERSHIP_NUMBER': '会員番号',
  'dataCategory.COOKIE_IDENTIFIER': 'クッキー識別子',

  'dataCategoryDescription.NAME': '提供者の氏名。',
  'dataCategoryDescription.NAME_READING':
    '氏名の読み方（カナまたはローマ字）。提供者が記入したとおりに記録し、漢字から推測しない。',
  'dataCategoryDescription.POSTAL_CODE': '送付先の郵便番号。',
  'dataCategoryDescription.POSTAL_ADDRESS': '送付先の住所（複数行可）。',
  'dataCategoryDescription.EMAIL': '連絡用のメールアドレス。',
  'dataCategoryDescription.TELEPHONE': '連絡用の電話番号。',
  'dataCategoryDescription.FAX': 'FAX番号（通常は勤務先）。',
  'dataCategoryDescription.AFFILIATION': '所属機関・部署・学校。',
  'dataCategoryDescription.MEMBERSHIP_NUMBER': '学会の会員番号。',
  'dataCategoryDescription.COOKIE_IDENTIFIER': 'ブラウザのクッキーに保存される識別子。',

  'sensitivity.LOW': '低',
  'sensitivity.MEDIUM': '中',
  'sensitivity.HIGH': '高',

  'consentAction.GRANT': '同意',
  'consentAction.REFUSE': '拒否',
  'consentAction.WITHDRAW': '撤回',

  'consentState.GRANTED': '同意済み',
  'consentState.REFUSED': '拒否',
  'consentState.WITHDRAWN': '撤回済み',
  'consentState.NOT_ASKED': '未確認',

  'consentMethod.WEB_CHECKBOX': 'ウェブフォームのチェックボックス',
  'consentMethod.SIGNED_FORM': '署名済みの書面',
  'consentMethod.EMAIL_REPLY': 'メールでの返信',
  'consentMethod.VERBAL': '口頭',

  'channel.WEB_FORM': 'ウェブフォーム',
  'channel.PAPER_FORM': '紙の申込書',
  'channel.EMAIL': '電子メール',
  'channel.EVENT': 'イベント',
  'channel.PARTNER_SYSTEM': '連携先システム',
  'channel.TELEPHONE': '電話',
  'channel.IMPORT': 'インポート',

  'clause.COLLECTION': '個人情報の収集',
  'clause.PURPOSE_OF_USE': '利用目的',
  'clause.MANAGEMENT': '個人情報の管理',
  'clause.DISCLOSURE_AND_AMENDMENT': '個人情報の開示・訂正',
  'clause.WEBSITE_USE': 'ウェブサイトの利用について',
  'clause.COOKIES': 'クッキー(Cookie)',
  'clause.CHANGES': 'プライバシーポリシーの変更',
  'clause.INQUIRIES': '個人情報の取扱いに関するお問い合わせ',

  'exceptionKind.LAW': '法令に基づく場合',
  'exceptionKind.PROVIDER_AGREEMENT': '本人の同意がある場合',
  'exceptionKind.OUTSOURCING': '業務委託に伴う提供',
  'exceptionKind.BOARD_APPROVAL': '総会または理事会の承認',

  'exceptionStatus.DRAFT': '下書き',
  'exceptionStatus.ACTIVE': '有効',
  'exceptionStatus.REVOKED': '取消済み',
  'exceptionStatus.EXPIRED': '期間満了',
  'exceptionStatus.NOT_YET_VALID': '開始前',

  'meetingKind.GENERAL': '総会',
  'meetingKind.BOARD': '理事会',

  'role.OWNER': 'オーナー',
  'role.PRIVACY_OFFICER': '個人情報保護管理者',
  'role.VIEWER': '閲覧者',

  'recipientKind.CONTRACTOR': '委託先',
  'recipientKind.THIRD_PARTY': '第三者',
  'recipientKind.AUTHORITY': '行政機関等',

  'decisionAction.USE': '利用',
  'decisionAction.PROVIDE': '第三者提供',

  'requestKind.DISCLOSURE': '開示',
  'requestKind.AMENDMENT': '訂正',
  'requestKind.CESSATION': '利用停止',

  'requestStatus.RECEIVED': '受付済み',
  'requestStatus.VERIFYING': '本人確認中',
  'requestStatus.IN_PROGRESS': '対応中',
  'requestStatus.COMPLETED': '完了',
  'requestStatus.REJECTED': '不受理',

  'requestChannel.WEB_FORM': 'ウェブフォーム',
  'requestChannel.POST': '郵送',
  'requestChannel.TELEPHONE': '電話',
  'requestChannel.FAX': 'FAX',
  'requestChannel.EMAIL': '電子メール',
  'requestChannel.IN_PERSON': '窓口',

  'verificationMethod.ID_DOCUMENT': '本人確認書類',
  'verificationMethod.KNOWN_EMAIL_CONFIRMATION': '登録済みメールアドレスでの確認',
  'verificationMethod.MEMBERSHIP_RECORD': '会員情報との照合',
  'verificationMethod.IN_PERSON': '対面での確認',

  'requestUrgency.OVERDUE': '期限超過',
  'requestUrgency.DUE_SOON': '期限間近',
  'requestUrgency.ON_TRACK': '期限内',
  'requestUrgency.CLOSED': '対応終了',

  'inquiryStatus.NEW': '新規',
  'inquiryStatus.IN_PROGRESS': '対応中',
  'inquiryStatus.ANSWERED': '回答済み',
  'inquiryStatus.CLOSED': '完了',

  'inquiryReplyKind.NOTE': '内部メモ',
  'inquiryReplyKind.ANSWER': '回答',

  'cookieCategory.STRICTLY_NECESSARY': '必須',
  'cookieCategory.FUNCTIONAL': '機能',
  'cookieCategory.ANALYTICS': '分析',
  'cookieCategory.MARKETING': 'マーケティング',

  'cookieCategoryDescription.STRICTLY_NECESSARY':
    'サイトの動作とクッキーの選択の記録に必要なもので、無効にすることはできません。',
  'cookieCategoryDescription.FUNCTIONAL': '言語などの設定を記憶し、サイトを便利にご利用いただくためのものです。',
  'cookieCategoryDescription.ANALYTICS': 'サイトの利用状況を把握し、改善に役立てるためのものです。',
  'cookieCategoryDescription.MARKETING': '本サイトや他のサイトで関連するお知らせを表示するためのものです。',

  'cookieStorageKind.COOKIE': 'クッキー',
  'cookieStorageKind.LOCAL_STORAGE': 'ローカルストレージ',
  'cookieStorageKind.SESSION_STORAGE': 'セッションストレージ',
  'cookieStorageKind.INDEXED_DB': 'IndexedDB',
  'cookieStorageKind.PIXEL': 'トラッキングピクセル',

  'cookieConsentAction.CHOOSE': '選択の記録',
  'cookieConsentAction.WITHDRAW': '同意の撤回',

  'jobKind.LEDGER_VERIFICATION': '台帳の検証',
  'jobKind.LIST_EXPORT': 'CSVエクスポート',
  'jobKind.EXPORT_PURGE': '期限切れエクスポートの削除',

  'exportList.PROVIDERS': '情報提供者',
  'exportList.PROVIDER_REQUESTS': '開示等の請求',
  'exportList.INQUIRIES': 'お問い合わせ',
  'exportList.PERMITTED_EXCEPTIONS': '目的外利用の例外',
  'exportList.RECIPIENTS': '提供先',
  'exportList.AUDIT_LOG': '監査ログ',
  'exportList.LEDGER_ENTRIES': '台帳',
  'jobKind.MAIL_DELIVERY': 'メールの送信',
  'jobKind.REQUEST_DUE_REMINDERS': '請求の期限通知',

  'mailKind.APPROVAL_WAITING': '承認待ち',
  'mailKind.REQUEST_DUE_SOON': '期限が近い請求',
  'mailKind.REQUEST_OVERDUE': '期限を過ぎた請求',
  'mailKind.INQUIRY_RECEIVED': '新しい問い合わせ',
  'mailKind.STAFF_INVITATION': 'スタッフへの招待',
  'mailKind.PASSWORD_RESET': 'パスワードのリセット',
  'mailStatus.QUEUED': '送信待ち',
  'mailStatus.SENT': '送信済み',
  'mailStatus.FAILED': '送信失敗',
  'mailStatus.NOT_SENT': '未送信（SMTP サーバー未設定）',
  'jobKind.MEMBER_IMPORT': '会員のインポート',
  'jobKind.LEDGER_TREE_BUILD': '台帳のマークル木の構築',

  'jobStatus.QUEUED': '待機中',
  'jobStatus.RUNNING': '実行中',
  'jobStatus.SUCCEEDED': '完了',
  'jobStatus.FAILED': '失敗',
  'jobStatus.CANCELLED': '取消',

  'language.ja': '日本語',
  'language.en': '英語',

  'documentKind.DISCLOSURE': '保有個人データの開示',
  'documentKind.CONSENT_RECEIPT': '同意の控え',

  'ledgerKind.COLLECTION': '取得',
  'ledgerKind.CONSENT': '同意',
  'ledgerKind.USE': '利用',
  'ledgerKind.PROVISION': '第三者提供',
  'ledgerKind.DECISION': '判定',
  'ledgerKind.POLICY': 'プライバシーポリシー',
  'ledgerKind.RESTORE': 'バックアップからの復元',

  'ledgerOutcome.RECORDED': '記録',
  'ledgerOutcome.ALLOWED': '許可',
  'ledgerOutcome.DENIED': '不許可',

  'useBasis.CONSENT': 'ご本人の同意',
  'useBasis.PUBLICLY_AVAILABLE': '公開されている情報',
  'useBasis.EXCEPTION': 'ポリシーに定める例外',

  'dataItemChangeAction.ADD': '追加',
  'dataItemChangeAction.UPDATE': '訂正',
  'dataItemChangeAction.REMOVE': '削除',

  'actorKind.STAFF': '事務局 {name}（{role}）',
  'actorKind.RECIPIENT_SYSTEM': '{name}（提供先のシステム、連携キーによる）',
  'actorKind.INTERNAL_SYSTEM': '内部システム {name}',
  'actorKind.STEWARD': 'Steward による自動記録',
  'actorKind.UNKNOWN': '不明（記録が残っていません）',

  'disclosureSection.provider': 'ご本人について',
  'disclosureSection.dataItems': '保有している個人情報',
  'disclosureSection.collections': '取得の記録',
  'disclosureSection.consents': '同意の状況',
  'disclosureSection.consentEvents': '同意の履歴',
  'disclosureSection.ledger': '利用・提供の記録',
  'disclosureSection.recipients': '提供先',
  'disclosureSection.requests': 'ご請求の記録',
  'disclosureSection.amendments': '訂正の記録',
  'disclosureSection.cessations': '利用停止の記録',
  'disclosureSection.inquiries': 'お問い合わせ',
  'disclosureSection.cookieConsents': 'クッキーの同意',
} as const satisfies Readonly<Record<keyof typeof en, string>>;
