import { Storage, StorageType } from '@microsoft/office-js-helpers';
import type { Lang } from './i18n.js';

/**
 * The user's own choice of language, kept per user (not per workbook) with office-js-helpers'
 * `Storage`: it keeps the pane's keys in one namespaced container, and its in-memory storage
 * type stands in where the webview gives no `localStorage` (the choice then lasts a session).
 */
let store: Storage<string> | undefined;

function preferences(): Storage<string> | undefined {
  try {
    store ??= new Storage<string>('ProgrammeDesk', StorageType.LocalStorage);
    return store;
  } catch {
    try {
      store = new Storage<string>('ProgrammeDesk', StorageType.InMemoryStorage);
      return store;
    } catch {
      return undefined;
    }
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
