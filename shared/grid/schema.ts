import { z } from 'zod';
import { columnIndex, MAX_COLUMNS, MAX_ROWS, parseAddress } from './address.js';
import { gridWidth } from './table.js';

/** A cell as Office.js `range.values` gives it. */
export const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof CellSchema>;

/**
 * The cells of a worksheet range, `address` being its top-left cell. `columns` overrides the
 * columns found by their headers, by sheet column letter (`{ "total": "H" }`).
 */
export function gridSchema<Field extends string>(fields: readonly [Field, ...Field[]]) {
  return z
    .object({
      address: z.string().max(300),
      values: z.array(z.array(CellSchema)),
      numberFormat: z.array(z.array(z.union([z.string(), z.null()]))).optional(),
      columns: z.partialRecord(z.enum(fields), z.string()).optional(),
    })
    .superRefine((grid, ctx) => {
      const origin = parseAddress(grid.address);
      if (!origin) {
        ctx.addIssue({ code: 'custom', path: ['address'], message: 'Geen A1-adres / not an A1 address' });
        return;
      }
      const width = gridWidth(grid.values);
      if (origin.row + grid.values.length > MAX_ROWS || origin.column + width > MAX_COLUMNS) {
        ctx.addIssue({
          code: 'custom',
          path: ['values'],
          message:
            'Het bereik loopt voorbij de rand van het blad / the range runs past the edge of the sheet',
        });
      }
      for (const [field, letters] of Object.entries(grid.columns ?? {})) {
        const index = typeof letters === 'string' ? columnIndex(letters) : undefined;
        if (index === undefined || index < origin.column || index >= origin.column + width) {
          ctx.addIssue({
            code: 'custom',
            path: ['columns', field],
            message: 'Geen kolom van het bereik / not a column of the range',
          });
        }
      }
      grid.numberFormat?.forEach((row, index) => {
        if (row.length !== grid.values[index]?.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['numberFormat', index],
            message: 'Vorm wijkt af van values / shape differs from values',
          });
        }
      });
      if (grid.numberFormat && grid.numberFormat.length !== grid.values.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['numberFormat'],
          message: 'Vorm wijkt af van values / shape differs from values',
        });
      }
    });
}
export type Grid<Field extends string = string> = z.infer<ReturnType<typeof gridSchema<Field>>>;
