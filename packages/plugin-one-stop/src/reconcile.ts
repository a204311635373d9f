import { parseWithSchema } from '@par/calendar';
import { z } from 'zod';
import { DossierExportSchema, DossierRegisterSchema, type DossierExport, type DossierRegister } from './records.js';

/** What {@link reconcileDossiers} finds between a unit's dossier export and its counter register or portal list. */
export interface DossierReconciliation {
  readonly unitId: string;
  readonly registerKind: DossierRegister['kind'];
  /** In the register but not in the export: handled outside the one-stop system (seed item (3)). */
  readonly missingFromExport: readonly DossierRegister['entries'][number][];
  /** In the export (for that unit; online only against a portal list) but not in the register. */
  readonly missingFromRegister: readonly string[];
}

/** The reconciliation of parsed records (internal: {@link reconcileDossiers} checks its arguments first). */
export function reconcile(exp: Pick<DossierExport, 'dossiers'>, register: DossierRegister): DossierReconciliation {
  const mine = exp.dossiers.filter((d) => d.unitId === register.unitId && (register.kind === 'counterRegister' || d.channel === 'online'));
  const exported = new Set(mine.map((d) => d.code));
  const listed = new Set(register.entries.map((e) => e.dossierCode));
  return {
    unitId: register.unitId,
    registerKind: register.kind,
    missingFromExport: register.entries.filter((e) => !exported.has(e.dossierCode)),
    missingFromRegister: mine.filter((d) => !listed.has(d.code)).map((d) => d.code),
  };
}

/**
 * Reconciles a unit's dossier export against its counter register (sổ theo dõi hồ sơ) or the portal's list: the
 * dossiers present in one and missing in the other. A counter register is compared with all of the unit's dossiers,
 * a portal list with its online ones. Throws `ParValidationError` naming every problem of either input by path
 * (`dossierExport...`, `register...`).
 */
export function reconcileDossiers(dossierExport: unknown, register: unknown): DossierReconciliation {
  const args = parseWithSchema('arguments of reconcileDossiers', z.strictObject({ dossierExport: DossierExportSchema, register: DossierRegisterSchema }), { dossierExport, register });
  return reconcile(args.dossierExport, args.register);
}
