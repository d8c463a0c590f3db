// The bundled action as its own process against the stand-in: the source is
// digested first and compressed into S3 only when its key is new; an unchanged
// tree costs one HeadObject; names that are not UTF-8 are archived byte for
// byte; a fault on the multipart calls never leaves an upload open; and the
// job container unpacks and runs what was uploaded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { cp, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubEnv, runAction, type ActionRun } from '../local/src/run-action.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'
import { useStandIn } from './support/stand-in-fixture.js'
import { exampleWorkspace } from './support/workspace.js'

const MiB = 1024 * 1024
const BUCKET = 'amazon-braket-us-west-2-123456789012'
const inputs = {
  'aws-region': 'us-west-2',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
  device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
  'source-dir': 'algorithms/vqe',
  'entry-point': 'vqe.main:run'
}

let standIn: StandIn
let runId = 7100

useStandIn((fixture) => {
  standIn = fixture.standIn
  standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
})

function submit(workspace: string, options: { runId?: number; inputs?: Record<string, string> } = {}): Promise<ActionRun> {
  return runAction({
    workspace,
    inputs: { ...inputs, ...options.inputs },
    env: { ...githubEnv({ GITHUB_RUN_ID: String(options.runId ?? ++runId) }), ...standIn.env }
  })
}

/** The example plus data that does not compress: an archive of several 8 MiB parts. */
async function largeWorkspace(): Promise<string> {
  const workspace = await exampleWorkspace()
  await writeFile(join(workspace, 'algorithms/vqe/weights.bin'), randomBytes(12 * MiB))
  await writeFile(join(workspace, 'channel.bin'), randomBytes(9 * MiB))
  return workspace
}

function s3(): S3Client {
  return new S3Client({
    region: 'us-west-2',
    endpoint: standIn.env.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
    credentials: STATIC_CREDENTIALS
  })
}

async function openUploads(): Promise<number> {
  const client = s3()
  try {
    return (await client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }))).Uploads?.length ?? 0
  } finally {
    client.destroy()
  }
}

/** S3 calls of the source and the input data (each run's experiment record is written besides them). */
const calls = (operation: string) =>
  standIn.requests.of('s3', operation).filter((request) => !request.path.includes('/experiments/')).length

describe('the source is compressed and uploaded only when its content address is new', () => {
  it('streams a new tree into a multipart upload, input data too; another checkout of it costs one HeadObject', async () => {
    const workspace = await largeWorkspace()
    const first = await submit(workspace, { inputs: { 'input-data': 'weights: channel.bin' } })
    expect(first.exitCode).toBe(0)
    const sourceKey = /^s3:\/\/[^/]+\/(jobs\/sources\/[0-9a-f]{64}\/source\.tar\.gz)$/.exec(first.outputs['source-s3-uri']!)![1]!
    const parts = standIn.requests.of('s3', 'UploadPart')
    // Parts of S3's minimum, 5 MiB: the least memory, and these bodies are far from needing 10,000 of them.
    expect(parts.filter((r) => r.path.includes(sourceKey)).length).toBe(3)
    expect(parts.filter((r) => r.path.includes('/jobs/inputs/')).length).toBe(2) // the 9 MiB channel file: the same upload path
    expect(first.stdout).toMatch(/source object +s3:\/\/\S+ \(uploaded: 12(\.\d)? MiB in 3 parts\)/)
    expect(standIn.objects.head(BUCKET, sourceKey)!.size).toBeLessThan(12 * MiB + 64 * 1024)

    // Another checkout of the same files (other mtimes, other directory): same key, nothing compressed or sent.
    const again = await mkdtemp(join(tmpdir(), 'workspace-'))
    await cp(workspace, again, { recursive: true })
    standIn.requests.clear()
    const second = await submit(again, { inputs: { 'input-data': 'weights: channel.bin' } })
    expect(second.exitCode).toBe(0)
    expect(second.outputs['source-s3-uri']).toBe(first.outputs['source-s3-uri'])
    expect(second.stdout).toContain('already there: same content, not uploaded again')
    for (const operation of ['PutObject', 'CreateMultipartUpload', 'UploadPart']) expect(calls(operation)).toBe(0)
    expect(calls('HeadObject')).toBe(2) // the source and the channel file
    await rm(again, { recursive: true, force: true })
  })

  it('gives the same key and client token to a re-executed step, which attaches to its job', async () => {
    const workspace = await exampleWorkspace()
    const first = await submit(workspace, { runId: 7001 })
    await utimes(join(workspace, 'algorithms/vqe/main.py'), new Date('2031-01-01'), new Date('2031-01-01')) // a fresh checkout's times
    const again = await submit(workspace, { runId: 7001 })
    expect(again.exitCode).toBe(0)
    expect(again.outputs['client-token']).toBe(first.outputs['client-token'])
    expect(again.outputs['job-arn']).toBe(first.outputs['job-arn'])
  })

  it('dry run: prints the key from the digest, compresses and calls nothing', async () => {
    const workspace = await largeWorkspace()
    const dry = await submit(workspace, { inputs: { 'dry-run': 'true' } })
    expect(dry.exitCode).toBe(0)
    expect(dry.outputs['source-s3-uri']).toMatch(
      /^s3:\/\/amazon-braket-us-west-2-\{account-id\}\/jobs\/sources\/[0-9a-f]{64}\/source\.tar\.gz$/
    )
    expect(standIn.requests.records).toEqual([])
  })

  it('archives a file whose name is not valid UTF-8 byte for byte, instead of failing on it', async () => {
    const workspace = await exampleWorkspace()
    const name = Buffer.concat([Buffer.from('latin1_'), Buffer.from([0xe9]), Buffer.from('.txt')])
    await writeFile(Buffer.concat([Buffer.from(join(workspace, 'algorithms/vqe/')), name]), 'caf\xe9\n')
    const run = await submit(workspace)
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain('ENOENT')
    const key = run.outputs['source-s3-uri']!.replace(`s3://${BUCKET}/`, '')
    const chunks: Buffer[] = []
    for await (const chunk of standIn.objects.read(BUCKET, key)) chunks.push(chunk as Buffer)
    const archive = join(workspace, 'downloaded.tar.gz')
    await writeFile(archive, Buffer.concat(chunks))
    const names = execFileSync(
      'python3',
      ['-c', 'import os,sys,tarfile\nfor n in tarfile.open(sys.argv[1]).getnames(): print(os.fsencode(n).hex())', archive],
      {
        encoding: 'utf8'
      }
    )
    expect(names.split('\n')).toContain(Buffer.concat([Buffer.from('vqe/'), name]).toString('hex'))
  })
})

describe('faults on the multipart calls', () => {
  it('leaves no upload open when S3 never answers CreateMultipartUpload, and names the call and what to do', async () => {
    standIn.faults.add({ service: 's3', operation: 'CreateMultipartUpload', kind: 'commit-then-drop', times: 20 })
    const run = await submit(await largeWorkspace())
    expect(run.exitCode).toBe(1)
    const key = 'jobs/sources/[0-9a-f]{64}/source\\.tar\\.gz'
    expect(run.stdout).toMatch(
      new RegExp(`::error::S3 CreateMultipartUpload \\(s3://${BUCKET}/${key}\\) failed after 6 attempts: .*re-run the step`)
    )
    expect(calls('CreateMultipartUpload')).toBe(6)
    standIn.faults.clear()
    expect(await openUploads()).toBe(0)
    expect(standIn.requests.of('braket', 'CreateJob')).toEqual([])
  })

  it('succeeds when the CompleteMultipartUpload answer is lost, and when a CreateMultipartUpload answer was lost once', async () => {
    standIn.faults.add({ service: 's3', operation: 'CompleteMultipartUpload', kind: 'commit-then-drop', times: 1 })
    standIn.faults.add({ service: 's3', operation: 'CreateMultipartUpload', kind: 'commit-then-drop', times: 1 })
    const run = await submit(await largeWorkspace())
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('cleaned up')
    expect(await openUploads()).toBe(0)
    expect(standIn.requests.of('braket', 'CreateJob').length).toBe(1)
  })
})

describe('the job container runs what was uploaded', () => {
  let executing: StandIn
  beforeAll(async () => {
    executing = await start({ mode: 'execute' })
  })
  afterAll(async () => executing?.stop())

  it('unpacks the parallel-gzip archive (text, random data, many blocks) and finds every file intact', async () => {
    const workspace = await exampleWorkspace()
    const dir = join(workspace, 'algorithms/vqe')
    const files: Record<string, Buffer> = {
      'notes.txt': Buffer.from('theta = 0.5\n'.repeat(200_000)),
      'noise.bin': randomBytes(3 * MiB)
    }
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content)
    const expected = Object.fromEntries(
      Object.entries(files).map(([name, content]) => [name, createHash('sha256').update(content).digest('hex')])
    )
    await writeFile(
      join(dir, 'check.py'),
      [
        'import hashlib, json, os',
        `EXPECTED = json.loads('${JSON.stringify(expected)}')`,
        'def run():',
        '    here = os.path.dirname(__file__)',
        '    for name, digest in EXPECTED.items():',
        "        with open(os.path.join(here, name), 'rb') as f: assert hashlib.sha256(f.read()).hexdigest() == digest, name",
        "    print(f'verified {len(EXPECTED)} files', flush=True)"
      ].join('\n')
    )
    const run = await runAction({
      workspace,
      inputs: { ...inputs, 'entry-point': 'vqe.check:run', wait: 'true' },
      env: { ...githubEnv({ GITHUB_RUN_ID: String(++runId) }), ...executing.env, BRAKET_ACTION_POLL_INTERVAL_MS: '50,200' },
      timeoutMs: 90_000
    })
    expect(run.stdout).toContain('verified 2 files')
    expect(run.outputs.status).toBe('COMPLETED')
    expect(run.exitCode).toBe(0)
  })
})
