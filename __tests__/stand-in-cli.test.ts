// `npm run stand-in`: serves until interrupted and prints what a shell needs.
import { describe, expect, it } from '@jest/globals'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { spawn } from 'node:child_process'
import { once } from 'node:events'

function exportsOf(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const match of text.matchAll(/^export ([A-Z0-9_]+)='((?:[^']|'\\'')*)'$/gm)) values[match[1]!] = match[2]!.replace(/'\\''/g, "'")
  return values
}

describe('the stand-in CLI', () => {
  it('prints export lines that point an AWS client at it, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/src/cli.ts', '--mode', 'scripted'], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const serving = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => chunk.toString().includes('Ctrl-C to stop') && resolve())
    )
    await serving

    const variables = exportsOf(stdout)
    for (const name of [
      'AWS_ENDPOINT_URL_S3',
      'AWS_ENDPOINT_URL_BRAKET',
      'AWS_ENDPOINT_URL_STS',
      'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
      'AWS_REGION',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
    ]) {
      expect(variables[name]).toBeTruthy()
    }
    for (const name of Object.keys(variables).filter((n) => n.startsWith('AWS_ENDPOINT_URL_')))
      expect(variables[name]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    const sts = new STSClient({
      region: variables.AWS_REGION,
      endpoint: variables.AWS_ENDPOINT_URL_STS,
      credentials: { accessKeyId: variables.AWS_ACCESS_KEY_ID!, secretAccessKey: variables.AWS_SECRET_ACCESS_KEY! }
    })
    const caller = await sts.send(new GetCallerIdentityCommand({}))
    expect(caller.Account).toBe('123456789012')
    sts.destroy()

    child.kill('SIGINT')
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
  })
})
