import type { HttpResponseInit } from '@azure/functions';
import type { Lang } from '../../shared/locale.js';

/** One bad field of a request: its path (`lines.3.total`) and why. */
export interface ProblemError {
  path: string;
  message: string;
}

export type ProblemKind =
  | 'invalid-json'
  | 'invalid-request'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'limit-exceeded'
  | 'not-found'
  | 'method-not-allowed'
  | 'internal';

const PROBLEMS: Record<ProblemKind, { status: number; nl: string; en: string }> = {
  'invalid-json': { status: 400, nl: 'De body is geen geldige JSON', en: 'The body is not valid JSON' },
  'invalid-request': { status: 400, nl: 'Het verzoek klopt niet', en: 'The request is not valid' },
  'unsupported-media-type': {
    status: 415,
    nl: 'Stuur JSON (Content-Type: application/json)',
    en: 'Send JSON (Content-Type: application/json)',
  },
  'payload-too-large': { status: 413, nl: 'Het verzoek is te groot', en: 'The request is too large' },
  'limit-exceeded': {
    status: 422,
    nl: 'Het verzoek vraagt meer werk dan is toegestaan',
    en: 'The request asks for more work than allowed',
  },
  'not-found': { status: 404, nl: 'Dit adres bestaat niet', en: 'No such address' },
  'method-not-allowed': { status: 405, nl: 'Gebruik POST', en: 'Use POST' },
  internal: { status: 500, nl: 'Er ging iets mis aan onze kant', en: 'Something went wrong on our side' },
};

/** An RFC 9457 problem+json response; it never carries a stack trace. */
export function problem(
  kind: ProblemKind,
  lang: Lang,
  detail: string,
  errors: ProblemError[] = [],
  headers: Record<string, string> = {},
): HttpResponseInit {
  const { status, ...title } = PROBLEMS[kind];
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
    body: JSON.stringify({
      type: `urn:programme-desk:problem:${kind}`,
      title: title[lang],
      status,
      detail,
      errors,
    }),
  };
}

/** The language a client asked for in `Accept-Language`: English only when it prefers it. */
export function languageFromHeader(acceptLanguage: string | null): Lang {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}
