/**
 * The task pane: three tasks (budget, calendar, progress), the language switch, the API address
 * setting, a progress indicator with cancel, and messages in the user's language.
 */
import { BUDGET_FIELDS, type BudgetField } from '../../shared/budget/fields.js';
import { columnIndex, columnLetters } from '../../shared/grid/address.js';
import { apiBase, createApiClient } from './api.js';
import { byId, field, h } from './dom.js';
import { type DocSettings, officeSettings } from './excel/owned.js';
import type { SourceBlock } from './excel/read.js';
import { type Lang, languageFor, type MessageKey, translate } from './i18n.js';
import {
  rememberedFunctionKey,
  rememberedLanguage,
  rememberFunctionKey,
  rememberLanguage,
} from './preferences.js';
import {
  type BudgetOptions,
  type BudgetResult,
  runBudget,
  selectCell,
  sortFindings,
  verdict,
} from './tasks/budget.js';
import { type AgendaForm, runAgenda, runAttendance } from './tasks/calendar.js';
import { explain, type Phase, type TaskEnv, type UserMessage } from './tasks/common.js';
import { runProgress } from './tasks/progress.js';
import { type Weekday, wordsToRrule } from './words.js';

export const API_SETTING = 'ProgrammeDesk.apiBase';

type Tab = 'budget' | 'agenda' | 'progress';

interface PaneState {
  lang: Lang;
  tab: Tab;
  budget: BudgetOptions & { participantsMin: string; participantsMax: string };
  budgetResult?: BudgetResult;
  agenda: AgendaForm;
  attendanceMinimum: string;
  expectedUnitsRange: string;
  icsUrl?: string;
  progressSummary?: string;
  progressTallies?: { period: string; rows: { label: string; count: number; share: string }[] };
  agendaSummary?: string;
}

const state: PaneState = {
  lang: 'nl',
  tab: 'budget',
  budget: {
    country: 'NL',
    contingencyRate: '',
    participantsMin: '',
    participantsMax: '',
    ceiling: '',
    programmeItemsRange: '',
  },
  agenda: {
    mode: 'words',
    title: 'Bijeenkomst',
    words: { interval: 1, unit: 'month', monthDay: 11, months: 'even' },
    useWeekday: false,
    rrule: 'FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=11',
    from: `${new Date().getFullYear()}-01-01`,
    to: `${new Date().getFullYear()}-12-31`,
    start: '16:30',
    end: '18:30',
    location: '',
    country: 'NL',
    region: '',
    extra: '',
    onConflict: 'next-working-day',
  },
  attendanceMinimum: '5',
  expectedUnitsRange: '',
};

let settings: DocSettings;
let running: AbortController | undefined;

const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
  translate(state.lang, key, params);

function money(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(state.lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
  }).format(Number(amount));
}

function percentText(share: string): string {
  return new Intl.NumberFormat(state.lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(Number(share));
}

function env(): TaskEnv {
  const base = apiBase(settings.get(API_SETTING), window.location.origin);
  return {
    run: (batch) => Excel.run(batch),
    api: createApiClient(base, () => state.lang, fetch, rememberedFunctionKey),
    settings,
    lang: state.lang,
  };
}

// ------------------------------------------------------------------ status

function showMessage(message: UserMessage | undefined, kind: 'error' | 'ok' = 'error'): void {
  const box = byId('message');
  box.replaceChildren();
  box.className = message ? `message ${kind}` : 'message';
  if (!message) return;
  box.append(h('span', {}, message.text));
  if (message.ref) {
    const ref = message.ref;
    box.append(
      ' ',
      h('button', { class: 'link', type: 'button', onclick: () => void selectCell(env(), ref) }, ref),
    );
  }
}

function showProgress(phase: Phase | undefined, done = 0, total = 0): void {
  const box = byId('progress');
  box.hidden = phase === undefined;
  if (!phase) return;
  const key: MessageKey = phase === 'reading' ? 'reading' : phase === 'writing' ? 'writing' : 'sending';
  byId('progress-text').textContent = t(key, { done, total });
  const bar = byId<HTMLProgressElement>('progress-bar');
  if (phase === 'sending' || total === 0) bar.removeAttribute('value');
  else {
    bar.max = total;
    bar.value = done;
  }
}

/** Runs a task with the progress indicator and cancel button, and explains any failure. */
async function withProgress<T>(
  work: (env: TaskEnv) => Promise<T>,
  source?: () => SourceBlock | undefined,
): Promise<T | undefined> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const taskEnv = env();
  taskEnv.signal = controller.signal;
  taskEnv.onProgress = (phase, done, total) => showProgress(phase, done, total);
  showMessage(undefined);
  showProgress('reading');
  document.body.classList.add('busy');
  try {
    return await work(taskEnv);
  } catch (error) {
    showMessage(explain(error, state.lang, taskEnv.api.base, source?.()));
    return undefined;
  } finally {
    if (running === controller) running = undefined;
    document.body.classList.remove('busy');
    showProgress(undefined);
  }
}

// ------------------------------------------------------------------ budget

const present = (...nodes: (Node | null)[]): Node[] => nodes.filter((node): node is Node => node !== null);

function budgetOptions(): BudgetOptions {
  const min = Number(state.budget.participantsMin);
  const max = Number(state.budget.participantsMax || state.budget.participantsMin);
  const options: BudgetOptions = {
    country: state.budget.country,
    contingencyRate: state.budget.contingencyRate ?? '',
    ceiling: state.budget.ceiling ?? '',
    programmeItemsRange: state.budget.programmeItemsRange ?? '',
  };
  if (Number.isInteger(min) && min > 0 && Number.isInteger(max) && max >= min)
    options.participants = { min, max };
  if (state.budget.columns) options.columns = state.budget.columns;
  return options;
}

async function checkBudget(again: boolean): Promise<void> {
  const previous = again ? state.budgetResult?.source : undefined;
  if (!again) delete state.budget.columns;
  const result = await withProgress(
    (taskEnv) => runBudget(taskEnv, budgetOptions(), previous),
    () => previous,
  );
  if (result) {
    state.budgetResult = result;
    showMessage({ text: t('done', { sheet: result.sheetName }) }, 'ok');
  }
  renderBudgetResult();
}

async function useSelectionFor(apply: (address: string) => void): Promise<void> {
  try {
    const address = await Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load('address');
      await context.sync();
      return range.address;
    });
    apply(address);
    render();
  } catch (error) {
    showMessage(explain(error, state.lang, ''));
  }
}

function input(
  value: string,
  onInput: (value: string) => void,
  attrs: Record<string, string> = {},
): HTMLInputElement {
  return h('input', {
    ...attrs,
    value,
    oninput: (event: Event) => onInput((event.target as HTMLInputElement).value),
  });
}

function select<V extends string>(
  value: V,
  options: [V, string][],
  onChange: (value: V) => void,
  id?: string,
) {
  return h(
    'select',
    { id, onchange: (event: Event) => onChange((event.target as HTMLSelectElement).value as V) },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
  );
}

function budgetPanel(): HTMLElement {
  const b = state.budget;
  return h(
    'section',
    { id: 'panel-budget', class: 'panel' },
    h('p', { class: 'intro' }, t('budgetIntro')),
    h(
      'details',
      { open: true },
      h('summary', {}, t('options')),
      field(
        t('vatRates'),
        select(
          b.country,
          [
            ['NL', t('vatNL')],
            ['BE', t('vatBE')],
          ],
          (v) => {
            b.country = v;
          },
          'budget-vat',
        ),
      ),
      field(
        t('contingencyRate'),
        input(
          b.contingencyRate ?? '',
          (v) => {
            b.contingencyRate = v;
          },
          { id: 'budget-contingency', placeholder: '10%' },
        ),
      ),
      h(
        'div',
        { class: 'row' },
        field(
          t('participantsMin'),
          input(
            b.participantsMin,
            (v) => {
              b.participantsMin = v;
            },
            { id: 'budget-pmin', inputmode: 'numeric' },
          ),
        ),
        field(
          t('participantsMax'),
          input(
            b.participantsMax,
            (v) => {
              b.participantsMax = v;
            },
            { id: 'budget-pmax', inputmode: 'numeric' },
          ),
        ),
      ),
      field(
        t('ceiling'),
        input(
          b.ceiling ?? '',
          (v) => {
            b.ceiling = v;
          },
          { id: 'budget-ceiling', placeholder: '20000' },
        ),
      ),
      h(
        'div',
        { class: 'row' },
        field(
          t('programmeItems'),
          input(
            b.programmeItemsRange ?? '',
            (v) => {
              b.programmeItemsRange = v;
            },
            { id: 'budget-items', placeholder: 'Programma!B2:B9' },
          ),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () =>
              void useSelectionFor((a) => {
                b.programmeItemsRange = a;
              }),
          },
          t('useSelection'),
        ),
      ),
    ),
    h(
      'button',
      { id: 'budget-check', type: 'button', class: 'primary', onclick: () => void checkBudget(false) },
      t('check'),
    ),
    h('div', { id: 'budget-result' }),
  );
}

function renderBudgetResult(): void {
  const box = document.getElementById('budget-result');
  if (!box) return;
  box.replaceChildren();
  const result = state.budgetResult;
  if (!result) return;
  const { response, source } = result;
  const { stated, recomputed } = response.totals;
  box.append(
    ...present(
      h(
        'p',
        { id: 'budget-verdict', class: response.valid ? 'verdict valid' : 'verdict invalid' },
        verdict(response, state.lang),
      ),
      response.totals.complete ? null : h('p', { class: 'note' }, t('incomplete')),
      h(
        'table',
        { class: 'totals' },
        h('tr', {}, h('th', {}, ''), h('th', {}, t('stated')), h('th', {}, t('recomputed'))),
        (['subtotal', 'contingency', 'total'] as const).map((key) =>
          h(
            'tr',
            { class: stated[key] !== null && stated[key] !== recomputed[key] ? 'differs' : '' },
            h('th', {}, t(key)),
            h('td', {}, money(stated[key])),
            h('td', {}, money(recomputed[key])),
          ),
        ),
      ),
      response.perParticipant
        ? h(
            'p',
            { id: 'budget-per-participant' },
            `${t('perParticipant')}: ${t('perParticipantRange', { min: money(response.perParticipant.min), max: money(response.perParticipant.max) })}`,
          )
        : null,
    ),
  );
  // The mapping, with a way to correct it: every column of the range read may be chosen.
  const first = source.column;
  const width = source.values.reduce((max, row) => Math.max(max, row.length), 0);
  const letters = Array.from({ length: width }, (_, i) => columnLetters(first + i));
  const mapping = { ...(response.mapping ?? {}), ...(state.budget.columns ?? {}) };
  const header = response.header?.labels ?? {};
  box.append(
    h(
      'details',
      { id: 'budget-mapping' },
      h('summary', {}, t('mapping')),
      h('p', { class: 'note' }, t('mappingHint')),
      h(
        'table',
        {},
        BUDGET_FIELDS.map((f: BudgetField) =>
          h(
            'tr',
            {},
            h('th', {}, t(`field_${f}` as MessageKey)),
            h(
              'td',
              {},
              select<string>(
                mapping[f] ?? '',
                [
                  ['', t('notRead')],
                  ...letters.map((l): [string, string] => [
                    l,
                    `${l}${header[f] && mapping[f] === l ? ` — ${header[f]}` : ''}`,
                  ]),
                ],
                (v) => {
                  const columns = { ...(state.budget.columns ?? response.mapping ?? {}) };
                  if (v === '' || columnIndex(v) === undefined) delete columns[f];
                  else columns[f] = v;
                  state.budget.columns = columns;
                },
                `map-${f}`,
              ),
            ),
          ),
        ),
      ),
      h(
        'button',
        { id: 'budget-recheck', type: 'button', class: 'secondary', onclick: () => void checkBudget(true) },
        t('recheck'),
      ),
    ),
  );
  const findings = sortFindings(response.findings);
  box.append(
    h('h3', {}, `${t('findings')} (${findings.length})`),
    findings.length === 0
      ? h('p', {}, t('noFindings'))
      : h(
          'ul',
          { id: 'budget-findings', class: 'findings' },
          findings.slice(0, 500).map((finding) =>
            h(
              'li',
              { class: finding.severity },
              h(
                'button',
                {
                  type: 'button',
                  class: 'finding',
                  'data-ref': finding.ref,
                  disabled: !finding.ref,
                  onclick: () => {
                    if (finding.ref)
                      void selectCell(env(), finding.ref).catch((e: unknown) =>
                        showMessage(explain(e, state.lang, '')),
                      );
                  },
                },
                h('span', { class: 'badge' }, t(`severity_${finding.severity}` as MessageKey)),
                h('span', { class: 'text' }, finding.message),
                finding.ref ? h('span', { class: 'ref' }, finding.ref) : null,
              ),
            ),
          ),
        ),
  );
}

// ------------------------------------------------------------------ agenda

function agendaPanel(): HTMLElement {
  const a = state.agenda;
  const w = a.words;
  const preview = h(
    'code',
    { id: 'agenda-rrule-preview' },
    wordsToRrule({ ...w, ...(a.useWeekday ? {} : { weekday: undefined }) }),
  );
  const refreshPreview = () => {
    preview.textContent = wordsToRrule(a.useWeekday ? w : { ...w, weekday: undefined });
  };
  const weekdays: [Weekday, string][] = (
    state.lang === 'nl'
      ? ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']
      : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
  ).map((label, i) => [(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const)[i] as Weekday, label]);
  const words = h(
    'div',
    { class: 'mode', hidden: a.mode !== 'words' },
    h(
      'div',
      { class: 'row' },
      field(
        t('every'),
        input(
          String(w.interval),
          (v) => {
            w.interval = Number(v) || 1;
            refreshPreview();
          },
          { id: 'agenda-interval', inputmode: 'numeric', size: '2' },
        ),
      ),
      field(
        '',
        select(
          w.unit,
          [
            ['month', t('unitMonths')],
            ['week', t('unitWeeks')],
          ],
          (v) => {
            w.unit = v;
            if (v === 'week') a.useWeekday = true;
            render();
          },
        ),
      ),
    ),
    h(
      'div',
      { class: 'row' },
      field(
        t('onDay'),
        select(
          a.useWeekday ? 'weekday' : 'day',
          [
            ['day', state.lang === 'nl' ? 'dag van de maand' : 'day of month'],
            ['weekday', state.lang === 'nl' ? 'weekdag' : 'weekday'],
          ],
          (v) => {
            a.useWeekday = v === 'weekday';
            render();
          },
        ),
      ),
      a.useWeekday
        ? h(
            'div',
            { class: 'row' },
            w.unit === 'month'
              ? select(
                  String(w.nth ?? 0),
                  [
                    ['0', t('nthAny')],
                    ['1', '1e'],
                    ['2', '2e'],
                    ['3', '3e'],
                    ['4', '4e'],
                    ['-1', state.lang === 'nl' ? 'laatste' : 'last'],
                  ],
                  (v) => {
                    w.nth = Number(v);
                    refreshPreview();
                  },
                )
              : null,
            select(w.weekday ?? 'MO', weekdays, (v) => {
              w.weekday = v;
              refreshPreview();
            }),
          )
        : input(
            String(w.monthDay ?? 11),
            (v) => {
              w.monthDay = Number(v) || 1;
              refreshPreview();
            },
            { id: 'agenda-monthday', inputmode: 'numeric', size: '2' },
          ),
    ),
    field(
      t('months'),
      select(
        w.months,
        [
          ['all', t('monthsAll')],
          ['even', t('monthsEven')],
          ['odd', t('monthsOdd')],
        ],
        (v) => {
          w.months = v;
          refreshPreview();
        },
      ),
    ),
    h('p', { class: 'note' }, 'RRULE: ', preview),
  );
  const raw = h(
    'div',
    { class: 'mode', hidden: a.mode !== 'rrule' },
    field(
      t('rrule'),
      input(
        a.rrule,
        (v) => {
          a.rrule = v;
        },
        { id: 'agenda-rrule', spellcheck: 'false' },
      ),
    ),
  );
  const table = h('p', { class: 'mode intro', hidden: a.mode !== 'table' }, t('modeTable'));
  const form = h(
    'div',
    {},
    field(
      t('title'),
      input(
        a.title,
        (v) => {
          a.title = v;
        },
        { id: 'agenda-title' },
      ),
    ),
    h(
      'div',
      { class: 'row' },
      field(
        t('from'),
        input(
          a.from,
          (v) => {
            a.from = v;
          },
          { id: 'agenda-from', type: 'date' },
        ),
      ),
      field(
        t('to'),
        input(
          a.to,
          (v) => {
            a.to = v;
          },
          { id: 'agenda-to', type: 'date' },
        ),
      ),
    ),
    h(
      'div',
      { class: 'row' },
      field(
        t('start'),
        input(
          a.start,
          (v) => {
            a.start = v;
          },
          { id: 'agenda-start', type: 'time' },
        ),
      ),
      field(
        t('end'),
        input(
          a.end,
          (v) => {
            a.end = v;
          },
          { id: 'agenda-end', type: 'time' },
        ),
      ),
    ),
    field(
      t('location'),
      input(
        a.location,
        (v) => {
          a.location = v;
        },
        { id: 'agenda-location' },
      ),
    ),
    h(
      'div',
      { class: 'row' },
      field(
        t('country'),
        select(
          a.country,
          [
            ['NL', 'Nederland'],
            ['BE', 'België'],
          ],
          (v) => {
            a.country = v;
          },
          'agenda-country',
        ),
      ),
      field(
        t('region'),
        input(
          a.region,
          (v) => {
            a.region = v;
          },
          { id: 'agenda-region', size: '6' },
        ),
      ),
    ),
    field(
      t('extraDays'),
      input(
        a.extra,
        (v) => {
          a.extra = v;
        },
        { id: 'agenda-extra', placeholder: '2025-06-11' },
      ),
    ),
    field(
      t('onConflict'),
      select(
        a.onConflict,
        [
          ['next-working-day', t('conflictNext')],
          ['previous-working-day', t('conflictPrevious')],
          ['keep', t('conflictKeep')],
          ['skip', t('conflictSkip')],
        ],
        (v) => {
          a.onConflict = v;
        },
        'agenda-conflict',
      ),
    ),
  );
  return h(
    'section',
    { id: 'panel-agenda', class: 'panel' },
    h('p', { class: 'intro' }, t('agendaIntro')),
    h(
      'div',
      { class: 'modes', role: 'radiogroup' },
      (['words', 'rrule', 'table'] as const).map((mode) =>
        h(
          'label',
          {},
          h('input', {
            type: 'radio',
            name: 'agenda-mode',
            id: `agenda-mode-${mode}`,
            value: mode,
            checked: a.mode === mode,
            onchange: () => {
              a.mode = mode;
              render();
            },
          }),
          t(mode === 'words' ? 'modeWords' : mode === 'rrule' ? 'modeRrule' : 'modeTable'),
        ),
      ),
    ),
    words,
    raw,
    table,
    form,
    h(
      'button',
      { id: 'agenda-make', type: 'button', class: 'primary', onclick: () => void makeAgenda() },
      t('makeAgenda'),
    ),
    h('p', { id: 'agenda-summary' }, state.agendaSummary ?? ''),
    state.icsUrl
      ? h(
          'a',
          { id: 'agenda-ics', class: 'download', href: state.icsUrl, download: 'programme-desk.ics' },
          t('downloadIcs'),
        )
      : null,
    h('h3', {}, t('attendance')),
    h('p', { class: 'intro' }, t('attendanceIntro')),
    field(
      t('attendanceMinimum'),
      input(
        state.attendanceMinimum,
        (v) => {
          state.attendanceMinimum = v;
        },
        { id: 'attendance-minimum', inputmode: 'numeric', size: '3' },
      ),
    ),
    h(
      'button',
      { id: 'attendance-check', type: 'button', class: 'secondary', onclick: () => void checkAttendance() },
      t('checkAttendance'),
    ),
  );
}

async function makeAgenda(): Promise<void> {
  const result = await withProgress((taskEnv) => runAgenda(taskEnv, state.agenda));
  if (result) {
    if (state.icsUrl) URL.revokeObjectURL(state.icsUrl);
    state.icsUrl = result.ics
      ? URL.createObjectURL(new Blob([result.ics], { type: 'text/calendar' }))
      : undefined;
    state.agendaSummary = result.summary;
    render();
    showMessage({ text: t('done', { sheet: result.sheetName }) }, 'ok');
  }
}

async function checkAttendance(): Promise<void> {
  const result = await withProgress((taskEnv) =>
    runAttendance(taskEnv, Number(state.attendanceMinimum) || 1),
  );
  if (result) showMessage({ text: t('done', { sheet: result.sheetName }) }, 'ok');
}

// ------------------------------------------------------------------ progress

function progressPanel(): HTMLElement {
  return h(
    'section',
    { id: 'panel-progress', class: 'panel' },
    h('p', { class: 'intro' }, t('progressIntro')),
    h(
      'div',
      { class: 'row' },
      field(
        t('expectedUnits'),
        input(
          state.expectedUnitsRange,
          (v) => {
            state.expectedUnitsRange = v;
          },
          { id: 'progress-units' },
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () =>
            void useSelectionFor((a) => {
              state.expectedUnitsRange = a;
            }),
        },
        t('useSelection'),
      ),
    ),
    h(
      'button',
      { id: 'progress-tally', type: 'button', class: 'primary', onclick: () => void tally() },
      t('tally'),
    ),
    h('p', { id: 'progress-summary' }, state.progressSummary ?? ''),
    state.progressTallies
      ? h(
          'table',
          { id: 'progress-tallies', class: 'totals' },
          h(
            'tr',
            {},
            h('th', {}, `${t('category')} ${state.progressTallies.period}`),
            h('th', {}, t('count')),
            h('th', {}, t('share')),
          ),
          state.progressTallies.rows.map((row) =>
            h(
              'tr',
              {},
              h('th', {}, row.label),
              h('td', {}, String(row.count)),
              h('td', {}, percentText(row.share)),
            ),
          ),
        )
      : null,
  );
}

async function tally(): Promise<void> {
  const result = await withProgress((taskEnv) =>
    runProgress(taskEnv, { expectedUnitsRange: state.expectedUnitsRange }),
  );
  if (result) {
    state.progressSummary = result.summary;
    const latest = result.response.periods.at(-1);
    state.progressTallies = latest
      ? {
          period: latest.period,
          rows: latest.tallies.map(({ label, count, share }) => ({ label, count, share })),
        }
      : undefined;
    render();
    showMessage({ text: t('done', { sheet: result.sheetName }) }, 'ok');
  }
}

// ------------------------------------------------------------------ shell

function settingsPanel(): HTMLElement {
  const current = settings.get(API_SETTING);
  let value = typeof current === 'string' ? current : '';
  let key = rememberedFunctionKey() ?? '';
  return h(
    'details',
    { id: 'settings', class: 'settings' },
    h('summary', {}, t('settings')),
    field(
      t('apiAddress'),
      input(
        value,
        (v) => {
          value = v;
        },
        { id: 'api-address', placeholder: window.location.origin, type: 'url' },
      ),
    ),
    field(
      t('functionKey'),
      input(
        key,
        (v) => {
          key = v;
        },
        { id: 'function-key', type: 'password' },
      ),
    ),
    h(
      'button',
      {
        id: 'api-save',
        type: 'button',
        class: 'secondary',
        onclick: () => {
          settings.set(API_SETTING, value.trim() || null);
          rememberFunctionKey(key.trim());
          void settings.save().then(
            () => showMessage({ text: t('saved') }, 'ok'),
            (error: unknown) => showMessage(explain(error, state.lang, '')),
          );
        },
      },
      t('save'),
    ),
  );
}

function render(): void {
  document.documentElement.lang = state.lang;
  const tabs: [Tab, MessageKey][] = [
    ['budget', 'tabBudget'],
    ['agenda', 'tabAgenda'],
    ['progress', 'tabProgress'],
  ];
  const app = byId('app');
  const message = document.getElementById('message');
  app.replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, t('appTitle')),
      select<Lang>(
        state.lang,
        [
          ['nl', 'Nederlands'],
          ['en', 'English'],
        ],
        (v) => {
          state.lang = v;
          rememberLanguage(v);
          render();
        },
        'language',
      ),
    ),
    h(
      'nav',
      { role: 'tablist' },
      tabs.map(([tab, key]) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${tab}`,
            'aria-selected': String(state.tab === tab),
            class: state.tab === tab ? 'active' : '',
            onclick: () => {
              state.tab = tab;
              render();
            },
          },
          t(key),
        ),
      ),
    ),
    h(
      'div',
      { id: 'progress', class: 'progress', hidden: true },
      h('progress', { id: 'progress-bar' }),
      h('span', { id: 'progress-text' }),
      h(
        'button',
        { id: 'cancel', type: 'button', class: 'secondary', onclick: () => running?.abort() },
        t('cancel'),
      ),
    ),
    message ?? h('div', { id: 'message', class: 'message', role: 'alert' }),
    state.tab === 'budget' ? budgetPanel() : state.tab === 'agenda' ? agendaPanel() : progressPanel(),
    settingsPanel(),
  );
  if (state.tab === 'budget') renderBudgetResult();
}

Office.onReady((info) => {
  settings = officeSettings();
  state.lang = rememberedLanguage() ?? languageFor(Office.context.displayLanguage);
  render();
  // Opened in a plain browser, Office.js reports no host: say where the pane belongs.
  if (info.host !== Office.HostType.Excel) showMessage({ text: t('errNotInExcel') });
  document.body.dataset.ready = 'true';
});
