/** A label or text in both languages the reference customer publishes its policy in. */
export type Localized = { readonly en: string; readonly ja: string };
