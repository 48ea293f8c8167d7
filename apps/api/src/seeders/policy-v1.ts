import type { PolicySectionData } from '../policy/policy-version.entity.js';

// Version 1 of the demo policy: the Japan Society for Precision Engineering's privacy policy
// (jspe-privacy-policy.en.txt beside this file, verbatim in English), with Japanese alongside.

export const POLICY_V1_PREAMBLE = {
  en: 'The Japan Society for Precision Engineering (JSPE) will handle information that could identify an individual (personal information) following the guideline as described below: collecting, using and managing information.',
  ja: '公益社団法人精密工学会（以下「本会」）は、個人を識別できる情報（以下「個人情報」）を、以下の方針に従って収集・利用・管理いたします。',
};

export const POLICY_V1_SECTIONS: PolicySectionData[] = [
  {
    clause: 'COLLECTION',
    titleEn: 'Collection of Personal Information',
    titleJa: '個人情報の収集',
    bodyEn:
      'JSPE collects personal information as needed. This information is voluntarily provided by related personnel, business and service users of the organization (the provider). As policy, when information is collected, the organization will specify the purpose of use and obtain consent from the provider.',
    bodyJa:
      '本会は、必要に応じて個人情報を収集いたします。これらの情報は、本会の関係者、事業利用者およびサービス利用者（以下「提供者」）から任意に提供されるものです。本会は、情報の収集にあたり、利用目的を明示し、提供者の同意を得ることを方針とします。',
  },
  {
    clause: 'PURPOSE_OF_USE',
    titleEn: 'Purpose of Use',
    titleJa: '利用目的',
    bodyEn: [
      'JSPE uses collected personal information as needed to achieve stated purposes. However, the following circumstances may lead the organization to utilize or otherwise provide information outside stated purposes if:',
      '1 In any instance as required by law or legislation;',
      '2 When agreed to by the provider;',
      "3 In any instance where outsourcing requires the provision in part or whole of the information to an external organization to complete the stated purpose (for example, providers' names and addresses are disclosed to delivery companies); and,",
      '4 For any legitimate reason as approved in a general or a board meeting made in order to achieve official goals of business.',
    ].join('\n'),
    bodyJa: [
      '本会は、収集した個人情報を、明示した利用目的の達成に必要な範囲で利用いたします。ただし、次のいずれかに該当する場合には、明示した利用目的以外に利用し、または提供することがあります。',
      '1 法令に基づく場合',
      '2 提供者の同意がある場合',
      '3 明示した利用目的の達成に必要な範囲で、業務の全部または一部を外部に委託し、情報を提供する場合（例：配送業者への提供者の氏名・住所の開示）',
      '4 本会の事業目的を達成するため、総会または理事会で承認された正当な理由がある場合',
    ].join('\n'),
  },
  {
    clause: 'MANAGEMENT',
    titleEn: 'Management of Personal Information',
    titleJa: '個人情報の管理',
    bodyEn:
      'JSPE will strive to engage in proper management to avoid leakage, damage, falsification and/or loss of collected information. Any information previously disclosed by any provider and that is already available to the public will not be managed.',
    bodyJa:
      '本会は、収集した情報の漏えい、毀損、改ざんおよび滅失を防ぐため、適切な管理に努めます。なお、提供者自らが既に公開しており、一般に入手可能な情報は、管理の対象としません。',
  },
  {
    clause: 'DISCLOSURE_AND_AMENDMENT',
    titleEn: 'Disclosure and Amendment of Personal Information',
    titleJa: '個人情報の開示・訂正',
    bodyEn:
      'JSPE will disclose information in a timely manner upon request by the provider. Also, JSPE will amend personal information upon request.',
    bodyJa:
      '本会は、提供者からの求めに応じ、遅滞なく情報を開示いたします。また、求めに応じて個人情報を訂正いたします。',
  },
  {
    clause: 'WEBSITE_USE',
    titleEn: 'Use of Information on Websites',
    titleJa: 'ウェブサイトの利用について',
    bodyEn:
      "Use of JSPE's websites (the website) is at the users' risk. JSPE does not take responsibility for any loss incurred through the use of the website, or any other website linked to the website. Also, JSPE does not take responsibility for security of personal information in any other website linked to the website.",
    bodyJa:
      '本会のウェブサイト（以下「本サイト」）のご利用は、利用者ご自身の責任において行ってください。本会は、本サイトまたは本サイトからリンクされた他のウェブサイトの利用により生じたいかなる損害についても責任を負いません。また、本サイトからリンクされた他のウェブサイトにおける個人情報の安全性についても責任を負いません。',
  },
  {
    clause: 'COOKIES',
    titleEn: 'Cookies',
    titleJa: 'クッキー（Cookie）',
    bodyEn:
      "Cookies are used to view the website more conveniently, and are not to violate users' privacy or to cause any computer malfunction. Collected information through cookies is used to enhance services, and any collected information is protected under the same conditions as personal information. In the event that users do not want collected information, cookies can be disabled through the browser.",
    bodyJa:
      'クッキーは、本サイトをより便利にご覧いただくために使用するものであり、利用者のプライバシーを侵害したり、コンピュータに不具合を生じさせたりするものではありません。クッキーにより収集した情報はサービス向上のために利用し、収集した情報は個人情報と同等に保護いたします。情報の収集を望まない場合は、ブラウザの設定によりクッキーを無効にすることができます。',
  },
  {
    clause: 'CHANGES',
    titleEn: 'Changes in the Privacy Policy',
    titleJa: 'プライバシーポリシーの変更',
    bodyEn:
      'JSPE may change the privacy policy without prior notification. For any collected information by JSPE, the current privacy policy will apply. Any change to the privacy policy will be posted on the website and will be effective immediately.',
    bodyJa:
      '本会は、事前の通知なくプライバシーポリシーを変更することがあります。本会が収集したすべての情報には、現行のプライバシーポリシーが適用されます。プライバシーポリシーの変更は本サイトに掲載し、掲載と同時に効力を生じるものとします。',
  },
  {
    clause: 'INQUIRIES',
    titleEn: 'Inquiries Regarding the Handling of Personal Information',
    titleJa: '個人情報の取扱いに関するお問い合わせ',
    bodyEn: [
      'For any inquiries regarding the privacy policy at JSPE, Please contact the following address.',
      'The Japan Society for Precision Engineering Secretariat',
      'Kudan-Seiwa Building, 1-5-9, Kudan-kita, Chiyoda-ku, Tokyo,',
      '102-0073, JAPAN',
      'TEL +81-3-5226-5191 / FAX +81-3-5226-5192',
      'E-mail jspe_jspe@jspe.or.jp',
    ].join('\n'),
    bodyJa: [
      '本会のプライバシーポリシーに関するお問い合わせは、下記までご連絡ください。',
      '公益社団法人精密工学会 事務局',
      '〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル',
      'TEL 03-5226-5191 / FAX 03-5226-5192',
      'E-mail jspe_jspe@jspe.or.jp',
    ].join('\n'),
  },
];
