import type { HttpRequest } from '@azure/functions';

/** The largest request body the functions accept: 10 MiB (the contract asks at least 5 MB). */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'not-utf8' };

/**
 * Reads a request body once, refusing it as soon as it is known to exceed the limit: from
 * `content-length` before reading, and while reading for bodies that do not announce a length.
 */
export async function readBody(request: HttpRequest, limit = BODY_LIMIT_BYTES): Promise<BodyResult> {
  const announced = Number(request.headers.get('content-length') ?? '0');
  if (announced > limit) return { ok: false, reason: 'too-large' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(Buffer.concat(chunks));
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
}

/** True for `application/json` and `application/*+json`, in UTF-8 (`utf-8` or `utf8`) or no charset. */
export function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type = '', ...params] = contentType.toLowerCase().split(';');
  const mediaType = type.trim();
  if (mediaType !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(mediaType)) return false;
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith('charset='));
  return charset === undefined || /^charset="?utf-?8"?$/.test(charset);
}
