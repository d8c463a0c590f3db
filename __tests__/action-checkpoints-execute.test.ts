// The example VQE really resuming: execute-mode jobs run it as the container would,
// with its checkpoint directory filled from the job's checkpoint location before it
// starts and saved back; the bundled action copies one job's checkpoints to the next.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { start, type StandIn } from '../local/src/stand-in.js'
import { follow, printedLines } from './support/follow-fixtures.js'
import { exampleWorkspace } from './support/workspace.js'

let standIn: StandIn
let workspace: string

beforeAll(async () => {
  ;[standIn, workspace] = await Promise.all([start({ mode: 'execute' }), exampleWorkspace()])
})
afterAll(async () => standIn.stop())

const local = { device: 'local:braket/braket.local.qubit', 'stream-logs': 'true' }

describe('copy-checkpoints-from-job with the example VQE', () => {
  it('the new job goes on from the iteration the earlier job saved', async () => {
    const first = await follow(standIn, workspace, { inputs: { ...local, hyperparameters: 'iterations: 6' } })
    expect(first.exitCode).toBe(0)
    expect(printedLines(first.stdout, /^iteration \d+:/)).toHaveLength(6)
    expect(first.stdout).not.toContain('resuming from iteration')

    const dir = await mkdtemp(join(tmpdir(), 'resumed-'))
    const inputs = {
      ...local,
      hyperparameters: 'iterations: 12',
      'copy-checkpoints-from-job': first.outputs['job-arn']!,
      'download-results': dir
    }
    const second = await follow(standIn, workspace, { inputs })
    expect(second.exitCode).toBe(0)
    expect(printedLines(second.stdout, /^resuming from iteration/)).toEqual(['resuming from iteration 6 (checkpoint vqe-checkpoint.json)'])
    expect(printedLines(second.stdout, /^iteration \d+:/).map((line) => Number(/^iteration (\d+)/.exec(line)![1]))).toEqual([
      6, 7, 8, 9, 10, 11
    ])
    expect(second.stdout).toMatch(/ {2}copied +1 object \(\d+(\.\d)? (B|KiB)\), server-side\n/)
    // Six iterations carried over, six run here: the whole history is in the results.
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as { history: number[] }
    expect(results.history).toHaveLength(12)
  })
})
