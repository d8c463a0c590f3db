// `npm run local`: the bundled action against the stand-in, on one's own inputs, leaving its
// results, summary and outputs where it says.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseInputsFile } from '../local/src/inputs-file.js'

const cleanup: string[] = []
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true })
})

describe('--inputs FILE', () => {
  it('takes a mapping of inputs, or a workflow step whose with: holds them, as the strings a runner passes', () => {
    expect(parseInputsFile('device: arn:x\ninstance-count: 2\nwait: true\nkms-key-id:\n', 'a.yml')).toEqual({
      device: 'arn:x',
      'instance-count': '2',
      wait: 'true',
      'kms-key-id': ''
    })
    const step = 'id: braket\nuses: OWNER/REPO@v1\nwith:\n  hyperparameters: |\n    shots: 10\n  aws-region: eu-north-1\n'
    expect(parseInputsFile(step, 'step.yml')).toEqual({ hyperparameters: 'shots: 10\n', 'aws-region': 'eu-north-1' })
  })

  it('refuses what a workflow would refuse, naming the input', () => {
    expect(() => parseInputsFile('hyperparameters:\n  shots: 10\n', 'mine.yml')).toThrow(
      'mine.yml: input "hyperparameters" is a mapping; write it as text ("hyperparameters: |" and the lines below)'
    )
    expect(() => parseInputsFile('- device\n', 'list.yml')).toThrow('list.yml: expected a mapping of input names')
  })
})

describe('npm run local', () => {
  it('runs the action on the inputs given, follows the job, and keeps its results, summary and outputs', async () => {
    mkdirSync('.scratch', { recursive: true })
    const dir = await mkdtemp(resolve('.scratch', 'run-local-'))
    cleanup.push(dir)
    writeFileSync(join(dir, 'mine.yml'), 'with:\n  hyperparameters: |\n    shots: 200\n    iterations: 3\n    seed: 5\n')
    const { NODE_OPTIONS: _jestNodeOptions, ...env } = process.env
    const run = spawnSync('npm', ['run', '--silent', 'local', '--', '--inputs', 'mine.yml'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 120_000
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const kept = /^Kept in (.+):$/m.exec(run.stdout)?.[1]
    expect(kept).toBeDefined()
    cleanup.push(kept!)

    const outputs = JSON.parse(readFileSync(join(kept!, 'outputs.json'), 'utf8'))
    expect(outputs).toMatchObject({ status: 'COMPLETED', 'results-dir': join(kept!, 'workspace', 'results') })
    const results = JSON.parse(readFileSync(join(kept!, 'workspace', 'results', 'results.json'), 'utf8'))
    expect(results.history).toHaveLength(3)
    expect(readFileSync(join(kept!, 'step-summary.md'), 'utf8')).toContain('xychart-beta')
    expect(existsSync(join(kept!, 'workspace', 'examples', 'algorithms', 'vqe', 'main.py'))).toBe(true)

    // A second run of the same step compares itself with the first, its baseline.
    const second = JSON.parse(readFileSync(join(kept!, 'second-outputs.json'), 'utf8'))
    const comparison = JSON.parse(second.comparison)
    expect(comparison.baseline).toMatchObject({ ref: 'main', jobArn: outputs['job-arn'] })
    expect(comparison.metrics.cost).toMatchObject({ baseline: JSON.parse(outputs.metrics).cost, value: JSON.parse(second.metrics).cost })
    expect(run.stdout).toMatch(/The second run, compared with the first \(its baseline\):\n {2}cost +-?[\d.]+ → -?[\d.]+/)
  })
})
