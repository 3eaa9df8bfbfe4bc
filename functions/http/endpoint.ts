import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { WorkLimitError } from '../../shared/limits.js';
import { type Lang, LanguageSchema, LocaleSchema, languageOf } from '../../shared/locale.js';
import { BODY_LIMIT_BYTES, isJsonContentType, readBody } from './body.js';
import { languageFromHeader, type ProblemError, problem } from './problem.js';

/** An endpoint of the contract: its name and route, its request schema, and its engine. */
export interface Endpoint {
  name: string;
  /** The route under the `/api` prefix: `budget/validate`. */
  route: string;
  handler: HttpHandler;
}

export interface EndpointDefinition<Schema extends z.ZodType, Result> {
  name: string;
  route: string;
  schema: Schema;
  /** The pure engine call; throws {@link WorkLimitError} for work over the documented limits. */
  run: (request: z.output<Schema>) => Result;
  /** How the result is sent; JSON by default. */
  reply?: (result: Result) => HttpResponseInit;
}

const MAX_REPORTED_ERRORS = 50;

const ERROR_MAPS: Record<Lang, z.core.$ZodErrorMap> = {
  nl: z.locales.nl().localeError,
  en: z.locales.en().localeError,
};

const LanguageHint = z.object({ language: LanguageSchema.optional(), locale: LocaleSchema.optional() });

/** The language of a request: from its body where it says, else from `Accept-Language`. */
function requestLanguage(body: unknown, request: HttpRequest): Lang {
  const hint = LanguageHint.safeParse(body);
  if (hint.success && (hint.data.language || hint.data.locale)) return languageOf(hint.data);
  return languageFromHeader(request.headers.get('accept-language'));
}

function jsonReply(result: unknown): HttpResponseInit {
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(result),
  };
}

/**
 * Gives an engine the common rules of the contract: 415 for a body that is not JSON, 413 over
 * the body limit, 400 problem+json with the path of every bad field, 422 over a work limit, and
 * never a stack trace or a 5xx for anything a client sends.
 */
export function defineEndpoint<Schema extends z.ZodType, Result>(
  definition: EndpointDefinition<Schema, Result>,
): Endpoint {
  const handler = async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    let lang = languageFromHeader(request.headers.get('accept-language'));
    try {
      if (!isJsonContentType(request.headers.get('content-type'))) {
        return problem(
          'unsupported-media-type',
          lang,
          `Content-Type: ${request.headers.get('content-type') ?? '—'}`,
        );
      }
      const body = await readBody(request);
      if (!body.ok) {
        return body.reason === 'too-large'
          ? problem('payload-too-large', lang, `> ${BODY_LIMIT_BYTES} bytes`)
          : problem('invalid-json', lang, lang === 'nl' ? 'Geen geldige UTF-8' : 'Not valid UTF-8');
      }
      let json: unknown;
      try {
        json = JSON.parse(body.text);
      } catch (error) {
        return problem('invalid-json', lang, error instanceof Error ? error.message : String(error), [
          { path: '', message: lang === 'nl' ? 'Geen geldige JSON' : 'Not valid JSON' },
        ]);
      }
      lang = requestLanguage(json, request);
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        const message = lang === 'nl' ? 'Verwacht een JSON-object' : 'Expected a JSON object';
        return problem('invalid-request', lang, message, [{ path: '', message }]);
      }
      const parsed = definition.schema.safeParse(json, { error: ERROR_MAPS[lang] });
      if (!parsed.success) {
        const errors: ProblemError[] = parsed.error.issues.slice(0, MAX_REPORTED_ERRORS).map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        }));
        const detail = errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; ');
        return problem('invalid-request', lang, detail, errors);
      }
      const result = definition.run(parsed.data);
      return (definition.reply ?? jsonReply)(result);
    } catch (error) {
      if (error instanceof WorkLimitError) {
        return problem('limit-exceeded', lang, error.text[lang], [
          { path: error.path, message: error.text[lang] },
        ]);
      }
      context.error(`${definition.name} failed`, error);
      return problem(
        'internal',
        lang,
        lang === 'nl' ? 'Probeer het later opnieuw' : 'Please try again later',
      );
    }
  };
  return { name: definition.name, route: definition.route, handler };
}
