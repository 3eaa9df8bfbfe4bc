import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../shared/findings.js';
import { type Lang, LanguageSchema, type Locale, LocaleSchema } from '../shared/locale.js';
import {
  checkFile,
  exitCode,
  type FileResult,
  type TableResult,
  tableHasErrors,
  type Verdict,
} from './check.js';
import { TABLE_KINDS } from './kinds.js';
import { text } from './messages.js';
import { CopyError, writeCopy } from './out.js';

/** Where the command writes: stdout for results, stderr for the progress bar and usage errors. */
export interface Io {
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
  /** True when stderr is a terminal: only then is a progress bar drawn. */
  stderrIsTTY: boolean;
  /** Terminal width for the progress bar. */
  columns?: number;
}

export interface Options {
  lang: Lang;
  locale: Locale;
  json: boolean;
  quiet: boolean;
  out?: string;
  year?: number;
  files: string[];
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses `check FILE... [--lang en] [--json] [--out DIR] [--locale nl-BE] [--year 2024] [--quiet]`; `--opt=value` works too. */
export function parseArgs(argv: readonly string[]): Options | 'help' {
  const options: Options = { lang: 'nl', locale: 'nl-NL', json: false, quiet: false, files: [] };
  const args = [...argv];
  const positional: string[] = [];
  let lang: Lang = /^en/i.test(process.env.PROGRAMME_DESK_LANG ?? '') ? 'en' : 'nl';
  // The language is needed for the error messages of the other options, so it is read first.
  const langIndex = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (langIndex >= 0) {
    const arg = args[langIndex] ?? '';
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[langIndex + 1];
    const parsed = LanguageSchema.safeParse(value);
    if (!parsed.success) {
      throw new UsageError(
        value === undefined
          ? text(lang, 'missingValue', { option: '--lang' })
          : text(lang, 'badLang', { value }),
      );
    }
    lang = parsed.data;
  }
  options.lang = lang;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(text(lang, 'missingValue', { option: name }));
      i++;
      return next;
    };
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '--json':
        options.json = true;
        break;
      case '--quiet':
      case '-q':
        options.quiet = true;
        break;
      case '--lang':
        value();
        break;
      case '--locale': {
        const locale = value();
        const parsed = LocaleSchema.safeParse(locale);
        if (!parsed.success) throw new UsageError(text(lang, 'badLocale', { value: locale }));
        options.locale = parsed.data;
        break;
      }
      case '--out':
        options.out = value();
        break;
      case '--year': {
        const year = value();
        if (!/^\d{4}$/.test(year)) throw new UsageError(text(lang, 'badYear', { value: year }));
        options.year = Number(year);
        break;
      }
      default:
        throw new UsageError(text(lang, 'unknownOption', { option: arg }));
    }
  }
  const [command, ...files] = positional;
  if (command === undefined) return 'help';
  if (command !== 'check') throw new UsageError(text(lang, 'unknownCommand', { command }));
  if (files.length === 0) throw new UsageError(text(lang, 'noFiles'));
  options.files = files;
  return options;
}

/** A folder given on the command line stands for the `.xlsx` files in it (not its subfolders). */
async function expandFolders(files: readonly string[]): Promise<string[]> {
  const expanded: string[] = [];
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isDirectory()) {
      expanded.push(file);
      continue;
    }
    const entries = await readdir(file, { withFileTypes: true });
    const workbooks = entries
      .filter((e) => e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith('~$'))
      .map((e) => join(file, e.name))
      .sort();
    expanded.push(...(workbooks.length > 0 ? workbooks : [file]));
  }
  return expanded;
}

/** A progress bar on stderr, drawn only on a terminal and only when more than a few files are checked. */
export class ProgressBar {
  private shown = false;
  constructor(
    private readonly io: Io,
    private readonly total: number,
    private readonly label: string,
  ) {}

  get active(): boolean {
    return this.io.stderrIsTTY && this.total > 3;
  }

  draw(done: number, current: string): void {
    if (!this.active) return;
    const columns = this.io.columns || 80;
    const barWidth = Math.max(10, Math.min(30, columns - 40));
    const filled = Math.round((done / this.total) * barWidth);
    const name = current.length > 20 ? `…${current.slice(-19)}` : current;
    const line = `${this.label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${done}/${this.total} ${name}`;
    this.io.stderr(`\r\x1b[2K${line.slice(0, columns - 1)}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.io.stderr('\r\x1b[2K');
    this.shown = false;
  }
}

function findingLine(finding: Finding, lang: Lang, placeWidth: number): string {
  const severity = text(lang, `severity_${finding.severity}`).padEnd(lang === 'nl' ? 12 : 7);
  const place = (finding.ref ?? (finding.row === undefined ? '' : `#${finding.row}`)).padEnd(placeWidth);
  const detail =
    finding.expected !== undefined
      ? ` (${text(lang, 'expected')} ${finding.expected}${finding.actual !== undefined ? `, ${text(lang, 'actual')} ${finding.actual}` : ''})`
      : '';
  return `    ${severity} ${place} ${finding.code}: ${finding.message}${detail}`;
}

function verdict(table: TableResult, lang: Lang): string {
  if (table.problem !== undefined) return text(lang, 'notChecked', { reason: table.problem });
  const all = [...table.readFindings, ...table.findings];
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (tableHasErrors(table)) return text(lang, 'invalid', { errors, warnings });
  return warnings > 0 ? text(lang, 'validWarnings', { warnings }) : text(lang, 'valid');
}

/** The findings of one file, for a terminal: per table its verdict, its columns, totals and findings. */
export function formatFile(
  result: FileResult,
  options: Pick<Options, 'lang' | 'quiet'>,
  output?: string,
): string {
  const { lang } = options;
  const lines: string[] = [result.file];
  if (result.status === 'unreadable') {
    lines.push(`  ${text(lang, 'unreadable', { reason: result.message })}`);
    return `${lines.join('\n')}\n`;
  }
  if (result.tables.length === 0) lines.push(`  ${text(lang, 'noTables')}`);
  for (const table of result.tables) {
    lines.push(`  ${table.range}  ${text(lang, `kind_${table.kind}`)}: ${verdict(table, lang)}`);
    const response = table.response as { mapping?: Record<string, string> } | undefined;
    if (response?.mapping && Object.keys(response.mapping).length > 0) {
      const columns = Object.entries(response.mapping).map(([field, column]) => `${field}=${column}`);
      lines.push(`    ${text(lang, 'columns')}: ${columns.join(' ')}`);
    }
    const kind = TABLE_KINDS.find((k) => k.name === table.kind);
    const summary = table.response === undefined ? undefined : kind?.summary?.(table.response, lang);
    if (summary) lines.push(`    ${summary}`);
    const shown = [...table.readFindings, ...table.findings].filter(
      (f) => !options.quiet || f.severity !== 'info',
    );
    const placeWidth = Math.max(0, ...shown.map((f) => (f.ref ?? `#${f.row ?? ''}`).length));
    for (const finding of shown) lines.push(findingLine(finding, lang, placeWidth));
  }
  if (output !== undefined) lines.push(`  ${output}`);
  return `${lines.join('\n')}\n`;
}

/** What `--json` prints per file: the API's response objects per table, and no workbook. */
function jsonFile(result: FileResult, output: { path?: string; error?: string }) {
  if (result.status === 'unreadable') {
    return { file: result.file, status: result.status, reason: result.reason, message: result.message };
  }
  return {
    file: result.file,
    status: result.status,
    tables: result.tables.map((table) => ({
      sheet: table.sheet,
      range: table.range,
      kind: table.kind,
      endpoint: table.endpoint,
      ...(table.response === undefined ? {} : { response: table.response }),
      ...(table.problem === undefined ? {} : { problem: table.problem }),
      readFindings: table.readFindings,
      valid: !tableHasErrors(table),
    })),
    ...(output.path === undefined ? {} : { output: output.path }),
    ...(output.error === undefined ? {} : { outputError: output.error }),
  };
}

/** Runs the command; resolves to its exit status (0, 1, 2; 64 for a usage error). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed: Options | 'help';
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const lang: Lang = argv.includes('en') ? 'en' : 'nl';
    io.stderr(`${error.message}\n\n${text(lang, 'usage')}\n`);
    return 64;
  }
  if (parsed === 'help') {
    const lang: Lang = argv.some((a) => a === 'en' || a === '--lang=en') ? 'en' : 'nl';
    io.stdout(`${text(lang, 'usage')}\n`);
    return 0;
  }
  const options = parsed;
  const files = await expandFolders(options.files);
  const progress = new ProgressBar(io, files.length, text(options.lang, 'progress'));
  const results: Verdict[] = [];
  const json: ReturnType<typeof jsonFile>[] = [];
  const taken = new Set<string>();
  for (const [index, file] of files.entries()) {
    progress.draw(index, file);
    const result = await checkFile(file, options);
    const output: { path?: string; error?: string } = {};
    if (options.out !== undefined && result.status === 'checked') {
      try {
        output.path = await writeCopy(file, result.workbook, result.tables, options.out, options.lang, {
          taken,
        });
      } catch (error) {
        const reason =
          error instanceof CopyError && error.reason === 'is-input'
            ? text(options.lang, 'outIsInput')
            : error instanceof Error
              ? error.message
              : String(error);
        output.error = reason;
      }
    }
    if (options.json) json.push(jsonFile(result, output));
    else {
      progress.clear();
      const line =
        output.path !== undefined
          ? text(options.lang, 'wrote', { path: output.path })
          : output.error !== undefined
            ? text(options.lang, 'outFailed', { reason: output.error })
            : undefined;
      io.stdout(formatFile(result, options, line));
    }
    // Keep the verdicts only; the workbook is let go before the next file is read.
    results.push(
      result.status === 'checked'
        ? { status: 'checked', tables: result.tables, outputFailed: output.error !== undefined }
        : { status: 'unreadable' },
    );
  }
  progress.draw(files.length, '');
  progress.clear();
  const code = exitCode(results);
  if (options.json) {
    io.stdout(`${JSON.stringify({ exitCode: code, files: json }, null, 2)}\n`);
  } else if (files.length > 1) {
    const tables = results.flatMap((r) => (r.status === 'checked' ? r.tables : []));
    io.stdout(
      `\n${text(options.lang, 'summary', {
        files: files.length,
        tables: tables.length,
        errors: tables.filter(tableHasErrors).length,
        unreadable: results.filter((r) => r.status === 'unreadable').length,
      })}\n`,
    );
  }
  return code;
}
