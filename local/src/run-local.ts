// `npm run local`: a newcomer's first run. Starts the local AWS stand-in, then runs
// the bundled action against it on the example algorithm, the way a workflow would:
// OIDC token → role → archive → S3 → Braket CreateJob.
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { githubEnv, runAction } from './run-action.js'
import { start } from './stand-in.js'

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
const identity = githubEnv({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_RUN_ID: String(Date.now()) })

const standIn = await start({ mode: 'execute', githubEnv: identity })
const workspace = await mkdtemp(join(tmpdir(), 'braket-local-'))
try {
  await cp(join(repositoryRoot, 'examples'), join(workspace, 'examples'), { recursive: true })
  const { ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN, AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, ...aws } = standIn.env
  console.log(`Local AWS stand-in: ${Object.entries(standIn.endpoints).map(([service, url]) => `${service} ${url}`).join(', ')}\n`)
  const run = await runAction({
    workspace,
    env: { ...identity, ...aws, ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN },
    inputs: {
      'role-to-assume': 'arn:aws:iam::123456789012:role/github-braket-submit',
      'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
      device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
      'source-dir': 'examples/algorithms/vqe',
      'entry-point': 'vqe.main:run',
      hyperparameters: 'shots: 400\niterations: 12\nlearning_rate: 0.4'
    },
    timeoutMs: 10 * 60_000
  })
  process.stdout.write(run.stdout)
  process.stderr.write(run.stderr)
  console.log('\nOutputs:')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name.padEnd(26)} ${value}`)
  process.exitCode = run.exitCode ?? 1
} finally {
  await rm(workspace, { recursive: true, force: true })
  await standIn.stop()
}
