// `npm run stand-in`: serves the local AWS stand-in until interrupted and prints
// the variables that point the action, the AWS CLI or boto3 at it.
import { parseArgs } from 'node:util'
import { start } from './stand-in.js'

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'execute' },
    region: { type: 'string', default: 'us-west-2' },
    port: { type: 'string', default: '0' },
    help: { type: 'boolean', default: false }
  }
})

if (values.help) {
  console.log(`Usage: npm run stand-in -- [--mode execute|scripted] [--region us-west-2] [--port BASE]

Serves Braket, S3, STS, CloudWatch Logs and a GitHub OIDC issuer on 127.0.0.1 until
interrupted. With --port BASE the services listen on BASE..BASE+4; otherwise on free ports.
Prints "export NAME=value" lines: eval them in a shell, or source them.`)
  process.exit(0)
}

const mode = values.mode === 'scripted' ? 'scripted' : 'execute'
const base = Number(values.port)
const ports = base > 0 ? { s3: base, braket: base + 1, sts: base + 2, logs: base + 3, oidc: base + 4 } : undefined
const standIn = await start({ mode, region: values.region, ports })

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`
console.log(`# Local AWS stand-in (${mode} mode). Point a shell at it with: eval "$(npm run --silent stand-in)"`)
for (const [name, value] of Object.entries(standIn.env).sort()) console.log(`export ${name}=${quote(value)}`)
console.error(
  `stand-in: serving ${Object.entries(standIn.endpoints)
    .map(([service, url]) => `${service} ${url}`)
    .join(', ')}; Ctrl-C to stop`
)

const stop = async () => {
  await standIn.stop()
  process.exit(0)
}
process.once('SIGINT', () => void stop())
process.once('SIGTERM', () => void stop())
