import {
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
} from '@mantine/core';
import type { InquiryChannel, InquiryReplyKind } from '@steward/schema';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, type ErrorLike } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
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
  const { inquiry, fetching, error, refetch } = useInquiry(inquiryId);
  const assignees = useInquiryAssignees();
  const m = useInquiryMutations();
  const [messages, setMessages] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [providerId, setProviderId] = useState('');
  const [reply, setReply] = useState<{ kind: InquiryReplyKind; channel: InquiryChannel; body: string }>({
    kind: 'NOTE',
    channel: 'EMAIL',
    body: '',
  });

  if (!inquiry)
    return fetching ? (
      <Loading label="Loading inquiry" />
    ) : error ? (
      <ErrorAlert error={error} onRetry={refetch} />
    ) : (
      <Text>No such inquiry.</Text>
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
        title={`Inquiry ${s.reference}`}
        badges={<InquiryStatusBadge status={s.status} />}
        description={`${channelLabel(s.channel)} · received ${formatDateTime(s.receivedAt)}${s.recordedBy ? ` · written down by ${s.recordedBy}` : ''}`}
      />
      {conflict && <ConflictAlert what="this inquiry" onReload={refetch} />}
      <MessagesAlert title="Not saved" messages={messages} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="md" component="section" aria-label="Inquiry content">
            <Stack gap="sm">
              <Fact label="Subject" value={inquiry.content.subject} />
              <Fact label="Message" value={inquiry.content.message} />
              <Group grow>
                <Fact label="Name" value={inquiry.content.name} />
                <Fact label="E-mail" value={inquiry.content.email} />
              </Group>
              <Group grow>
                <Fact label="Postal address" value={inquiry.content.postalAddress} />
                <Fact label="Telephone" value={inquiry.content.telephone} />
              </Group>
            </Stack>
          </Card>
          <Card withBorder padding="md" mt="md" component="section" aria-label="Replies">
            <Text fw={600} mb="sm">
              Replies and notes
            </Text>
            {inquiry.replies.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing recorded yet.
              </Text>
            ) : (
              <Timeline bulletSize={12} lineWidth={2}>
                {inquiry.replies.map((r) => (
                  <Timeline.Item
                    key={r.id}
                    title={`${r.kind === 'ANSWER' ? `Answer by ${channelLabel(r.channel!)}` : 'Note'} · ${r.author} · ${formatDateTime(r.at)}`}
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
                    aria-label="Reply kind"
                    value={reply.kind}
                    onChange={(v) => setReply({ ...reply, kind: v as InquiryReplyKind })}
                    data={[
                      { value: 'NOTE', label: 'Internal note' },
                      { value: 'ANSWER', label: 'Answer given' },
                    ]}
                  />
                  {reply.kind === 'ANSWER' && (
                    <NativeSelect
                      size="xs"
                      aria-label="Answered by"
                      value={reply.channel}
                      onChange={(e) => setReply({ ...reply, channel: e.currentTarget.value as InquiryChannel })}
                      data={STAFF_CHANNEL_OPTIONS}
                    />
                  )}
                </Group>
                <Textarea
                  aria-label="Reply text"
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
                  Record
                </Button>
              </Stack>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="md" component="section" aria-label="Handling">
            <Stack gap="sm">
              <div>
                <Text size="xs" c="dimmed" fw={500} mb={4}>
                  Status
                </Text>
                <Group gap="xs">
                  {can.nextStatuses.map((next) => (
                    <Button
                      key={next}
                      size="xs"
                      variant="default"
                      onClick={() => void run(m.setStatus(s.id, s.version, next))}
                    >
                      Mark {statusLabel(next).toLowerCase()}
                    </Button>
                  ))}
                </Group>
              </div>
              <NativeSelect
                label="Assignee"
                disabled={!can.assign}
                value={s.assignee?.id ?? ''}
                onChange={(e) => void run(m.assign(s.id, s.version, e.currentTarget.value || null))}
                data={[
                  { value: '', label: 'Nobody' },
                  ...assignees.map((a) => ({ value: a.id, label: a.displayName })),
                ]}
              />
              <div>
                <Text size="xs" c="dimmed" fw={500} mb={4}>
                  Provider
                </Text>
                {s.providerId ? (
                  <Group gap="xs">
                    <Anchor component={Link} to={`/providers/${s.providerId}`} size="sm">
                      {s.providerReference}
                    </Anchor>
                    {can.unlink && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => void run(m.link(s.id, s.version, null))}
                      >
                        Unlink
                      </Button>
                    )}
                  </Group>
                ) : can.link ? (
                  <Group gap="xs" align="flex-end">
                    <TextInput
                      size="xs"
                      aria-label="Provider id"
                      placeholder="Provider id"
                      value={providerId}
                      onChange={(e) => setProviderId(e.currentTarget.value)}
                    />
                    <Button
                      size="xs"
                      variant="default"
                      disabled={!providerId.trim()}
                      onClick={() => void run(m.link(s.id, s.version, providerId.trim()))}
                    >
                      Link
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
