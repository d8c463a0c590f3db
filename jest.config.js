// ESM jest with ts-jest: the @actions toolkit v3 packages are ESM-only.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

// python3 may be a version manager's shim (pyenv's takes seconds to start), and the suite starts python3 hundreds
// of times: the pre-flight of every action run, the jobs the stand-in and run-on-runner execute. A folder whose
// python3 links to the interpreter itself goes first on PATH, for the test workers and the processes they start.
try {
  const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim()
  const dir = mkdtempSync(join(tmpdir(), 'python3-'))
  symlinkSync(python, join(dir, 'python3'))
  process.env.PATH = `${dir}${delimiter}${process.env.PATH ?? ''}`
} catch {
  // No python3: the tests that need it say so.
}

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: { ignoreCodes: ['TS151001'] } }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  globalSetup: '<rootDir>/__tests__/support/build-dist.ts',
  testTimeout: 60000,
  // A worker per core, not jest's cores − 1: most suites wait on the processes they start (the bundled
  // action, the stand-in, python3), so on 2 cores two workers halve the suite's time (459 s → 225 s).
  maxWorkers: '100%',
  verbose: false,
  // With --coverage (as .ci/run runs it): V8's own counters, over every file of src/, loaded by a test or not.
  // Only in-process tests count: the process-level ones run dist/ in processes of their own.
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'json-summary', 'html'],
  coverageThreshold: { global: { lines: 90 } }
}
