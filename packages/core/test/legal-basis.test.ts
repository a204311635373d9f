import { describe, expect, it } from 'vitest';
import { LegalBasisSchema } from '../src/index.js';

describe('a legal basis', () => {
  it('keeps the issue date apart from the day it takes effect', () => {
    // Resolution 1670/NQ-UBTVQH15: adopted and in force on 16/06/2025; a criteria set signed on 24/09/2021 whose
    // in-force date is not known
    expect(LegalBasisSchema.parse({ document: '1670/NQ-UBTVQH15', signedOn: '2025-06-16', effectiveFrom: '2025-06-16' })).toMatchObject({ signedOn: '2025-06-16', effectiveFrom: '2025-06-16' });
    expect(LegalBasisSchema.parse({ document: '2400/QĐ-UBND', signedOn: '2021-09-24' }).effectiveFrom).toBeUndefined();
  });

  it('refuses an issue date that is not a real day', () => {
    const r = LegalBasisSchema.safeParse({ document: '2400/QĐ-UBND', signedOn: '2021-09-31' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path)).toEqual([['signedOn']]);
  });
});
