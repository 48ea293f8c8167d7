import type { EffectiveExceptionStatus, ExceptionKind, ExportList } from '@steward/policy-core';
import { ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { AuditLogFilter } from '../audit/audit.type.js';
import { ExceptionKindEnum, ExceptionStatusEnum, ExportListEnum } from '../common/enums.js';
import { InquiryFilter } from '../inquiries/inquiry.inputs.js';
import { LedgerEntryFilter } from '../ledger/ledger-explorer.type.js';
import { ProviderFilter } from '../providers/provider.type.js';
import { ProviderRequestFilter } from '../requests/request.inputs.js';

@InputType({ description: "The permitted exceptions list's filters (as `permittedExceptions` takes them)." })
export class ExceptionExportFilter {
  @Field(() => ExceptionStatusEnum, { nullable: true, description: 'Only exceptions in this effective status now.' })
  status?: EffectiveExceptionStatus | null;

  @Field(() => ExceptionKindEnum, { nullable: true, description: 'Only exceptions of this kind.' })
  kind?: ExceptionKind | null;
}

@InputType({
  description:
    'Which list to export and the filters its page has now; only the filter of that list is read (the others are ignored).',
})
export class StartExportInput {
  @Field(() => ExportListEnum, { description: 'The list.' })
  list!: ExportList;

  @Field(() => ProviderFilter, { nullable: true, description: 'PROVIDERS: the filter of `providers`.' })
  @ValidateNested()
  providers?: ProviderFilter | null;

  @Field(() => ProviderRequestFilter, {
    nullable: true,
    description: 'PROVIDER_REQUESTS: the filter of `providerRequests`.',
  })
  @ValidateNested()
  providerRequests?: ProviderRequestFilter | null;

  @Field(() => InquiryFilter, { nullable: true, description: 'INQUIRIES: the filter of `inquiries`.' })
  @ValidateNested()
  inquiries?: InquiryFilter | null;

  @Field(() => ExceptionExportFilter, {
    nullable: true,
    description: 'PERMITTED_EXCEPTIONS: the arguments of `permittedExceptions`.',
  })
  @ValidateNested()
  permittedExceptions?: ExceptionExportFilter | null;

  @Field(() => AuditLogFilter, { nullable: true, description: 'AUDIT_LOG: the filter of `auditLog`.' })
  @ValidateNested()
  auditLog?: AuditLogFilter | null;

  @Field(() => LedgerEntryFilter, { nullable: true, description: 'LEDGER_ENTRIES: the filter of `ledgerEntries`.' })
  @ValidateNested()
  ledgerEntries?: LedgerEntryFilter | null;
}

/** Where each list's filter is in StartExportInput (RECIPIENTS has none). */
export const FILTER_FIELD: Readonly<Record<ExportList, keyof StartExportInput | null>> = {
  PROVIDERS: 'providers',
  PROVIDER_REQUESTS: 'providerRequests',
  INQUIRIES: 'inquiries',
  PERMITTED_EXCEPTIONS: 'permittedExceptions',
  RECIPIENTS: null,
  AUDIT_LOG: 'auditLog',
  LEDGER_ENTRIES: 'ledgerEntries',
};
