// The job's log across polls: stream names, time order across instances, and no
// line twice or lost — against an in-memory CloudWatch Logs behind the SDK client.
import { describe, expect, it } from '@jest/globals'
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  type GetLogEventsCommandInput
} from '@aws-sdk/client-cloudwatch-logs'
import { mockClient } from 'aws-sdk-client-mock'
import { LogFollower, LogsUnavailableError } from '../src/follow/log-follower.js'
import { instanceOf, logStreamPrefix, mergeByTime, type LogLine } from '../src/follow/log-streams.js'

const ARN = 'arn:aws:braket:us-west-2:123456789012:job/5f0c7a9e-1234-4cde-8f00-123456789abc'
const PREFIX = 'vqe-run/5f0c7a9e-1234-4cde-8f00-123456789abc/'

class Failure extends Error {
  constructor(name: string) {
    super(`${name} (injected)`)
    this.name = name
  }
}

/** CloudWatch Logs' forward-token behaviour, in memory: `f/<n>` means "after event n"; at the end the same token comes back. */
function fakeLogs(pageSize = 2) {
  const streams = new Map<string, Array<{ timestamp: number; message: string }>>()
  const failures: Array<{ operation: string; name: string }> = []
  const client = new CloudWatchLogsClient({ region: 'us-west-2', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } })
  const mock = mockClient(client)
  const failNext = (operation: string) => {
    const index = failures.findIndex((f) => f.operation === operation)
    if (index >= 0) throw new Failure(failures.splice(index, 1)[0]!.name)
  }
  mock.on(DescribeLogStreamsCommand).callsFake((input: { logStreamNamePrefix?: string }) => {
    failNext('DescribeLogStreams')
    if (streams.size === 0) throw new Failure('ResourceNotFoundException')
    return {
      logStreams: [...streams.keys()]
        .filter((name) => name.startsWith(input.logStreamNamePrefix ?? ''))
        .map((logStreamName) => ({ logStreamName }))
    }
  })
  mock.on(GetLogEventsCommand).callsFake((input: GetLogEventsCommandInput) => {
    failNext('GetLogEvents')
    const events = streams.get(input.logStreamName!) ?? []
    const after = input.nextToken ? Number(input.nextToken.slice(2)) : 0
    const page = events.slice(after, after + pageSize)
    return { events: page, nextForwardToken: `f/${after + page.length}`, nextBackwardToken: `b/${after}` }
  })
  return {
    client,
    mock,
    write(stream: string, timestamp: number, message: string) {
      streams.set(stream, [...(streams.get(stream) ?? []), { timestamp, message }])
    },
    fail(operation: string, name: string) {
      failures.push({ operation, name })
    }
  }
}

const text = (lines: LogLine[]) => lines.map((line) => `${line.instance}:${line.message}`)

describe('where the logs are', () => {
  it('uses <jobName>/<job id>/ for today’s ARNs and <jobName>/ for old ones that end in the name', () => {
    expect(logStreamPrefix(ARN, 'vqe-run')).toBe(PREFIX)
    expect(logStreamPrefix('arn:aws:braket:us-west-2:123456789012:job/vqe-run', 'vqe-run')).toBe('vqe-run/')
  })

  it('names the instance after the stream', () => {
    expect(instanceOf(`${PREFIX}algo-2-1700000000`)).toBe('algo-2')
    expect(instanceOf('vqe-run/algo-1-1700000000')).toBe('algo-1')
  })
})

describe('mergeByTime', () => {
  it('orders lines of several instances by time, never reordering one instance’s own lines', () => {
    const a = [
      { timestamp: 10, message: 'a1', instance: 'algo-1' },
      { timestamp: 5, message: 'a2 (clock stepped back)', instance: 'algo-1' },
      { timestamp: 30, message: 'a3', instance: 'algo-1' }
    ]
    const b = [
      { timestamp: 10, message: 'b1', instance: 'algo-2' },
      { timestamp: 20, message: 'b2', instance: 'algo-2' }
    ]
    expect(text(mergeByTime([b, a]))).toEqual(['algo-1:a1', 'algo-1:a2 (clock stepped back)', 'algo-2:b1', 'algo-2:b2', 'algo-1:a3'])
  })
})

describe('LogFollower', () => {
  it('finds every instance’s stream as it appears and reads each line exactly once across polls', async () => {
    const logs = fakeLogs()
    const follower = new LogFollower(logs.client, { jobArn: ARN, jobName: 'vqe-run', instanceCount: 2 })
    expect((await follower.read()).lines).toEqual([])

    logs.write(`${PREFIX}algo-1-1700`, 1, 'one a')
    logs.write(`${PREFIX}algo-1-1700`, 3, 'one b')
    logs.write(`${PREFIX}algo-1-1700`, 5, 'one c')
    // Another job's stream with the same name prefix but another id is not ours.
    logs.write('vqe-run/ffffffff-0000-0000-0000-000000000000/algo-1-1700', 2, 'someone else')
    expect(text((await follower.read()).lines)).toEqual(['algo-1:one a', 'algo-1:one b', 'algo-1:one c'])

    logs.write(`${PREFIX}algo-2-1700`, 4, 'two a')
    logs.write(`${PREFIX}algo-1-1700`, 6, 'one d')
    expect(text((await follower.read()).lines)).toEqual(['algo-2:two a', 'algo-1:one d'])
    expect((await follower.read()).lines).toEqual([])
    expect(follower.streamCount).toBe(2)
    // Both streams known: no more looking for streams.
    const describes = logs.mock.commandCalls(DescribeLogStreamsCommand).length
    await follower.read()
    expect(logs.mock.commandCalls(DescribeLogStreamsCommand)).toHaveLength(describes)
  })

  it('keeps what it read when a stream fails part-way, and continues from there next poll', async () => {
    const logs = fakeLogs(1)
    const follower = new LogFollower(logs.client, { jobArn: ARN, jobName: 'vqe-run', instanceCount: 1 })
    for (let index = 1; index <= 3; index++) logs.write(`${PREFIX}algo-1-1700`, index, `line ${index}`)
    await follower.read()
    for (let index = 4; index <= 6; index++) logs.write(`${PREFIX}algo-1-1700`, index, `line ${index}`)
    // The third page of this poll is throttled beyond the SDK's retries.
    let calls = 0
    logs.mock.on(GetLogEventsCommand).callsFake((input: GetLogEventsCommandInput) => {
      calls += 1
      if (calls === 3) throw new Failure('ThrottlingException')
      const after = Number(input.nextToken!.slice(2))
      const page = after < 6 ? [{ timestamp: after + 1, message: `line ${after + 1}` }] : []
      return { events: page, nextForwardToken: `f/${after + page.length}` }
    })
    const partial = await follower.read()
    expect(partial.lines.map((line) => line.message)).toEqual(['line 4', 'line 5'])
    expect(partial.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^CloudWatch Logs GetLogEvents \(log group \/aws\/braket\/jobs\) failed: ThrottlingException/)
    ])
    expect((await follower.read()).lines.map((line) => line.message)).toEqual(['line 6'])
  })

  it('says what permission is missing when the logs are denied', async () => {
    const logs = fakeLogs()
    logs.write(`${PREFIX}algo-1-1700`, 1, 'x')
    logs.fail('DescribeLogStreams', 'AccessDeniedException')
    const follower = new LogFollower(logs.client, { jobArn: ARN, jobName: 'vqe-run', instanceCount: 1 })
    const denied = await follower.read().catch((error: unknown) => error)
    expect(denied).toBeInstanceOf(LogsUnavailableError)
    expect((denied as Error).message).toContain(
      'Allow logs:DescribeLogStreams and logs:GetLogEvents on arn:aws:logs:*:*:log-group:/aws/braket/jobs:*'
    )
  })
})
