import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One test file per core (vitest's default leaves one core idle: on this 2-core machine, 1 worker).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], environment: 'node', maxWorkers: availableParallelism() },
});
