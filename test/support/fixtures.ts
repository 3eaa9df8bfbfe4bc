import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real tables of ../shared/fixtures (beside the clone), read as JSON. */
export function fixture<T = unknown>(name: string): T {
  const path = fileURLToPath(new URL(`../../../shared/fixtures/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
