// CONTRIBUTING.md's "Running dist/index.js by hand", run as written there: the bundled main and post
// steps with the runner's INPUT_*, GITHUB_* and STATE_* variables, against the stand-in on 127.0.0.1.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { blockWith } from './support/doc-blocks.js'

let scratch: string | undefined

afterAll(() => {
  if (!scratch) return
  // A failed run may leave its background stand-in behind: stop it by its recorded pid.
  const pidFile = join(scratch, '.stand-in.pid')
  if (existsSync(pidFile)) {
    try {
      process.kill((JSON.parse(readFileSync(pidFile, 'utf8')) as { pid: number }).pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  rmSync(scratch, { recursive: true, force: true })
})

describe('running dist/index.js by hand', () => {
  it('submits with INPUT_* and GITHUB_* variables, and the post step finds the job through STATE_*', async () => {
    // "From the repository's root": a directory inside it (npm finds the package) with dist/ and the example.
    mkdirSync('.scratch', { recursive: true })
    scratch = await mkdtemp(resolve('.scratch', 'by-hand-'))
    symlinkSync(resolve('dist'), join(scratch, 'dist'))
    cpSync('examples', join(scratch, 'examples'), { recursive: true })

    const block = blockWith('CONTRIBUTING.md', 'sh', 'node dist/index.js')
    const { NODE_OPTIONS: _jestNodeOptions, ...env } = process.env
    const run = spawnSync('bash', ['-c', `set -eo pipefail\n${block}`], { cwd: scratch, env, encoding: 'utf8', timeout: 120_000 })
    expect(run.stderr).not.toMatch(/error/i)
    expect(run.status).toBe(0)

    // The outputs the main step wrote to GITHUB_OUTPUT, printed by `cat`.
    expect(run.stdout).toMatch(/^job-arn<<ghadelimiter_[\w-]+\narn:aws:braket:us-west-2:123456789012:job\/[0-9a-f-]{36}\n/m)
    expect(run.stdout).toMatch(/^status<<ghadelimiter_[\w-]+\n(QUEUED|RUNNING|COMPLETED)\n/m)
    // The credentials came from the OIDC exchange and were masked.
    expect(run.stdout).toMatch(/^::add-mask::ASIA/m)
    // The post step read the job from STATE_job-arn, and cancelled it or found it already ended.
    const jobArn = /^job-arn<<.*\n(.*)$/m.exec(run.stdout)![1]!
    expect(run.stdout).toMatch(new RegExp(`cancelling ${jobArn}|${jobArn} is (COMPLETED|FAILED): nothing to cancel`))
    expect(run.stderr).toContain('stand-in: stopped')
    expect(existsSync(join(scratch, '.stand-in.pid'))).toBe(false)
  })
})
