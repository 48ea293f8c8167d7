// What the banner says itself, in English and Japanese (the site's own texts, categories and
// declarations come from the API in the visitor's language).

export const TEXTS = {
  en: {
    accept: 'Accept all',
    reject: 'Reject all',
    settings: 'Settings',
    save: 'Save choices',
    withdraw: 'Withdraw consent',
    close: 'Close',
    always: 'Always on',
    gpc: 'Your browser sends Global Privacy Control: this category stays off.',
    id: 'Your consent id (quote it in a disclosure request):',
    cookies: 'Cookies and storage',
    session: 'session',
    days: (n: number) => `${n} days`,
    failed: 'Your choice could not be saved. Please try again.',
    reload: 'Your choice has been saved. Scripts already running on this page stop only when you reload it.',
    reloadNow: 'Reload page',
    kinds: {
      COOKIE: 'cookie',
      LOCAL_STORAGE: 'local storage',
      SESSION_STORAGE: 'session storage',
      INDEXED_DB: 'IndexedDB',
      PIXEL: 'pixel',
    } as Record<string, string>,
  },
  ja: {
    accept: 'すべて許可',
    reject: 'すべて拒否',
    settings: '設定',
    save: '選択を保存',
    withdraw: '同意を撤回',
    close: '閉じる',
    always: '常に有効',
    gpc: 'ブラウザーがグローバル・プライバシー・コントロールを送信しているため、この種類は無効のままです。',
    id: '同意ID（開示のご請求の際にお知らせください）:',
    cookies: 'クッキーとストレージ',
    session: 'セッション',
    days: (n: number) => `${n}日`,
    failed: '選択を保存できませんでした。もう一度お試しください。',
    reload: '選択を保存しました。このページで既に動作しているスクリプトは、ページを再読み込みするまで停止しません。',
    reloadNow: 'ページを再読み込み',
    kinds: {
      COOKIE: 'クッキー',
      LOCAL_STORAGE: 'ローカルストレージ',
      SESSION_STORAGE: 'セッションストレージ',
      INDEXED_DB: 'IndexedDB',
      PIXEL: 'ピクセル',
    } as Record<string, string>,
  },
};

export type Texts = (typeof TEXTS)['en'];
