/**
 * Vitest for a mutation run (stryker.config.mjs): the unit suite's settings, narrowed to the
 * test files that own the mutated targets (MUTATE_TESTS, set by the Stryker config), so that a
 * mutant in core/ is not also run against the CLI tests that spawn whole builds.
 */
import { defineConfig } from 'vitest/config';
import unit from './vitest.config';

const own = process.env.MUTATE_TESTS?.split(',').filter(Boolean);

// Replaced, not merged: mergeConfig would add these globs to the whole suite's.
export default defineConfig({ ...unit, test: { ...unit.test, ...(own?.length ? { include: own } : {}) } });
