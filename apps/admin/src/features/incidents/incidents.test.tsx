import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IncidentFieldsFragment, IncidentSummaryFieldsFragment } from '@steward/schema';
import { describe, expect, it, vi } from 'vitest';
import { graphQLError } from '../../test/stub-api.js';
import { renderApp } from '../../test/render.js';
import { dayStart } from '../audit/audit-options.js';
import { sentInstant } from './incident-form.js';
import { NO_ABILITIES, REPORT, buildDeadline, buildIncident, buildIncidentSummary } from './incident-fixtures.js';

const page = (rows: IncidentSummaryFieldsFragment[]) => ({
  data: {
    incidents: {
      edges: rows.map((node, i) => ({ cursor: `c${i}`, node })),
      totalCount: rows.length,
      totalCountCapped: false,
      pageInfo: { hasNextPage: false, endCursor: `c${rows.length - 1}` },
    },
  },
});

const ROWS = [
  buildIncidentSummary({ preliminary: buildDeadline({ state: 'DUE_SOON', daysLeft: 3 }), urgency: 'DUE_SOON' }),
  buildIncidentSummary({
    id: 'inc-2',
    reference: 'INC-2026-0002',
    title: 'Laptop stolen',
    criteria: ['WRONGFUL_PURPOSE', 'SENSITIVE_DATA'],
    preliminary: buildDeadline({ state: 'MET', daysLeft: null }),
    final: buildDeadline({ kind: 'FINAL', state: 'OVERDUE', daysLeft: -2 }),
    urgency: 'OVERDUE',
  }),
  buildIncidentSummary({
    id: 'inc-3',
    reference: 'INC-2026-0003',
    title: 'Backup disk lost',
    preliminary: buildDeadline({ state: 'DUE_SOON', daysLeft: 0 }),
    urgency: 'DUE_SOON',
  }),
  buildIncidentSummary({
    id: 'inc-4',
    reference: 'INC-2026-0004',
    title: 'Encrypted USB lost',
    reportability: 'NOT_REPORTABLE',
    criteria: [],
    preliminary: buildDeadline({ state: 'NOT_REQUIRED', daysLeft: null }),
    final: buildDeadline({ kind: 'FINAL', state: 'NOT_REQUIRED', daysLeft: null }),
    urgency: 'NOT_REQUIRED',
  }),
];

/** The incident page's handlers: the incident, its first page of affected providers, and the writes. */
function incidentHandlers(incident: IncidentFieldsFragment) {
  return {
    Incident: () => ({ data: { incident } }),
    IncidentAffectedProviders: () => ({
      data: {
        incident: {
          id: incident.id,
          affectedProviders: {
            edges: [{ cursor: 'p1', node: { id: 'p1', reference: 'M-0001', displayName: 'Aiko Mori' } }],
            totalCount: 1,
            totalCountCapped: false,
            pageInfo: { hasNextPage: false, endCursor: 'p1' },
          },
        },
      },
    }),
    RecordIncidentReport: () => ({ data: { recordIncidentReport: incident } }),
  } as const;
}

describe('the incident register', () => {
  it('lists incidents with their criteria and next deadline as a countdown', async () => {
    renderApp('/incidents', { handlers: { Incidents: () => page(ROWS) } });
    const table = await screen.findByRole('table', { name: 'Incidents' });
    const row = (reference: string) => within(table).getByText(reference).closest('tr')!;
    await within(table).findByText('INC-2026-0001');
    expect(within(row('INC-2026-0001')).getByText('Preliminary report: 3 days left')).toBeTruthy();
    expect(within(row('INC-2026-0001')).getByText('Over 1,000 people')).toBeTruthy();
    expect(within(row('INC-2026-0002')).getByText('Final report: 2 days overdue')).toBeTruthy();
    expect(row('INC-2026-0002').getAttribute('data-overdue')).toBe('true');
    expect(within(row('INC-2026-0002')).getByText('Wrongful purpose')).toBeTruthy();
    expect(within(row('INC-2026-0003')).getByText('Preliminary report: due today')).toBeTruthy();
    expect(within(row('INC-2026-0004')).getByText('Not required')).toBeTruthy();
    expect(within(row('INC-2026-0001')).getByText('1,200')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: /Incidents/ });
    expect(within(nav).getByText('Page 1 of 1')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Record an incident' })).toBeTruthy();
  });

  it('maps the filters and the order to the query', async () => {
    const { api } = renderApp('/incidents', { handlers: { Incidents: () => page(ROWS) } });
    await screen.findByRole('table', { name: 'Incidents' });
    expect(api.callsOf('Incidents')[0]?.variables).toMatchObject({ filter: {}, orderBy: 'AWARE_AT_DESC', first: 50 });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'NOT_CLOSED' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'LOSS' } });
    fireEvent.change(screen.getByLabelText('Reportable'), { target: { value: 'REPORTABLE' } });
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: 'OVERDUE' } });
    fireEvent.change(screen.getByLabelText('Aware from'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('Aware until'), { target: { value: '2026-12-31' } });
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'M-0042' } });
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'URGENCY' } });
    await waitFor(() =>
      expect(api.callsOf('Incidents').at(-1)?.variables).toEqual({
        filter: {
          open: true,
          kind: 'LOSS',
          reportability: 'REPORTABLE',
          urgency: 'OVERDUE',
          awareFrom: dayStart('2026-12-01'),
          awareTo: new Date(new Date('2026-12-31T00:00:00').getTime() + 86_400_000).toISOString(),
          providerReference: 'M-0042',
        },
        orderBy: 'URGENCY',
        first: 50,
        after: null,
      }),
    );
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'CLOSED' } });
    await waitFor(() => expect(api.callsOf('Incidents').at(-1)?.variables.filter).toMatchObject({ status: 'CLOSED' }));
    expect(api.callsOf('Incidents').at(-1)?.variables.filter).not.toHaveProperty('open');
  });

  it('counts down in Japanese', async () => {
    renderApp('/incidents', { language: 'ja', handlers: { Incidents: () => page(ROWS) } });
    const table = await screen.findByRole('table', { name: '事故・漏えい等' });
    expect(await within(table).findByText('速報：残り3日')).toBeTruthy();
    expect(within(table).getByText('確報：2日超過')).toBeTruthy();
    expect(within(table).getByText('速報：本日期限')).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'メインメニュー' })).getByText('事故・漏えい等')).toBeTruthy();
  });

  it('offers viewers no record button', async () => {
    renderApp('/incidents', { role: 'VIEWER', handlers: { Incidents: () => page(ROWS) } });
    await screen.findByRole('table', { name: 'Incidents' });
    expect(screen.queryByRole('link', { name: 'Record an incident' })).toBeNull();
  });
});

describe('recording an incident', () => {
  it('pre-fills the checklist from the categories and sends the selections, checklist and count', async () => {
    const { api, router } = renderApp('/incidents/new', {
      handlers: {
        IncidentAffectedPreview: ({ input }) => ({
          data: {
            incidentAffectedPreview: {
              count: input.selector === 'REFERENCES' ? 3 : 250,
              sample: [{ id: 'p1', reference: 'M-1', displayName: null }],
            },
          },
        }),
        RecordIncident: () => ({ data: { recordIncident: buildIncident({ id: 'inc-9' }) } }),
        ...incidentHandlers(buildIncident({ id: 'inc-9' })),
      },
    });
    fireEvent.change(await screen.findByLabelText(/^Title/), { target: { value: 'Mail merge error' } });
    fireEvent.change(screen.getByLabelText(/^Aware since/), { target: { value: '2026-12-01T10:00' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Cause' }), { target: { value: 'UNAUTHORISED_ACCESS' } });
    fireEvent.click(screen.getByLabelText('It may have been done with a wrongful purpose'));
    expect(screen.getByText(/gives the final report 60 days/)).toBeTruthy();

    // Steward's categories answer "no" to the sensitive and financial questions; encryption stays unanswered.
    const question = (text: RegExp) => screen.getByRole('radiogroup', { name: text });
    expect((within(question(/special care-required/)).getByLabelText('Not yet') as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByLabelText('E-mail address'));
    expect((within(question(/special care-required/)).getByLabelText('No') as HTMLInputElement).checked).toBe(true);
    expect((within(question(/financial loss/)).getByLabelText('No') as HTMLInputElement).checked).toBe(true);
    expect((within(question(/strongly encrypted/)).getByLabelText('Not yet') as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByText('Pre-filled from the categories')).toHaveLength(2);
    // An answer of the staff's is theirs: later categories do not overwrite it.
    fireEvent.click(within(question(/financial loss/)).getByLabelText('Yes'));
    fireEvent.click(screen.getByLabelText('Telephone number'));
    expect((within(question(/financial loss/)).getByLabelText('Yes') as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Add a selection' }));
    fireEvent.change(screen.getByLabelText('Choose by'), { target: { value: 'REFERENCES' } });
    fireEvent.change(screen.getByLabelText('References'), { target: { value: 'M-1\nM-2, M-3\nM-1' } });
    expect(await screen.findByText('3 providers')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a selection' }));
    fireEvent.change(screen.getAllByLabelText('Choose by')[1]!, { target: { value: 'HOLDS_CATEGORY' } });
    fireEvent.change(screen.getByLabelText('Data category'), { target: { value: 'EMAIL' } });
    expect(await screen.findByText('250 providers')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('People affected'), { target: { value: '1500' } });
    fireEvent.click(screen.getByLabelText('The number is an estimate'));

    fireEvent.click(screen.getByRole('button', { name: 'Record the incident' }));
    await waitFor(() => expect(api.callsOf('RecordIncident')).toHaveLength(1));
    expect(api.callsOf('RecordIncident')[0]!.variables.input).toEqual({
      kind: 'LEAK',
      title: 'Mail merge error',
      awareAt: new Date('2026-12-01T10:00').toISOString(),
      occurredAt: null,
      discovery: 'STAFF',
      cause: 'UNAUTHORISED_ACCESS',
      causeDetail: null,
      wrongfulPurposeSuspected: true,
      description: null,
      measures: null,
      dataInvolved: null,
      secondaryDamage: null,
      categories: ['EMAIL', 'TELEPHONE'],
      checklist: { sensitiveData: false, financialLossRisk: true, strongEncryptionKeySafe: null },
      affected: [
        { selector: 'REFERENCES', references: ['M-1', 'M-2', 'M-3'] },
        { selector: 'HOLDS_CATEGORY', category: 'EMAIL' },
      ],
      affectedCount: 1500,
      affectedCountEstimated: true,
      entrustedBy: null,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/incidents/inc-9'));
  });

  it('shows the server refusal beside its field, and unknown references beside their selection', async () => {
    let attempt = 0;
    renderApp('/incidents/new', {
      handlers: {
        IncidentAffectedPreview: () => ({ data: { incidentAffectedPreview: { count: 1, sample: [] } } }),
        RecordIncident: () =>
          attempt++ === 0
            ? graphQLError('BAD_USER_INPUT', 'Invalid input', {
                issues: [{ field: 'input.awareAt', code: 'REQUIRED', message: 'When did you become aware?' }],
              })
            : graphQLError('INCIDENT_UNKNOWN_REFERENCES', 'Unknown references: M-9', { references: ['M-9'] }),
      },
    });
    fireEvent.change(await screen.findByLabelText(/^Title/), { target: { value: 'Lost file' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a selection' }));
    fireEvent.change(screen.getByLabelText('Choose by'), { target: { value: 'REFERENCES' } });
    fireEvent.change(screen.getByLabelText('References'), { target: { value: 'M-9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the incident' }));
    const aware = await screen.findByText('When did you become aware?');
    expect(screen.getByLabelText(/^Aware since/).getAttribute('aria-invalid')).toBe('true');
    expect(aware).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record the incident' }));
    expect(await screen.findByText('Unknown reference: M-9')).toBeTruthy();
    expect(screen.getByLabelText('References').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('an incident', () => {
  it('shows its deadlines, assessment with criteria and reasons, affected providers and timeline', async () => {
    renderApp('/incidents/inc-1', {
      handlers: incidentHandlers(buildIncident({ preliminary: buildDeadline({ state: 'DUE_SOON', daysLeft: 3 }) })),
    });
    expect(
      await screen.findByRole('heading', { name: 'INC-2026-0001 Member list sent to the wrong address' }),
    ).toBeTruthy();
    const deadlines = screen.getByRole('region', { name: 'Report deadlines' });
    expect(within(deadlines).getByText('3 days left')).toBeTruthy();
    expect(within(deadlines).getByText(/Due 5 Dec 2026 \(day 5\)/)).toBeTruthy();
    expect(within(deadlines).getByText('29 days left')).toBeTruthy();
    expect(within(deadlines).getByRole('link', { name: 'Preliminary report (printable)' }).getAttribute('href')).toBe(
      '/incidents/inc-1/report/preliminary',
    );
    const assessment = screen.getByRole('region', { name: 'Assessment' });
    expect(within(assessment).getByText('Reportable')).toBeTruthy();
    expect(within(assessment).getByText('More than 1,000 people affected (Rules Art. 7(iv))')).toBeTruthy();
    expect(within(assessment).getByText('1200 people are affected: more than 1000.')).toBeTruthy();
    expect(within(assessment).getByText('(APPI Rules Art. 7(iv))')).toBeTruthy();
    expect(within(assessment).getByText('Personal Information Protection Commission')).toBeTruthy();
    // Still to answer, and unanswered in the checklist.
    expect(
      within(assessment).getAllByText('Was all the data strongly encrypted, with the key not compromised?'),
    ).toHaveLength(2);
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(within(timeline).getByText('Status changed from Open to Assessing')).toBeTruthy();
    expect(within(timeline).getByText('Started the assessment.')).toBeTruthy();
    expect(within(timeline).getAllByText(/Officer Suzuki/).length).toBe(2);
    const affected = screen.getByRole('region', { name: 'Affected providers' });
    expect(within(affected).getByText('1,200 people affected')).toBeTruthy();
    expect(await within(affected).findByRole('link', { name: 'M-0001 · Aiko Mori' })).toBeTruthy();
  });

  it('offers an officer exactly the actions its abilities allow', async () => {
    renderApp('/incidents/inc-1', {
      handlers: incidentHandlers(
        buildIncident({
          abilities: { edit: true, reports: ['PRELIMINARY'], notify: true, note: true, nextStatuses: ['CLOSED'] },
        }),
      ),
    });
    await screen.findByRole('heading', { name: /INC-2026-0001/ });
    expect(screen.getByRole('link', { name: 'Edit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record the Preliminary report' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record the Final report' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark closed' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record the notification' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Remove M-0001' })).toBeTruthy();
  });

  it('shows a viewer the record and no action', async () => {
    renderApp('/incidents/inc-1', {
      role: 'VIEWER',
      handlers: incidentHandlers(buildIncident({ abilities: NO_ABILITIES })),
    });
    await screen.findByRole('heading', { name: /INC-2026-0001/ });
    expect(await screen.findByText('M-0001 · Aiko Mori')).toBeTruthy();
    const main = screen.getByRole('main');
    // Only the pager's buttons remain: nothing that writes.
    const buttons = within(main)
      .queryAllByRole('button')
      .map((b) => b.textContent);
    expect(buttons.filter((b) => !/Previous|Next/.test(b ?? ''))).toEqual([]);
    expect(within(main).queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(within(main).queryByLabelText('Reference')).toBeNull();
  });

  it('records the preliminary report with its date and reference', async () => {
    const { api } = renderApp('/incidents/inc-1', { handlers: incidentHandlers(buildIncident()) });
    const form = await screen.findByRole('region', { name: 'Record the Preliminary report' });
    fireEvent.change(within(form).getByLabelText(/^Sent on/), { target: { value: '2026-12-03' } });
    fireEvent.change(within(form).getByLabelText(/^Reference/), { target: { value: 'PPC-123' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the Preliminary report' }));
    await waitFor(() =>
      expect(api.callsOf('RecordIncidentReport')[0]?.variables).toEqual({
        input: {
          id: 'inc-1',
          kind: 'PRELIMINARY',
          sentAt: sentInstant('2026-12-03'),
          reference: 'PPC-123',
          note: null,
        },
      }),
    );
  });

  it('shows a sent report as met, and the report in Japanese on screen', async () => {
    renderApp('/incidents/inc-1', {
      language: 'ja',
      handlers: incidentHandlers(
        buildIncident({
          preliminary: buildDeadline({ state: 'MET', daysLeft: null }),
          final: buildDeadline({ kind: 'FINAL', state: 'DUE_SOON', daysLeft: 2 }),
          preliminarySentAt: '2026-12-03T00:00:00Z',
          preliminaryReference: 'PPC-123',
        }),
      ),
    });
    const deadlines = await screen.findByRole('region', { name: '報告期限' });
    expect(within(deadlines).getByText('残り2日')).toBeTruthy();
    expect(within(deadlines).getByText(/PPC-123/)).toBeTruthy();
  });
});

describe('the report to the Commission', () => {
  it('renders the sections in Japanese, printable', async () => {
    const print = vi.fn();
    // happy-dom has no print dialog.
    Object.defineProperty(window, 'print', { configurable: true, writable: true, value: print });
    const { api } = renderApp('/incidents/inc-1/report/preliminary', {
      handlers: { IncidentReport: () => ({ data: REPORT }) },
    });
    const report = await screen.findByTestId('incident-report');
    expect(report.getAttribute('lang')).toBe('ja');
    expect(within(report).getByRole('heading', { name: '個人データの漏えい等の報告（速報）' })).toBeTruthy();
    expect(within(report).getByRole('heading', { name: '概要' })).toBeTruthy();
    expect(within(within(report).getByRole('table', { name: '概要' })).getByText('（未記入）')).toBeTruthy();
    expect(within(report).getByText('規則第8条第1項第1号')).toBeTruthy();
    expect(api.callsOf('IncidentReport')[0]?.variables).toEqual({ id: 'inc-1', kind: 'PRELIMINARY' });
    expect(report.closest('.steward-print-area')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalled();
  });
});
