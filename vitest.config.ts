// The three layers of the suite. Unit tests are pure and fast; integration tests run the real Go
// toolchain, Trivy, cosign and loopback servers; e2e tests start dist/ as the runner does. Each
// layer has its own time limit here, not in each test: the slow layers build real modules.
import { defineConfig } from 'vitest/config';

const layer = (name: string, timeout: number) => ({
  extends: true as const,
  test: { name, include: [`test/${name}/**/*.test.ts`], testTimeout: timeout, hookTimeout: timeout },
});

export default defineConfig({
  test: {
    // Each file in its own process: tests set process.env, start servers and run child processes.
    pool: 'forks',
    maxWorkers: Number(process.env.TEST_CONCURRENCY ?? 3),
    // Assertions are node:assert; a file with no test is an error, not a pass.
    passWithNoTests: false,
    projects: [layer('unit', 120_000), layer('integration', 900_000), layer('e2e', 1_200_000)],
  },
});
