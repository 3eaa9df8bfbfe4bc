import { readFileSync } from 'node:fs';

/** A copy of the real tables of the programme documents (test/fixtures), read as JSON. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}
