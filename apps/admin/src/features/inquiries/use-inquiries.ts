import {
  AddInquiryReplyDocument,
  AssignInquiryDocument,
  InquiriesDocument,
  InquiryAssigneesDocument,
  InquiryDocument,
  LinkInquiryProviderDocument,
  RecordInquiryDocument,
  SetInquiryStatusDocument,
  type AddInquiryReplyInput,
  type InquiryFilter,
  type InquiryStatus,
  type RecordInquiryInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';
import { listTotal } from '../../components/connection-page.js';

export const INQUIRIES_PAGE_SIZE = 50;

export function useInquiries(filter: InquiryFilter, after: string | null) {
  const [result, reexecute] = useQuery({
    query: InquiriesDocument,
    variables: { filter, first: INQUIRIES_PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  return {
    page: result.data?.inquiries ?? null,
    total: listTotal(result.data?.inquiries),
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useInquiry(id: string) {
  const [result, reexecute] = useQuery({ query: InquiryDocument, variables: { id }, requestPolicy: 'network-only' });
  return {
    inquiry: result.data?.inquiry ?? null,
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useInquiryAssignees() {
  const [result] = useQuery({ query: InquiryAssigneesDocument });
  return result.data?.inquiryAssignees ?? [];
}

export function useInquiryMutations() {
  const [a, record] = useMutation(RecordInquiryDocument);
  const [b, setStatus] = useMutation(SetInquiryStatusDocument);
  const [c, assign] = useMutation(AssignInquiryDocument);
  const [d, link] = useMutation(LinkInquiryProviderDocument);
  const [e, reply] = useMutation(AddInquiryReplyDocument);
  return {
    record: (input: RecordInquiryInput) => record({ input }),
    setStatus: (id: string, expectedVersion: number, status: InquiryStatus) =>
      setStatus({ input: { id, expectedVersion, status } }),
    assign: (id: string, expectedVersion: number, assigneeId: string | null) =>
      assign({ input: { id, expectedVersion, assigneeId } }),
    link: (id: string, expectedVersion: number, providerId: string | null) =>
      link({ input: { id, expectedVersion, providerId } }),
    reply: (input: Omit<AddInquiryReplyInput, 'expectedVersion'>, expectedVersion: number) =>
      reply({ input: { ...input, expectedVersion } }),
    fetching: a.fetching || b.fetching || c.fetching || d.fetching || e.fetching,
  };
}
