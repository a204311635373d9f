import type { PluginImporter, PluginTableSource } from '@par/core';
import { readPlanAllocations, readTreasuryDisbursements } from './import.js';

/** A record with its exact amounts as integer strings, the form the options files hold them in. */
const toJson = (value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : Array.isArray(value) ? value.map(toJson) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)])) : value;

/**
 * The plugin's importers for `par import-records`: `treasury-disbursements` ({@link readTreasuryDisbursements}) and
 * `plan-allocations` ({@link readPlanAllocations}), CSV or XLSX, returning records as the options file holds them
 * (amounts as integer strings of đồng) and throwing `ParValidationError` with every problem at its cell.
 */
export const FINANCE_IMPORTERS: readonly PluginImporter[] = [
  {
    id: 'treasury-disbursements',
    label: { vi: 'Báo cáo giải ngân của Kho bạc Nhà nước', en: 'State Treasury disbursement report' },
    formats: ['csv', 'xlsx'],
    read: (source: PluginTableSource) => readTreasuryDisbursements(source).map(toJson),
  },
  {
    id: 'plan-allocations',
    label: { vi: 'Bảng giao kế hoạch vốn đầu tư công', en: 'Public-investment plan allocation table' },
    formats: ['csv', 'xlsx'],
    read: (source: PluginTableSource) => readPlanAllocations(source).map(toJson),
  },
];
