import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous: oracle tests spawn real tools, and CI machines have two cores. No test asserts timing.
    testTimeout: 60000,
  },
});
