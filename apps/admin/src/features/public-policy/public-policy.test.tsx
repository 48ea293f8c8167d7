import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PublicPolicyQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { SECRETARIAT } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';

function publicPolicy(language: 'ja' | 'en'): PublicPolicyQuery {
  const ja = language === 'ja';
  return {
    publicPolicy: {
      language,
      organisationName: ja ? '公益社団法人 精密工学会' : 'The Japan Society for Precision Engineering',
      number: 2,
      publishedAt: '2026-04-01T09:00:00Z',
      contentHash: 'c'.repeat(64),
      sections: [
        {
          clause: 'WEBSITE_USE',
          number: 5,
          title: ja ? 'ウェブサイトの利用について' : 'Use of Information on Websites',
          body: ja ? '免責事項' : 'Disclaimer text',
        },
        {
          clause: 'CHANGES',
          number: 7,
          title: ja ? '変更' : 'Changes',
          body: ja ? '直ちに効力を生じます。' : 'Effective immediately.',
        },
      ],
      websiteUse: { clause: 'WEBSITE_USE', number: 5, title: 'x', body: ja ? '免責事項' : 'Disclaimer text' },
      changeLog: [
        {
          number: 2,
          publishedAt: '2026-04-01T09:00:00Z',
          changeSummary: 'Clause 7 clarified.',
          changeSummaryLanguage: 'en',
        },
        ja
          ? { number: 1, publishedAt: '2005-11-18T00:00:00Z', changeSummary: '制定。', changeSummaryLanguage: 'ja' }
          : {
              number: 1,
              publishedAt: '2005-11-18T00:00:00Z',
              changeSummary: 'Constituted.',
              changeSummaryLanguage: 'en',
            },
      ],
      secretariat: SECRETARIAT,
    },
  };
}

describe('public privacy page', () => {
  it('shows the version in force, the change log and the secretariat without sign-in, in Japanese or English', async () => {
    const { api } = renderApp('/privacy', {
      role: null,
      handlers: { PublicPolicy: (v) => ({ data: publicPolicy(v['language'] as 'ja' | 'en') }) },
    });
    expect((await screen.findByLabelText('Policy version')).textContent).toBe('第2版');
    const log = screen.getByRole('region', { name: '改定履歴' });
    // A summary not written in Japanese is shown in English, marked as English for readers and screen readers.
    expect(within(log).getByText('Clause 7 clarified.').getAttribute('lang')).toBe('en');
    expect(within(log).getByText('制定。').getAttribute('lang')).toBe('ja');
    expect(screen.getByText(/^受付時間:/)).toBeTruthy();
    expect(within(log).getByText('第1版')).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'ウェブサイトのご利用にあたって' }).textContent).toContain(
      '免責事項',
    );
    expect(screen.getByText('jspe_jspe@jspe.or.jp').getAttribute('href')).toBe('mailto:jspe_jspe@jspe.or.jp');
    expect(screen.getByRole('link', { name: 'お問い合わせフォーム' }).getAttribute('href')).toBe('/privacy/inquiry');

    fireEvent.click(screen.getByText('English'));
    await waitFor(() => expect(screen.getByLabelText('Policy version').textContent).toBe('Version 2'));
    // The labels switch at once; the English text arrives with its own query.
    expect(await screen.findByText('Effective immediately.')).toBeTruthy();
    expect(api.callsOf('PublicPolicy').map((c) => c.variables['language'])).toEqual(
      expect.arrayContaining(['ja', 'en']),
    );
    expect(api.callsOf('Me')).toHaveLength(0);
  });
});

describe('public inquiry form', () => {
  it('checks the form with policy-core first: no way to answer means no request', async () => {
    const { api } = renderApp('/privacy/inquiry?lang=en', { role: null });
    fireEvent.change(await screen.findByLabelText(/^Subject/), { target: { value: 'My data' } });
    fireEvent.change(screen.getByLabelText(/^Your inquiry/), { target: { value: 'What do you hold?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText(/so the secretariat can answer/)).toBeTruthy();
    expect(api.callsOf('SubmitInquiry')).toHaveLength(0);
  });

  it('sends the inquiry and shows the reference; reports the rate limit', async () => {
    let calls = 0;
    const { api } = renderApp('/privacy/inquiry?lang=en', {
      role: null,
      handlers: {
        SubmitInquiry: () =>
          ++calls === 1
            ? graphQLError('TOO_MANY_REQUESTS', 'Too many requests', { retryAfterSeconds: 60 })
            : { data: { submitInquiry: { reference: 'INQ-ABCDEFGHJK', receivedAt: '2026-04-01T09:00:00Z' } } },
      },
    });
    fireEvent.change(await screen.findByLabelText(/^E-mail address/), { target: { value: 'aiko@example.jp' } });
    fireEvent.change(screen.getByLabelText(/^Subject/), { target: { value: 'My data' } });
    fireEvent.change(screen.getByLabelText(/^Your inquiry/), { target: { value: 'What do you hold?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText(/Too many inquiries from your address/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText(/INQ-ABCDEFGHJK/)).toBeTruthy();
    await waitFor(() =>
      expect(api.callsOf('SubmitInquiry')[1]?.variables['input']).toEqual({
        name: null,
        email: 'aiko@example.jp',
        postalAddress: null,
        subject: 'My data',
        message: 'What do you hold?',
      }),
    );
  });
});
