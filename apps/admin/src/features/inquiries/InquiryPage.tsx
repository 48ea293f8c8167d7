import {
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Timeline,
} from '@mantine/core';
import type { InquiryChannel, InquiryReplyKind } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProviderRefLink } from '../names/ProviderRefLink.js';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, type ErrorLike } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProviderPicker } from '../../components/pickers/ProviderPicker.js';
import { InquiryStatusBadge } from './InquiriesPage.js';
import { STAFF_CHANNEL_OPTIONS, channelLabel, statusLabel } from './inquiry-labels.js';
import { useInquiry, useInquiryAssignees, useInquiryMutations } from './use-inquiries.js';

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value ?? '—'}
      </Text>
    </div>
  );
}

/** One inquiry: what was asked (reading it is audited), the replies, and the work on it. */
export function InquiryPage({ inquiryId }: { inquiryId: string }) {
  const { t, i18n } = useTranslation('inquiries');
  const { inquiry, fetching, error, refetch } = useInquiry(inquiryId);
  const assignees = useInquiryAssignees();
  const m = useInquiryMutations();
  const [messages, setMessages] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [providerId, setProviderId] = useState<string | null>(null);
  // An answer sent is the usual reply (and moves the inquiry on); an internal note is the explicit choice.
  const [reply, setReply] = useState<{ kind: InquiryReplyKind; channel: InquiryChannel; body: string }>({
    kind: 'ANSWER',
    channel: 'EMAIL',
    body: '',
  });

  if (!inquiry)
    return fetching ? (
      <Loading label={t('detail.loading')} />
    ) : error ? (
      <ErrorAlert error={error} onRetry={refetch} />
    ) : (
      <Text>{t('detail.notFound')}</Text>
    );
  const s = inquiry.summary;
  // What the caller may do, from policy-core's inquiryAbilities on the server: no rule is re-derived here.
  const can = inquiry.abilities;

  async function run(p: Promise<{ error?: ErrorLike | undefined }>): Promise<boolean> {
    const res = await p;
    if (res.error) {
      const summary = fieldErrorsFromGraphQLError(res.error);
      setConflict(summary.conflict !== null);
      setMessages([...summary.messages, ...Object.values(summary.fieldErrors)]);
      return false;
    }
    setMessages([]);
    setConflict(false);
    refetch();
    return true;
  }

  return (
    <>
      <PageHeader
        title={t('detail.title', { reference: s.reference })}
        badges={<InquiryStatusBadge status={s.status} />}
        description={
          s.recordedBy
            ? t('detail.descriptionRecorded', {
                channel: channelLabel(s.channel),
                receivedAt: formatDateTime(s.receivedAt),
                recordedBy: s.recordedBy,
              })
            : t('detail.description', { channel: channelLabel(s.channel), receivedAt: formatDateTime(s.receivedAt) })
        }
      />
      {conflict && <ConflictAlert what={t('detail.conflictWhat')} onReload={refetch} />}
      <MessagesAlert title={t('detail.refused')} messages={messages} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="md" component="section" aria-label={t('detail.content')}>
            <Stack gap="sm">
              <Fact label={t('field.subject')} value={inquiry.content.subject} />
              <Fact label={t('field.message')} value={inquiry.content.message} />
              <Group grow>
                <Fact label={t('field.name')} value={inquiry.content.name} />
                <Fact label={t('field.email')} value={inquiry.content.email} />
              </Group>
              <Group grow>
                <Fact label={t('field.postalAddress')} value={inquiry.content.postalAddress} />
                <Fact label={t('field.telephone')} value={inquiry.content.telephone} />
              </Group>
            </Stack>
          </Card>
          <Card withBorder padding="md" mt="md" component="section" aria-label={t('replies.label')}>
            <Text fw={600} mb="sm">
              {t('replies.title')}
            </Text>
            {inquiry.replies.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('replies.none')}
              </Text>
            ) : (
              <Timeline bulletSize={12} lineWidth={2}>
                {inquiry.replies.map((r) => (
                  <Timeline.Item
                    key={r.id}
                    title={
                      r.kind === 'ANSWER'
                        ? t('replies.answerTitle', {
                            channel: channelLabel(r.channel!),
                            author: r.author,
                            at: formatDateTime(r.at),
                          })
                        : t('replies.noteTitle', { author: r.author, at: formatDateTime(r.at) })
                    }
                  >
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.body}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
            {can.reply && (
              <Stack gap="xs" mt="md">
                <Group gap="xs">
                  <SegmentedControl
                    size="xs"
                    aria-label={t('replies.kind')}
                    value={reply.kind}
                    onChange={(v) => setReply({ ...reply, kind: v as InquiryReplyKind })}
                    data={[
                      { value: 'ANSWER', label: t('replies.answer') },
                      { value: 'NOTE', label: t('replies.note') },
                    ]}
                  />
                  {reply.kind === 'ANSWER' && (
                    <NativeSelect
                      size="xs"
                      aria-label={t('replies.answeredBy')}
                      value={reply.channel}
                      onChange={(e) => setReply({ ...reply, channel: e.currentTarget.value as InquiryChannel })}
                      data={STAFF_CHANNEL_OPTIONS}
                    />
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {reply.kind === 'ANSWER' ? t('replies.answerHelp') : t('replies.noteHelp')}
                </Text>
                <Textarea
                  aria-label={t('replies.text')}
                  autosize
                  minRows={3}
                  value={reply.body}
                  onChange={(e) => setReply({ ...reply, body: e.currentTarget.value })}
                />
                <Button
                  size="xs"
                  w="fit-content"
                  loading={m.fetching}
                  onClick={() =>
                    void run(
                      m.reply(
                        {
                          inquiryId: s.id,
                          kind: reply.kind,
                          channel: reply.kind === 'ANSWER' ? reply.channel : null,
                          body: reply.body,
                        },
                        s.version,
                      ),
                    ).then((ok) => ok && setReply({ ...reply, body: '' }))
                  }
                >
                  {t('replies.record')}
                </Button>
              </Stack>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="md" component="section" aria-label={t('handling.label')}>
            <Stack gap="sm">
              <div>
                <Text size="xs" c="dimmed" fw={500} mb={4}>
                  {t('handling.status')}
                </Text>
                <Group gap="xs">
                  {can.nextStatuses.map((next) => (
                    <Button
                      key={next}
                      size="xs"
                      variant="default"
                      onClick={() => void run(m.setStatus(s.id, s.version, next))}
                    >
                      {t('handling.mark', {
                        status: i18n.language === 'en' ? statusLabel(next).toLowerCase() : statusLabel(next),
                      })}
                    </Button>
                  ))}
                </Group>
              </div>
              <NativeSelect
                label={t('handling.assignee')}
                disabled={!can.assign}
                value={s.assignee?.id ?? ''}
                onChange={(e) => void run(m.assign(s.id, s.version, e.currentTarget.value || null))}
                data={[
                  { value: '', label: t('handling.nobody') },
                  ...assignees.map((a) => ({ value: a.id, label: a.displayName })),
                ]}
              />
              <div>
                <Text size="xs" c="dimmed" fw={500} mb={4}>
                  {t('handling.provider')}
                </Text>
                {s.providerId ? (
                  <Group gap="xs">
                    <ProviderRefLink
                      provider={{ id: s.providerId, reference: s.providerReference, displayName: s.providerName }}
                    />
                    {can.unlink && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => void run(m.link(s.id, s.version, null))}
                      >
                        {t('handling.unlink')}
                      </Button>
                    )}
                  </Group>
                ) : can.link ? (
                  <Group gap="xs" align="flex-end">
                    <ProviderPicker
                      size="xs"
                      label={t('handling.providerId')}
                      value={providerId}
                      onChange={setProviderId}
                    />
                    <Button
                      size="xs"
                      variant="default"
                      disabled={!providerId}
                      onClick={() => providerId && void run(m.link(s.id, s.version, providerId))}
                    >
                      {t('handling.link')}
                    </Button>
                  </Group>
                ) : (
                  <Text size="sm">—</Text>
                )}
              </div>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
