/**
 * Payload sizing. Excel on the web refuses a request or response payload over about 5 MB
 * (`RequestPayloadSizeLimitExceeded`, sometimes only a `GeneralException`), so every read and
 * write goes in blocks whose JSON is well under that, with one `context.sync()` per block.
 */

/** The JSON size we aim for per sync: well under Excel on the web's 5 MB, leaving room for the batch. */
export const BLOCK_BYTES = 2_000_000;
/** Other platforms limit one read to 5 million cells; we stay far below. */
export const BLOCK_CELLS = 500_000;

/** The UTF-8 size of a value's JSON, without allocating a buffer. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** The error code of an Office.js error, when it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** True for the errors Excel gives for a batch that is too large. */
export function isPayloadError(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === 'RequestPayloadSizeLimitExceeded' ||
    code === 'ResponsePayloadSizeLimitExceeded' ||
    code === 'PayloadTooLarge'
  );
}

/** How many rows of `bytesPerRow` fit in a block of `budget` bytes and {@link BLOCK_CELLS} cells. */
export function rowsPerBlock(bytesPerRow: number, columns: number, budget = BLOCK_BYTES): number {
  const byBytes = Math.floor(budget / Math.max(1, bytesPerRow));
  const byCells = Math.floor(BLOCK_CELLS / Math.max(1, columns));
  return Math.max(1, Math.min(byBytes, byCells));
}

/**
 * Whether a failed block is worth halving: Excel said it was too large, or (Excel on the web
 * sometimes says only `GeneralException` for that) a generic failure of a block of over 1 MB.
 */
export function shouldHalve(error: unknown, blockBytes: number): boolean {
  return isPayloadError(error) || (errorCode(error) === 'GeneralException' && blockBytes > 1_000_000);
}
