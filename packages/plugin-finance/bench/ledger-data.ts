/**
 * A deterministic synthetic ledger for the million-transaction test and the benchmarks: `projects` projects spread
 * over `units` units, each with a plan for the year, and `transactions` disbursements of up to ~9 trillion đồng each
 * (so a floating-point sum loses đồng), as JSON carries them (amounts as integer strings).
 */
export function syntheticLedger(transactions: number, projects: number, units: number, planYear = 2025) {
  let seed = 0x2545f491;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const unitOf = (p: number) => `u${p % units}`;
  const allocations = Array.from({ length: projects }, (_, p) => ({
    id: `A${p}`,
    unitId: unitOf(p),
    planYear,
    capitalSource: 'central' as const,
    projectId: `P${p}`,
    group: 'C' as const,
    amount: `${(BigInt(next()) * 1_000_000n + 1n).toString()}`,
    decision: { number: `${p}/QĐ`, date: `${planYear - 1}-12-20` },
    denominator: 'locality' as const,
  }));
  const kinds = ['payment', 'payment', 'payment', 'advance', 'advanceRecovery'] as const;
  const disbursements = Array.from({ length: transactions }, () => {
    const p = next() % projects;
    const month = next() % 13; // 12 = January of the next year
    const day = 1 + (next() % 28);
    const date = month === 12 ? `${planYear + 1}-01-${String(day).padStart(2, '0')}` : `${planYear}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const amount = (BigInt(next()) * 2_000n + BigInt(next() % 1000) + 1n).toString(); // up to ~8.6e12
    return { unitId: unitOf(p), projectId: `P${p}`, planYear, date, amount, kind: kinds[next() % kinds.length]! };
  });
  return { allocations, disbursements };
}
