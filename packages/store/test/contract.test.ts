import { describe } from 'vitest';
import { createMemoryStore } from '@par/lifecycle';
import { lifecycleStoreContract } from './contract.js';
import { NOW, leader, officer, seedUnits } from './fixtures.js';
import { onBothEngines } from './engines.js';

describe('the in-memory adapter of `@par/lifecycle` (the reference)', () => {
  lifecycleStoreContract(async () => createMemoryStore());
});

onBothEngines((store) => {
  lifecycleStoreContract(async (a) => {
    await seedUnits(store());
    await store().session(leader('d1'), NOW).registerAssignment(a.input);
    return store().session(officer('c1'), NOW).lifecycle;
  });
});
