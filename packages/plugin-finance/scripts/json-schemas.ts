import { z } from 'zod';
import { AllocationSchema, AuditRecommendationSchema, AutonomyPlanSchema, DisbursementSchema, FinanceOptionsSchema, SettlementSchema } from '../src/records.js';

/** The JSON Schemas the package ships, as a user writes the files (defaults optional, amounts as integer strings or safe integers). */
export const jsonSchemas = (): Record<string, unknown> => {
  const of = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return {
    options: of(FinanceOptionsSchema),
    allocations: of(z.array(AllocationSchema)),
    disbursements: of(z.array(DisbursementSchema)),
    settlements: of(z.array(SettlementSchema)),
    'autonomy-plans': of(z.array(AutonomyPlanSchema)),
    'audit-recommendations': of(z.array(AuditRecommendationSchema)),
  };
};
