import { Storage, StorageType } from '@microsoft/office-js-helpers';
import type { Lang } from './i18n.js';

/**
 * The user's own choices (language, the function key of a deployed API), kept per user (not per workbook) with office-js-helpers'
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

/**
 * The function key for a deployed API (`x-functions-key`). It is kept per user on this machine,
 * never in the workbook, so that a shared workbook does not hand the key on.
 */
export function rememberedFunctionKey(): string | null {
  try {
    const value = preferences()?.get('functionKey');
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

export function rememberFunctionKey(key: string): void {
  try {
    const storage = preferences();
    if (key !== '') storage?.set('functionKey', key);
    else if (storage?.has('functionKey')) storage.delete('functionKey');
  } catch {
    // Storage refused: the key lasts for this session only.
  }
}
