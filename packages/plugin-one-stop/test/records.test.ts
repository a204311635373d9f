import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/calendar';
import { createOneStopPlugin, parseCatalogue, parseDossierExport, reconcileDossiers } from '../src/index.js';
import { catalogueInput, contextOn, dossier, optionsWith } from './fixture.js';

const problems = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (ParValidationError.isInstance(e)) return e.issues.map((i) => `${i.path.join('.')} ${i.code}`);
    throw e;
  }
  return [];
};

describe('records', () => {
  it('refuses a bad catalogue naming every problem by path', () => {
    const procedures = [
      { ...catalogueInput.procedures[0], processingTime: { unit: 'workingDays', amount: 1.5 } },
      { ...catalogueInput.procedures[1], code: 'WD3', postalEligible: true },
      { ...catalogueInput.procedures[2], onlineLevel: 5, fees: [{ name: 'phí', amountVnd: -1 }] },
    ];
    expect(problems(() => parseCatalogue({ ...catalogueInput, procedures }))).toEqual([
      'procedures.0.processingTime.amount schema.invalid_type',
      'procedures.2.onlineLevel schema.invalid_union',
      'procedures.2.fees.0.amountVnd schema.too_small',
    ]);
    // the cross-field rules run once the shapes are valid
    expect(problems(() => parseCatalogue({ ...catalogueInput, procedures: [catalogueInput.procedures[0], { ...catalogueInput.procedures[1], code: 'WD3', postalEligible: true }] }))).toEqual([
      'procedures.1.code schema.custom',
      'procedures.1.postalEligible schema.custom',
    ]);
  });

  it('refuses impossible dossiers: a day that does not exist, a result before receipt, a postal one without minutes', () => {
    const bad = [
      dossier({ code: 'A', receivedAt: '2022-02-29T09:00' }),
      dossier({ code: 'B', returnedAt: '2022-03-14T09:00' }),
      dossier({ code: 'C', channel: 'postal' }),
      dossier({ code: 'D', refused: true }),
    ];
    expect(problems(() => parseDossierExport({ source: 's', dossiers: bad }))).toEqual([
      'dossiers.0.submittedAt schema.custom',
      'dossiers.0.receivedAt schema.custom',
      'dossiers.0.forms.0.on schema.invalid_format',
      'dossiers.0.scannedAt schema.custom',
      'dossiers.1.returnedAt schema.custom',
      'dossiers.2.postal schema.custom',
      'dossiers.3.refused schema.custom',
    ]);
  });

  it('rejects fuzzed dossier exports with paths inside the document', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        try {
          parseDossierExport({ source: 's', dossiers: [junk] });
          return false;
        } catch (e) {
          return ParValidationError.isInstance(e) && e.issues.every((i) => i.path[0] === 'dossiers' || i.path.length === 0);
        }
      }),
    );
  });
});

describe('the plugin refuses what it cannot honour', () => {
  it('names bad options and dependencies by path', () => {
    expect(problems(() => createOneStopPlugin({ ...optionsWith([dossier({ procedureCode: 'NOPE' })]), sameDayCutoff: '15:60', apologyLead2025: { days: 1.5, unit: 'weeks' } } as never))).toEqual([
      'sameDayCutoff schema.invalid_format',
      'apologyLead2025.days schema.invalid_type',
      'apologyLead2025.unit schema.invalid_value',
    ]);
    expect(problems(() => createOneStopPlugin(optionsWith([dossier({ procedureCode: 'NOPE' })])))).toEqual(['dossiers.0.procedureCode schema.custom']);
    expect(problems(() => createOneStopPlugin(optionsWith([]), { calendar: {} } as never))).toEqual(['dependencies.calendar invalid_calendar']);
  });

  it('refuses a context the host would not build', () => {
    const plugin = createOneStopPlugin(optionsWith([dossier()]));
    const check = plugin.checks![0]!;
    expect(problems(() => check.run({ ...contextOn('2022-12-31'), referenceDate: '2022-12-30' }))).toEqual(['context.referenceDate reference_date_mismatch']);
    expect(problems(() => plugin.metricProviders![0]!.compute({ unitId: '', period: '2022-Q5', now: 'now', referenceDate: '2022-12-31' } as never))).toEqual([
      'context.unitId schema.too_small',
      'context.period schema.invalid_format',
      'context.period schema.custom',
      'context.now schema.invalid_type',
    ]);
  });

  it('reconciles an export against a register both ways, and refuses plain junk by path', () => {
    const exp = { source: 's', dossiers: [dossier({ code: 'A' }), dossier({ code: 'B', channel: 'online' }), dossier({ code: 'Z', unitId: 'c2' })] };
    const r = reconcileDossiers(exp, { kind: 'counterRegister', unitId: 'c1', source: 'sổ', entries: [{ dossierCode: 'A' }, { dossierCode: 'X', receivedOn: '2022-03-01' }] });
    expect([r.missingFromExport.map((e) => e.dossierCode), r.missingFromRegister]).toEqual([['X'], ['B']]);
    const portal = reconcileDossiers(exp, { kind: 'portalList', unitId: 'c1', source: 'cổng', entries: [] });
    expect(portal.missingFromRegister).toEqual(['B']); // a portal list holds the online dossiers only
    expect(problems(() => reconcileDossiers(null, { kind: 'book' }))).toEqual([
      'dossierExport schema.invalid_type',
      'register.kind schema.invalid_value',
      'register.unitId schema.invalid_type',
      'register.source schema.invalid_type',
      'register.entries schema.invalid_type',
    ]);
  });
});
