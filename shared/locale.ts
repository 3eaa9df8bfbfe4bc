import { z } from 'zod';

export const LOCALES = ['nl-NL', 'nl-BE', 'en-GB', 'en-US'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const LanguageSchema = z.enum(['nl', 'en']);
export type Lang = z.infer<typeof LanguageSchema>;

export const DEFAULT_LOCALE: Locale = 'nl-NL';

/** How a locale writes numbers: which character separates decimals and which groups thousands. */
export function separators(locale: Locale): { decimal: ',' | '.'; group: '.' | ',' } {
  return locale.startsWith('nl') ? { decimal: ',', group: '.' } : { decimal: '.', group: ',' };
}

/** The language of a request: an explicit `language` wins, else the locale's, else Dutch. */
export function languageOf(request: { language?: Lang | undefined; locale?: Locale | undefined }): Lang {
  if (request.language) return request.language;
  return request.locale?.startsWith('en') ? 'en' : 'nl';
}
