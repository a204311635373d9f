import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { advisorySeverity, createPar, ParValidationError, ruleVersionBasis, type ParPluginV1, type PluginImporter, type PluginReportSection } from '../src/index.js';
import { problems } from './fixtures.js';

const now = Date.parse('2023-02-06T09:00:00+07:00');
const plugin = (name: string, over: Partial<ParPluginV1> = {}): ParPluginV1 => ({ specificationVersion: 'v1', name, version: '1.0.0', configSchema: z.strictObject({}), config: {}, ...over });
const label = { vi: 'Nhập', en: 'Import' };
const importer = (id: string, read: PluginImporter['read']): PluginImporter => ({ id, label, formats: ['csv', 'xlsx'], read });
const section = (id: string, compute: PluginReportSection['compute']): PluginReportSection => ({ id, title: { vi: 'Mục', en: 'Section' }, compute });

describe('importers', () => {
  it('are checked at composition: shape, formats, and one id per plugin', () => {
    expect(
      problems(() =>
        createPar({
          plugins: [
            plugin('a', { importers: [importer('x', () => []), importer('x', () => [])] }),
            plugin('b', { importers: [{ id: '', label: { vi: '' }, formats: ['pdf'], read: 1 } as never] }),
          ],
        }),
      ),
    ).toEqual([
      ['plugins.0.importers.1', 'plugin_conflict'],
      ['plugins.1.importers.0.id', 'schema.too_small'],
      ['plugins.1.importers.0.label.vi', 'schema.too_small'],
      ['plugins.1.importers.0.formats.0', 'schema.invalid_value'],
      ['plugins.1.importers.0.read', 'schema.custom'],
    ]);
  });

  it('read a frozen copy of the table and return JSON records; problems at cells are the table\'s', async () => {
    let seen: unknown;
    const par = createPar({
      plugins: [
        plugin('fin', {
          importers: [
            importer('rows', (s) => {
              seen = s;
              return s.format === 'rows' ? s.rows.slice(1).map((r) => ({ id: String(r[0]), amount: String(r[1]) })) : [];
            }),
            importer('strict', (s) => {
              throw new ParValidationError('table', [{ path: [s.name, 'B2'], code: 'invalid_cell', message: 'not an amount' }, { path: [s.name, 'row 3'], code: 'x', message: 'y' }]);
            }),
          ],
        }),
      ],
    });
    expect(par.importers).toEqual([
      { plugin: 'fin', id: 'rows', label, formats: ['csv', 'xlsx'] },
      { plugin: 'fin', id: 'strict', label, formats: ['csv', 'xlsx'] },
    ]);
    const rows = [['id', 'amount'], ['DA-01', 1500000000]];
    expect(await par.runImporter('fin', 'rows', { format: 'rows', name: 'S!', rows })).toEqual({ status: 'read', records: [{ id: 'DA-01', amount: '1500000000' }] });
    expect(Object.isFrozen(seen) && Object.isFrozen((seen as { rows: unknown[] }).rows[1])).toBe(true);
    expect(rows[1]).not.toBe((seen as { rows: unknown[] }).rows[1]); // a copy
    expect(await par.runImporter('fin', 'strict', { format: 'csv', name: 'kbnn.csv', text: 'a' })).toEqual({
      status: 'invalid',
      problems: [
        { path: ['kbnn.csv', 'B2'], code: 'invalid_cell', message: 'not an amount' },
        { path: ['kbnn.csv', 'row 3'], code: 'x', message: 'y' },
      ],
    });
  });

  it('fail, without throwing, when the plugin throws anything else or returns what is not JSON', async () => {
    const par = createPar({
      maxRecords: 2,
      plugins: [
        plugin('bad', {
          importers: [
            importer('throws', () => { throw new Error('disk on fire'); }),
            importer('bigint', () => [{ amount: 1n }]),
            importer('nan', () => [{ rate: Number.NaN }]),
            importer('date', () => [{ on: new Date(0) }]),
            importer('many', () => [{}, {}, {}]),
            importer('rejects', async () => { throw new Error('later'); }),
            importer('asyncInvalid', async () => { throw new ParValidationError('t', [{ path: ['f', 'A1'], code: 'c', message: 'm' }]); }),
            importer('badIssues', () => { throw Object.assign(new ParValidationError('t', [{ path: ['f'], code: 'c', message: 'm' }]), { issues: [{ path: [{}], code: 1 }] }); }),
          ],
        }),
      ],
    });
    const run = (id: string) => par.runImporter('bad', id, { format: 'csv', name: 'f.csv', text: '' });
    expect(await run('throws')).toEqual({ status: 'failed', problem: 'disk on fire' });
    expect(await run('bigint')).toEqual({ status: 'failed', problem: 'record 0.amount is a bigint, not a JSON value (amounts go as integer strings)' });
    expect(await run('nan')).toEqual({ status: 'failed', problem: 'record 0.rate is NaN, not a finite number' });
    expect((await run('date')).status).toBe('failed');
    expect(await run('many')).toEqual({ status: 'failed', problem: 'it returned 3 records, more than the limit of 2' });
    expect(await run('rejects')).toEqual({ status: 'failed', problem: 'later' });
    expect(await run('asyncInvalid')).toEqual({ status: 'invalid', problems: [{ path: ['f', 'A1'], code: 'c', message: 'm' }] });
    expect(await run('badIssues')).toEqual({ status: 'failed', problem: 'it threw a ParValidationError without well-formed issues' });
  });

  it('refuse an unknown importer or a source that is not a table, by path', async () => {
    const par = createPar({ plugins: [plugin('fin', { importers: [importer('x', () => [])] })] });
    await expect(par.runImporter('fin', 'y', { format: 'csv', name: 'f', text: '' })).rejects.toThrow('No importer "fin/y" (have: fin/x)');
    const e = await par.runImporter('fin', 'x', { format: 'rows', name: '', rows: [[{}]] } as never).catch((x: unknown) => x);
    expect(ParValidationError.isInstance(e) && e.issues.map((i) => i.path.join('.'))).toEqual(['source.name', 'source.rows.0.0']);
  });
});

describe('report sections', () => {
  const table = { title: { vi: 'Bảng' }, columns: [{ label: { vi: 'Đơn vị' } }, { label: { vi: 'Tỷ lệ' }, numeric: true }], rows: [['d109', '10,00']] };
  const chart = { title: { vi: 'Đường' }, kind: 'line' as const, categories: ['01', '02'], unit: '%', series: [{ name: { vi: 'd109' }, values: [5, null] }] };

  it('are computed once for the units together, each with a frozen context; bad ones fail alone', async () => {
    const contexts: unknown[] = [];
    const par = createPar({
      plugins: [
        plugin('fin', {
          reportSections: [
            section('curves', (ctx) => {
              contexts.push(ctx);
              return { notes: [{ vi: `${ctx.unitIds.length} đơn vị, ${ctx.period}, ${ctx.referenceDate}` }], tables: [table], charts: [chart] };
            }),
            section('nothing', () => undefined),
            section('html', () => ({ notes: ['<b>x</b>'] }) as never),
            section('ragged', () => ({ tables: [{ ...table, rows: [['only one']] }] })),
            section('throws', () => { throw new Error('boom'); }),
            section('inf', async () => ({ charts: [{ ...chart, series: [{ name: { vi: 's' }, values: [1, Infinity] }] }] })),
          ],
        }),
      ],
    });
    const { sections, errors } = await par.reportSections({ unitIds: ['d109', 'c03549'], period: '2022', now });
    expect(sections).toEqual([{ plugin: 'fin', id: 'curves', title: { vi: 'Mục', en: 'Section' }, content: { notes: [{ vi: '2 đơn vị, 2022, 2023-02-06' }], tables: [table], charts: [chart] } }]);
    expect(contexts.every((c) => Object.isFrozen(c) && Object.isFrozen((c as { unitIds: unknown }).unitIds))).toBe(true);
    expect(errors.map((e) => [e.id, e.problem.split(':')[0]])).toEqual([
      ['html', 'invalid content'],
      ['ragged', 'invalid content'],
      ['throws', 'boom'],
      ['inf', 'invalid content'],
    ]);
  });

  it('refuse two sections with one id in a plugin', () => {
    expect(problems(() => createPar({ plugins: [plugin('a', { reportSections: [section('s', () => undefined), section('s', () => undefined)] })] }))).toEqual([['plugins.0.reportSections.1', 'plugin_conflict']]);
  });
});

describe('the legal basis and severity a plugin reports for a rule version', () => {
  const rule = { effectiveFrom: '2021-06-15', effectiveTo: '2024-12-31', supersededBy: 'NĐ 254/2025', params: {}, legalBasis: { document: 'NĐ 99/2021/NĐ-CP', article: 'Art. 47', verification: 'confirmed' as const } };
  it('dates the basis by the version and caps an unconfirmed finding at minor unless it counts', () => {
    expect(ruleVersionBasis(rule)).toEqual({ document: 'NĐ 99/2021/NĐ-CP', article: 'Art. 47', verification: 'confirmed', effectiveFrom: '2021-06-15', effectiveTo: '2024-12-31', supersededBy: 'NĐ 254/2025' });
    expect(ruleVersionBasis({ ...rule, effectiveTo: undefined, supersededBy: undefined })).toEqual({ document: 'NĐ 99/2021/NĐ-CP', article: 'Art. 47', verification: 'confirmed', effectiveFrom: '2021-06-15' });
    expect([advisorySeverity('critical', false), advisorySeverity('major', false), advisorySeverity('info', false), advisorySeverity('critical', true)]).toEqual(['minor', 'minor', 'info', 'critical']);
  });
  it('refuses what is not a rule version, a severity or a boolean', () => {
    const paths = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (ParValidationError.isInstance(e)) return e.issues.map((i) => i.path.join('.'));
      }
      return [];
    };
    expect(paths(() => ruleVersionBasis({ ...rule, effectiveFrom: '2021-02-30' }))).toEqual(['rule.effectiveFrom']);
    expect(paths(() => ruleVersionBasis(null as never))).toEqual(['rule.legalBasis', 'rule.effectiveFrom']);
    expect(paths(() => advisorySeverity('grave' as never, 'no' as never))).toEqual(['severity', 'counts']);
  });
});
