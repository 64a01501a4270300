/**
 * Plural forms by CLDR category (Intl.PluralRules), for every text that puts a
 * count next to a noun: the tables call `plural(language, n, forms)` instead
 * of gluing an "s" on, so each language says "1 line" / "2 lines" its own way.
 */

/** One text per CLDR plural category; `other` is required, `zero`, `one`, `two`, `few`, `many` as the language has them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

const rulesByLanguage = new Map<string, Intl.PluralRules>();

/** The form of `forms` that `language` (a BCP 47 tag) uses for the count `n`. */
export function plural(language: string, n: number, forms: PluralForms): string {
  let rules = rulesByLanguage.get(language);
  if (!rules) rulesByLanguage.set(language, (rules = new Intl.PluralRules(language)));
  return forms[rules.select(n)] ?? forms.other;
}
