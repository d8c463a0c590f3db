import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  paginateDescribeLogStreams,
  type GetLogEventsCommandOutput
} from '@aws-sdk/client-cloudwatch-logs'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'

const GROUP = '/aws/braket/jobs'
const credentials = { accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: STATIC_CREDENTIALS.secretAccessKey }

let standIn: StandIn
let logs: CloudWatchLogsClient

function client(overrides: Partial<ConstructorParameters<typeof CloudWatchLogsClient>[0]> = {}): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    region: standIn.state.options.region,
    endpoint: standIn.endpoints.logs,
    credentials,
    retryStrategy: new ConfiguredRetryStrategy(4, () => 10),
    ...overrides
  })
}

async function failure(
  promise: Promise<unknown>
): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number; attempts?: number } }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(Error)
  return error as { name: string; message: string; $metadata: { httpStatusCode?: number; attempts?: number } }
}

beforeAll(async () => {
  standIn = await start()
  logs = client()
})

afterAll(async () => {
  logs.destroy()
  await standIn.stop()
})

beforeEach(() => {
  standIn.faults.clear()
  standIn.requests.clear()
})

describe('DescribeLogStreams', () => {
  beforeAll(() => {
    standIn.logs.append(GROUP, 'describe-job/0001/algo-2-1700000000', ['second instance'], 2_000)
    standIn.logs.append(GROUP, 'describe-job/0001/algo-1-1700000000', ['first instance'], 3_000)
    standIn.logs.append(GROUP, 'other-job/0002/algo-1-1700000000', ['other job'], 1_000)
  })

  test('lists the streams of a job by prefix, in name order, with ARNs', async () => {
    const result = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, logStreamNamePrefix: 'describe-job/' }))
    expect(result.logStreams?.map((s) => s.logStreamName)).toEqual([
      'describe-job/0001/algo-1-1700000000',
      'describe-job/0001/algo-2-1700000000'
    ])
    const first = result.logStreams![0]!
    const { region, accountId } = standIn.state.options
    expect(first.arn).toBe(`arn:aws:logs:${region}:${accountId}:log-group:${GROUP}:log-stream:describe-job/0001/algo-1-1700000000`)
    expect(first.firstEventTimestamp).toBe(3_000)
    expect(first.lastEventTimestamp).toBe(3_000)
    expect(first.storedBytes).toBe(0)
    expect(result.nextToken).toBeUndefined()
  })

  test('pages with nextToken (the SDK paginator) and orders descending', async () => {
    const names: string[] = []
    for await (const page of paginateDescribeLogStreams(
      { client: logs, pageSize: 1 },
      { logGroupName: GROUP, logStreamNamePrefix: 'describe-job/', descending: true }
    )) {
      expect(page.logStreams!.length).toBeLessThanOrEqual(1)
      names.push(...page.logStreams!.map((s) => s.logStreamName!))
    }
    expect(names).toEqual(['describe-job/0001/algo-2-1700000000', 'describe-job/0001/algo-1-1700000000'])
    expect(standIn.requests.of('logs', 'DescribeLogStreams')).toHaveLength(2)
  })

  test('orders by last event time, and refuses that order with a prefix', async () => {
    const result = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, orderBy: 'LastEventTime' }))
    const names = result.logStreams!.map((s) => s.logStreamName)
    expect(names.indexOf('other-job/0002/algo-1-1700000000')).toBeLessThan(names.indexOf('describe-job/0001/algo-2-1700000000'))
    expect(names.indexOf('describe-job/0001/algo-2-1700000000')).toBeLessThan(names.indexOf('describe-job/0001/algo-1-1700000000'))

    const error = await failure(
      logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, orderBy: 'LastEventTime', logStreamNamePrefix: 'describe-job/' }))
    )
    expect(error.name).toBe('InvalidParameterException')
    expect(error.$metadata.httpStatusCode).toBe(400)
  })

  test('a missing log group is ResourceNotFoundException (400)', async () => {
    const error = await failure(logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/braket/nothing-here' })))
    expect(error.name).toBe('ResourceNotFoundException')
    expect(error.message).toBe('The specified log group does not exist.')
    expect(error.$metadata.httpStatusCode).toBe(400)
  })
})

describe('GetLogEvents', () => {
  const stream = 'paging-job/0003/algo-1-1700000000'
  beforeAll(() => {
    standIn.logs.append(GROUP, stream, ['line 1', 'line 2'], 10_000)
    standIn.logs.append(GROUP, stream, ['line 3', 'line 4', 'line 5'], 11_000)
  })

  test('pages forward from the head; at the end the forward token comes back unchanged', async () => {
    const messages: string[] = []
    let token: string | undefined
    let page: GetLogEventsCommandOutput
    do {
      page = await logs.send(
        new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, startFromHead: true, limit: 2, nextToken: token })
      )
      expect(page.nextForwardToken).toMatch(/^f\/\d{56}\/s$/)
      expect(page.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/)
      messages.push(...page.events!.map((e) => e.message!))
      if (page.nextForwardToken === token) break
      token = page.nextForwardToken
    } while (page.events!.length > 0 || token === undefined)
    expect(messages).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5'])
    expect(page.events).toEqual([])
  })

  test('polling again with the forward token returns only new events, without duplicates or gaps', async () => {
    const followed = 'follow-job/0004/algo-1-1700000000'
    standIn.logs.createStream(GROUP, followed)
    const empty = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: followed, startFromHead: true }))
    expect(empty.events).toEqual([])
    expect(empty.nextForwardToken).toBeDefined()

    standIn.logs.append(GROUP, followed, ['a', 'b'])
    const first = await logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: followed, startFromHead: true, nextToken: empty.nextForwardToken })
    )
    expect(first.events!.map((e) => e.message)).toEqual(['a', 'b'])

    const idle = await logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: followed, startFromHead: true, nextToken: first.nextForwardToken })
    )
    expect(idle.events).toEqual([])
    expect(idle.nextForwardToken).toBe(first.nextForwardToken)

    standIn.logs.append(GROUP, followed, ['c'])
    // Another stream's events do not move this stream's position.
    standIn.logs.append(GROUP, 'follow-job/0004/algo-2-1700000000', ['elsewhere'])
    standIn.logs.append(GROUP, followed, ['d'])
    const second = await logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: followed, startFromHead: true, nextToken: idle.nextForwardToken })
    )
    expect(second.events!.map((e) => e.message)).toEqual(['c', 'd'])
    expect(second.events![0]!.ingestionTime).toBeGreaterThan(0)
  })

  test('by default returns the latest events; the backward token reaches the earlier ones', async () => {
    const latest = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, limit: 2 }))
    expect(latest.events!.map((e) => e.message)).toEqual(['line 4', 'line 5'])
    const earlier = await logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, limit: 2, nextToken: latest.nextBackwardToken })
    )
    expect(earlier.events!.map((e) => e.message)).toEqual(['line 2', 'line 3'])
    // Forward from the latest page: nothing new yet.
    const after = await logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, startFromHead: true, nextToken: latest.nextForwardToken })
    )
    expect(after.events).toEqual([])
  })

  test('filters by time: startTime inclusive, endTime exclusive', async () => {
    const result = await logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, startFromHead: true, startTime: 10_000, endTime: 11_000 })
    )
    expect(result.events!.map((e) => e.message)).toEqual(['line 1', 'line 2'])
  })

  test('a missing stream is ResourceNotFoundException; a bad token or limit is InvalidParameterException', async () => {
    const missing = await failure(logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: 'no-such-stream' })))
    expect(missing.name).toBe('ResourceNotFoundException')
    expect(missing.message).toBe('The specified log stream does not exist.')
    expect(missing.$metadata.httpStatusCode).toBe(400)

    const badToken = await failure(logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, nextToken: 'garbage' })))
    expect(badToken.name).toBe('InvalidParameterException')

    const badLimit = await failure(logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, limit: 0 })))
    expect(badLimit.name).toBe('InvalidParameterException')
    expect(badLimit.message).toContain("at 'limit'")
  })
})

describe('FilterLogEvents', () => {
  const prefix = 'filter-job/0005/'
  beforeAll(() => {
    standIn.logs.append(GROUP, `${prefix}algo-1`, ['INFO start'], 20_000)
    standIn.logs.append(GROUP, `${prefix}algo-2`, ['INFO start'], 20_001)
    standIn.logs.append(GROUP, `${prefix}algo-1`, ['ERROR step failed'], 20_003)
    standIn.logs.append(GROUP, `${prefix}algo-2`, ['WARN slow step'], 20_002)
    standIn.logs.append(GROUP, `${prefix}algo-2`, ['ERROR retrying step'], 20_004)
  })

  test('interleaves two streams in time order', async () => {
    const result = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNamePrefix: prefix }))
    expect(result.events!.map((e) => [e.logStreamName, e.timestamp, e.message])).toEqual([
      [`${prefix}algo-1`, 20_000, 'INFO start'],
      [`${prefix}algo-2`, 20_001, 'INFO start'],
      [`${prefix}algo-2`, 20_002, 'WARN slow step'],
      [`${prefix}algo-1`, 20_003, 'ERROR step failed'],
      [`${prefix}algo-2`, 20_004, 'ERROR retrying step']
    ])
    expect(new Set(result.events!.map((e) => e.eventId)).size).toBe(5)
    expect(result.searchedLogStreams).toEqual([])
    expect(result.nextToken).toBeUndefined()
  })

  test('matches terms, phrases, alternatives and exclusions', async () => {
    const messages = async (filterPattern: string) =>
      (await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNamePrefix: prefix, filterPattern }))).events!.map(
        (e) => e.message
      )
    expect(await messages('ERROR')).toEqual(['ERROR step failed', 'ERROR retrying step'])
    expect(await messages('ERROR -retrying')).toEqual(['ERROR step failed'])
    expect(await messages('?WARN ?failed')).toEqual(['WARN slow step', 'ERROR step failed'])
    expect(await messages('"slow step"')).toEqual(['WARN slow step'])
    expect(await messages('error')).toEqual([])

    const json = await failure(logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: '{ $.level = "ERROR" }' })))
    expect(json.name).toBe('InvalidParameterException')
  })

  test('pages with nextToken, limits to named streams and time, newest first on request', async () => {
    const first = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNamePrefix: prefix, limit: 2 }))
    expect(first.events!.map((e) => e.timestamp)).toEqual([20_000, 20_001])
    const second = await logs.send(
      new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNamePrefix: prefix, limit: 2, nextToken: first.nextToken })
    )
    expect(second.events!.map((e) => e.timestamp)).toEqual([20_002, 20_003])
    const third = await logs.send(
      new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNamePrefix: prefix, limit: 2, nextToken: second.nextToken })
    )
    expect(third.events!.map((e) => e.timestamp)).toEqual([20_004])
    expect(third.nextToken).toBeUndefined()

    const named = await logs.send(
      new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNames: [`${prefix}algo-2`], startTime: 20_002, endTime: 20_004 })
    )
    expect(named.events!.map((e) => e.message)).toEqual(['WARN slow step', 'ERROR retrying step'])

    const newest = await logs.send(
      new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNamePrefix: prefix, startFromHead: false, limit: 1 })
    )
    expect(newest.events!.map((e) => e.timestamp)).toEqual([20_004])

    const both = await failure(
      logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNames: ['a'], logStreamNamePrefix: 'a' }))
    )
    expect(both.name).toBe('InvalidParameterException')
  })
})

describe('faults and authentication', () => {
  beforeAll(() => {
    standIn.logs.append(GROUP, 'fault-job/0006/algo-1', ['survived'])
  })

  test('a throttle fault is ThrottlingException (400), retried by the SDK', async () => {
    standIn.faults.add({ service: 'logs', operation: 'GetLogEvents', kind: 'throttle', times: 2 })
    const result = await logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: 'fault-job/0006/algo-1', startFromHead: true })
    )
    expect(result.events!.map((e) => e.message)).toEqual(['survived'])
    expect(result.$metadata.attempts).toBe(3)
    const attempts = standIn.requests.of('logs', 'GetLogEvents')
    expect(attempts.map((r) => [r.status, r.errorCode ?? null])).toEqual([
      [400, 'ThrottlingException'],
      [400, 'ThrottlingException'],
      [200, null]
    ])
    expect(standIn.faults.pending()).toEqual([])

    const once = client({ maxAttempts: 1, retryStrategy: undefined })
    standIn.faults.add({ service: 'logs', operation: 'GetLogEvents', kind: 'throttle' })
    const error = await failure(once.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: 'fault-job/0006/algo-1' })))
    expect(error.name).toBe('ThrottlingException')
    expect(error.$metadata.httpStatusCode).toBe(400)
    once.destroy()
  })

  test('an error fault is ServiceUnavailableException (500), also retried', async () => {
    standIn.faults.add({ service: 'logs', operation: 'DescribeLogStreams', kind: 'error' })
    const result = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, logStreamNamePrefix: 'fault-job/' }))
    expect(result.logStreams).toHaveLength(1)
    expect(standIn.requests.of('logs', 'DescribeLogStreams').map((r) => [r.status, r.errorCode ?? null])).toEqual([
      [500, 'ServiceUnavailableException'],
      [200, null]
    ])
  })

  test("unknown keys, bad signatures and expired tokens are refused with the service's codes", async () => {
    const request = () => new DescribeLogStreamsCommand({ logGroupName: GROUP })

    const unknown = client({ credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }, maxAttempts: 1 })
    const unknownError = await failure(unknown.send(request()))
    expect([unknownError.name, unknownError.$metadata.httpStatusCode]).toEqual(['UnrecognizedClientException', 400])
    unknown.destroy()

    const badSecret = client({ credentials: { accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' }, maxAttempts: 1 })
    const signatureError = await failure(badSecret.send(request()))
    expect([signatureError.name, signatureError.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', 400])
    badSecret.destroy()

    const issued = standIn.credentials.issueForRole(`arn:aws:iam::${standIn.state.options.accountId}:role/follower`, 'follow', 900)
    const expiring = client({
      credentials: { accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken },
      maxAttempts: 1
    })
    expect((await expiring.send(request())).logStreams!.length).toBeGreaterThan(0)
    const realNow = standIn.credentials.now
    standIn.credentials.now = () => realNow() + 901 * 1000
    try {
      const expired = await failure(expiring.send(request()))
      expect([expired.name, expired.$metadata.httpStatusCode]).toEqual(['ExpiredTokenException', 400])
    } finally {
      standIn.credentials.now = realNow
      expiring.destroy()
    }
    expect(standIn.requests.of('logs').map((r) => r.errorCode ?? null)).toEqual([
      'UnrecognizedClientException',
      'InvalidSignatureException',
      null,
      'ExpiredTokenException'
    ])
  })
})
