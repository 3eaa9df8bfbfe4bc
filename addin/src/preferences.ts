import { Storage } from '@microsoft/office-js-helpers';
import type { Lang } from './i18n.js';

/**
 * The user's own choice of language, kept per user (not per workbook) with office-js-helpers'
 * `Storage`: it namespaces the keys, and falls back to memory where Office's webview blocks
 * `localStorage`, which plain `localStorage` calls would not survive.
 */
let store: Storage<string> | undefined;

function preferences(): Storage<string> | undefined {
  try {
    store ??= new Storage<string>('ProgrammeDesk');
    return store;
  } catch {
    return undefined;
  }
}

export function rememberedLanguage(): Lang | undefined {
  try {
    const value = preferences()?.get('language');
    return value === 'nl' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLanguage(lang: Lang): void {
  try {
    preferences()?.set('language', lang);
  } catch {
    // Storage refused: the choice lasts for this session only.
  }
}
