import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractTarGz } from '../src/archive/safe-extract.js'
import { CANCELLED_REASON, FAILURE_FILE_VARIABLE, runPythonJob, type JobRunContext } from '../local/src/braket/python-job-runner.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'
import { tarGz } from './support/tar-gz.js'

const BUCKET = 'amazon-braket-stand-in-test'
const GROUP = '/aws/braket/jobs'
const DEVICE = 'arn:aws:braket:::device/quantum-simulator/amazon/sv1'

let standIn: StandIn
let scratch: string

beforeAll(async () => {
  standIn = await start({ mode: 'execute' })
  standIn.objects.createBucket(BUCKET, standIn.state.options.accountId, standIn.state.options.region)
  scratch = await mkdtemp(join(tmpdir(), 'stand-in-execute-'))
})

afterAll(async () => {
  await standIn.stop()
  await rm(scratch, { recursive: true, force: true })
})

/** An algorithm archive of the given files. */
const sourceArchive = (files: Record<string, string>) => tarGz(Object.entries(files).map(([name, content]) => ({ name, content })))

interface Job {
  context: JobRunContext
  lines: string[]
  streamName: string
  outputKey: string
}

/** A CreateJob body and a context as the Braket service would hand them to the runner. */
async function job(options: {
  source: Buffer
  sourceName?: string
  entryPoint: string
  compressionType?: 'GZIP' | 'NONE'
  hyperParameters?: Record<string, string>
  inputDataConfig?: unknown[]
}): Promise<Job> {
  const jobId = randomUUID()
  const jobName = `execute-${jobId.slice(0, 8)}`
  const sourceKey = `jobs/${jobName}/script/${options.sourceName ?? 'source.tar.gz'}`
  await standIn.objects.write(BUCKET, sourceKey, options.source)
  const { region, accountId } = standIn.state.options
  const logStreamPrefix = `${jobName}/${jobId}/`
  const lines: string[] = []
  const streamName = `${logStreamPrefix}algo-1-${Date.now()}`
  const request: Record<string, unknown> = {
    clientToken: randomUUID(),
    jobName,
    roleArn: `arn:aws:iam::${accountId}:role/BraketJobRole`,
    algorithmSpecification: {
      scriptModeConfig: {
        entryPoint: options.entryPoint,
        s3Uri: `s3://${BUCKET}/${sourceKey}`,
        compressionType: options.compressionType ?? 'GZIP'
      }
    },
    outputDataConfig: { s3Path: `s3://${BUCKET}/jobs/${jobName}/data` },
    checkpointConfig: { s3Uri: `s3://${BUCKET}/jobs/${jobName}/checkpoints` },
    instanceConfig: { instanceType: 'ml.m5.large', volumeSizeInGb: 30, instanceCount: 1 },
    deviceConfig: { device: DEVICE },
    ...(options.hyperParameters ? { hyperParameters: options.hyperParameters } : {}),
    ...(options.inputDataConfig ? { inputDataConfig: options.inputDataConfig } : {})
  }
  const context: JobRunContext = {
    state: standIn.state,
    jobArn: `arn:aws:braket:${region}:${accountId}:job/${jobId}`,
    jobId,
    jobName,
    request,
    logStreamPrefix,
    appendLog(instance, appended) {
      expect(instance).toBe(1)
      lines.push(...appended)
      standIn.logs.append(GROUP, streamName, appended)
    }
  }
  return { context, lines, streamName, outputKey: `jobs/${jobName}/data/output/model.tar.gz` }
}

async function downloadResults(outputKey: string): Promise<string> {
  const dir = await mkdtemp(join(scratch, 'results-'))
  await extractTarGz(standIn.objects.read(BUCKET, outputKey), dir)
  return dir
}

const ALGO_MAIN = `
import json
import os
import sys
import time


def run(iterations: int, learning_rate: float, label, verbose: bool):
    print(f"starting {os.environ['AMZN_BRAKET_JOB_NAME']} on {os.environ['AMZN_BRAKET_DEVICE_ARN']}")
    print("types", type(iterations).__name__, type(learning_rate).__name__, type(label).__name__, verbose)
    print(f"Metrics - timestamp={time.time()}; iteration=1; cost=-1.2;")
    shown = ("AMZN_BRAKET_", "AWS_ACCESS_KEY_ID")
    print("environment", json.dumps({name: value for name, value in os.environ.items() if name.startswith(shown)}))
    print("working directory holds the source:", os.path.exists(os.path.join("algo", "main.py")))
    with open(os.path.join(os.environ["AMZN_BRAKET_INPUT_DIR"], "data", "values.json")) as f:
        values = json.load(f)
    with open(os.path.join(os.environ["AMZN_BRAKET_JOB_RESULTS_DIR"], "results.json"), "w") as f:
        json.dump({"iterations": iterations * 2, "learning_rate": learning_rate, "label": label, "values": values}, f)
    with open(os.path.join(os.environ["AMZN_BRAKET_CHECKPOINT_DIR"], "checkpoint.json"), "w") as f:
        json.dump({"step": iterations}, f)
    print("done, said stderr", file=sys.stderr)
`

// Python takes a second or two to start on some machines: the jobs run side by side.
describe('runPythonJob', () => {
  test.concurrent('runs module:function with typed hyperparameters, streams its output, uploads results and checkpoints', async () => {
    await standIn.objects.write(BUCKET, 'inputs/training/values.json', Buffer.from('[1, 2, 3]'))
    const { context, lines, outputKey } = await job({
      source: await sourceArchive({ 'algo/__init__.py': '', 'algo/main.py': ALGO_MAIN }),
      entryPoint: 'algo.main:run',
      // `verbose` shows the container's cast as it is: bool("False") is True.
      hyperParameters: { iterations: '5', learning_rate: '0.25', label: 'first', verbose: 'False' },
      inputDataConfig: [{ channelName: 'data', dataSource: { s3DataSource: { s3Uri: `s3://${BUCKET}/inputs/training/` } } }]
    })

    const outcome = await runPythonJob(context).finished
    expect(outcome).toEqual({ outcome: 'COMPLETED' })

    expect(lines).toContain(`starting ${context.jobName} on ${DEVICE}`)
    expect(lines).toContain('types int float str True')
    expect(lines.some((line) => /^Metrics - timestamp=\d+(\.\d+)?; iteration=1; cost=-1\.2;$/.test(line))).toBe(true)
    expect(lines).toContain('working directory holds the source: True')
    expect(lines).toContain('done, said stderr')
    // stdout and stderr are separate pipes, so only each one's own order is certain.
    expect(lines.indexOf('Beginning Setup')).toBeLessThan(lines.indexOf('Running Code As Process'))
    expect(lines.indexOf('Running Code As Process')).toBeLessThan(lines.indexOf('Code Run Finished'))

    const environment = JSON.parse(lines.find((line) => line.startsWith('environment '))!.slice('environment '.length)) as Record<
      string,
      string
    >
    expect(environment).toMatchObject({
      AMZN_BRAKET_JOB_NAME: context.jobName,
      AMZN_BRAKET_DEVICE_ARN: DEVICE,
      AMZN_BRAKET_OUT_S3_BUCKET: BUCKET,
      AMZN_BRAKET_SCRIPT_ENTRY_POINT: 'algo.main:run',
      AMZN_BRAKET_SCRIPT_COMPRESSION_TYPE: 'GZIP',
      AMZN_BRAKET_SCRIPT_S3_URI: `s3://${BUCKET}/jobs/${context.jobName}/script/source.tar.gz`,
      AMZN_BRAKET_TASK_RESULTS_S3_URI: `s3://${BUCKET}/jobs/${context.jobName}/tasks`
    })
    // The job runs as its role, with credentials the stand-in's STS issued, not the caller's.
    expect(environment.AWS_ACCESS_KEY_ID).not.toBe(STATIC_CREDENTIALS.accessKeyId)
    expect(standIn.credentials.lookup(environment.AWS_ACCESS_KEY_ID!)?.arn).toContain(':assumed-role/BraketJobRole/')

    const results = await downloadResults(outputKey)
    expect(JSON.parse(await readFile(join(results, 'results.json'), 'utf8'))).toEqual({
      iterations: 10,
      learning_rate: 0.25,
      label: 'first',
      values: [1, 2, 3]
    })
    expect(standIn.objects.exists(BUCKET, `jobs/${context.jobName}/checkpoints/checkpoint.json`)).toBe(true)
    expect(existsSync(join(standIn.state.options.dataDir, 'job-workspaces', context.jobId))).toBe(false)
  })

  test.concurrent('a bare module runs as __main__; with compression NONE the single file is used as is', async () => {
    const script = [
      'import os',
      'if __name__ == "__main__":',
      '    print("ran as", __name__)',
      '    with open(os.path.join(os.environ["AMZN_BRAKET_JOB_RESULTS_DIR"], "results.json"), "w") as f:',
      '        f.write("{\\"main\\": true}")'
    ].join('\n')
    const { context, lines, outputKey } = await job({
      source: Buffer.from(script),
      sourceName: 'standalone.py',
      entryPoint: 'standalone',
      compressionType: 'NONE'
    })

    expect(await runPythonJob(context).finished).toEqual({ outcome: 'COMPLETED' })
    expect(lines).toContain('ran as __main__')
    const results = await downloadResults(outputKey)
    expect(JSON.parse(await readFile(join(results, 'results.json'), 'utf8'))).toEqual({ main: true })
  })

  test.concurrent('an uncaught exception fails the job with its type and message, and logs the traceback', async () => {
    const { context, lines, outputKey } = await job({
      source: await sourceArchive({
        'algo/__init__.py': '',
        'algo/main.py': 'def run():\n    raise ValueError("angle out of range: 7.5")\n'
      }),
      entryPoint: 'algo.main:run'
    })
    const outcome = await runPythonJob(context).finished
    expect(outcome.outcome).toBe('FAILED')
    expect(outcome.failureReason).toBe('ValueError: angle out of range: 7.5')
    expect(lines).toContain('Traceback (most recent call last):')
    expect(lines).toContain('ValueError: angle out of range: 7.5')
    expect(lines).not.toContain('Code Run Finished')
    // Results are uploaded whatever the outcome.
    expect(standIn.objects.exists(BUCKET, outputKey)).toBe(true)
  })

  test.concurrent('text written to the failure file fails the job even when it exits 0; a non-zero exit fails it too', async () => {
    const writesFailure = await job({
      source: await sourceArchive({
        'algo/__init__.py': '',
        'algo/main.py':
          `import os\ndef run():\n    with open(os.environ["${FAILURE_FILE_VARIABLE}"], "w") as f:\n        f.write("QPU ` +
          `unavailable: retry later\\n")\n    print("reported")\n`
      }),
      entryPoint: 'algo.main:run'
    })
    expect(await runPythonJob(writesFailure.context).finished).toEqual({ outcome: 'FAILED', failureReason: 'QPU unavailable: retry later' })
    expect(writesFailure.lines).toContain('reported')

    const exits = await job({
      source: await sourceArchive({ 'quits.py': 'import sys\nprint("quitting")\nsys.exit(3)\n' }),
      entryPoint: 'quits'
    })
    expect(await runPythonJob(exits.context).finished).toEqual({
      outcome: 'FAILED',
      failureReason: 'Job at quits exited with exit code: 3'
    })
  })

  test.concurrent('string annotations are called as the container calls them; requirements files are noted, not installed', async () => {
    const { context, lines } = await job({
      source: await sourceArchive({
        'algo/__init__.py': '',
        'algo/requirements.txt': 'numpy\n',
        'algo/main.py': 'from __future__ import annotations\ndef run(shots: int):\n    print("ran with", shots)\n'
      }),
      entryPoint: 'algo.main:run',
      hyperParameters: { shots: '5' }
    })
    const outcome = await runPythonJob(context).finished
    expect(outcome).toEqual({ outcome: 'FAILED', failureReason: "TypeError: 'str' object is not callable" })
    expect(lines).toContain('algo/requirements.txt: not installed by the local stand-in')
    expect(lines.some((line) => line.startsWith('ran with'))).toBe(false)
  })

  test.concurrent('a source archive that reaches outside fails the job before anything runs', async () => {
    const { context, lines } = await job({ source: await sourceArchive({ '../escape.py': 'print("escaped")' }), entryPoint: 'escape' })
    const outcome = await runPythonJob(context).finished
    expect(outcome.outcome).toBe('FAILED')
    expect(outcome.failureReason).toMatch(
      /^Got an exception while trying to unpack archive: .* of type: GZIP\.\nException: unsafe archive entry "..\/escape.py"/
    )
    expect(lines).not.toContain('escaped')
    expect(lines).not.toContain('Beginning Setup')
  })

  test.concurrent('the checkpoint directory is filled before the entry point starts and synced while it runs', async () => {
    const { context, lines } = await job({
      source: await sourceArchive({
        'saver.py': [
          'import json, os, time',
          'directory = os.environ["AMZN_BRAKET_CHECKPOINT_DIR"]',
          'print("restored:", sorted(os.listdir(directory)), flush=True)',
          'with open(os.path.join(directory, "progress.json"), "w") as f:',
          '    json.dump({"step": 1}, f)',
          'time.sleep(30)'
        ].join('\n')
      }),
      entryPoint: 'saver'
    })
    const prefix = `jobs/${context.jobName}/checkpoints`
    await standIn.objects.write(BUCKET, `${prefix}/earlier.json`, Buffer.from('{"from": "an earlier job"}'))
    const restored = standIn.objects.head(BUCKET, `${prefix}/earlier.json`)!.lastModified
    const run = runPythonJob(context)
    let ended = false
    void run.finished.then(() => (ended = true))
    const deadline = Date.now() + 15_000
    while (!standIn.objects.exists(BUCKET, `${prefix}/progress.json`) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    // In S3 while the job still runs.
    expect(standIn.objects.exists(BUCKET, `${prefix}/progress.json`)).toBe(true)
    expect(ended).toBe(false)
    expect(lines).toContain("restored: ['earlier.json']")
    run.cancel()
    await run.finished
    // A stopped job keeps what it saved; what it restored and did not change is not uploaded back.
    expect(standIn.objects.exists(BUCKET, `${prefix}/progress.json`)).toBe(true)
    expect(standIn.objects.head(BUCKET, `${prefix}/earlier.json`)!.lastModified).toEqual(restored)
  })

  test.concurrent('cancel() stops a sleeping job that a follower sees running', async () => {
    const { context, lines, streamName } = await job({
      source: await sourceArchive({ 'sleeper.py': 'import time\nprint("going to sleep")\ntime.sleep(30)\nprint("woke up")\n' }),
      entryPoint: 'sleeper'
    })
    const run = runPythonJob(context)
    const logs = new CloudWatchLogsClient({
      region: standIn.state.options.region,
      endpoint: standIn.endpoints.logs,
      credentials: { accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: STATIC_CREDENTIALS.secretAccessKey }
    })
    // Follow the job's stream as the action would, until the line printed before the sleep shows up.
    let token: string | undefined
    const seen: string[] = []
    const deadline = Date.now() + 10_000
    while (!seen.includes('going to sleep') && Date.now() < deadline) {
      if (standIn.logs.stream(GROUP, streamName)) {
        const page = await logs.send(
          new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: streamName, startFromHead: true, nextToken: token })
        )
        seen.push(...page.events!.map((e) => e.message!))
        token = page.nextForwardToken
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    logs.destroy()
    expect(seen).toContain('going to sleep')

    const cancelledAt = Date.now()
    run.cancel()
    expect(await run.finished).toEqual({ outcome: 'FAILED', failureReason: CANCELLED_REASON })
    expect(Date.now() - cancelledAt).toBeLessThan(5_000)
    expect(lines).not.toContain('woke up')
    expect(existsSync(join(standIn.state.options.dataDir, 'job-workspaces', context.jobId))).toBe(false)
  })
})
