// The banner's operations (packages/schema/operations/cookie-banner.graphql). tools/build-banner.ts
// resolves this import at build time: each operation becomes its minified text, validated against the
// committed schema. The result and variable types are the ones codegen generates from the same file.
declare module '@steward/schema/operations/cookie-banner.graphql' {
  import type {
    CookieBannerQuery,
    CookieBannerQueryVariables,
    CookieConsentQuery,
    CookieConsentQueryVariables,
    RecordCookieConsentMutation,
    RecordCookieConsentMutationVariables,
    WithdrawCookieConsentMutation,
    WithdrawCookieConsentMutationVariables,
  } from '@steward/schema';

  /** An operation's text, typed by its result and its variables (types only: at run time a string). */
  export type Operation<Result, Variables> = string & { readonly __types?: [Result, Variables] };

  export const CookieBanner: Operation<CookieBannerQuery, CookieBannerQueryVariables>;
  export const CookieConsent: Operation<CookieConsentQuery, CookieConsentQueryVariables>;
  export const RecordCookieConsent: Operation<RecordCookieConsentMutation, RecordCookieConsentMutationVariables>;
  export const WithdrawCookieConsent: Operation<WithdrawCookieConsentMutation, WithdrawCookieConsentMutationVariables>;
}
