// The stand-in's Price List API, driven by the official @aws-sdk/client-pricing over HTTP.
import {
  GetAttributeValuesCommand,
  GetProductsCommand,
  PricingClient,
  paginateGetProducts,
  type Filter,
  type PricingClientConfig
} from '@aws-sdk/client-pricing'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { defaultDevices } from '../local/src/braket/devices.js'
import { STAND_IN_PRICE_NOTICE, STAND_IN_RATES } from '../local/src/pricing/stand-in-rates.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'
import { braketFacts } from '../src/facts/aws-facts.js'
import { failure } from './support/sdk-failure.js'

let standIn: StandIn

function pricing(config: Partial<PricingClientConfig> = {}): PricingClient {
  return new PricingClient({
    region: 'us-east-1',
    endpoint: standIn.endpoints.pricing,
    credentials: STATIC_CREDENTIALS,
    retryStrategy: new ConfiguredRetryStrategy(3, () => 5),
    ...config
  })
}

const term = (Field: string, Value: string, Type: Filter['Type'] = 'TERM_MATCH'): Filter => ({ Type, Field, Value })

async function products(filters: Filter[]): Promise<any[]> {
  const found: any[] = []
  for await (const page of paginateGetProducts({ client: pricing() }, { ServiceCode: 'AmazonBraket', Filters: filters }))
    found.push(...(page.PriceList ?? []).map((item: unknown) => JSON.parse(String(item))))
  return found
}

const onlyPrice = (item: any) => {
  const [term] = Object.values<any>(item.terms.OnDemand)
  const [dimension] = Object.values<any>(term.priceDimensions)
  return dimension
}

beforeAll(async () => {
  standIn = await start()
})
afterAll(async () => standIn.stop())
afterEach(() => {
  standIn.faults.clear()
  standIn.permissions.clear()
})

describe('the stand-in rates (one data file)', () => {
  it('price every instance type the Braket model allows, and every QPU of the device catalog', () => {
    const instanceTypes = braketFacts.shapes[braketFacts.shapes.InstanceConfig!.members!.instanceType!.shape]!.enum!
    expect(Object.keys(STAND_IN_RATES.instancePerMinute).sort()).toEqual([...instanceTypes].sort())
    const qpus = defaultDevices().filter((device) => device.deviceType === 'QPU')
    expect(STAND_IN_RATES.qpus.map((qpu) => qpu.deviceArn).sort()).toEqual(qpus.map((device) => device.deviceArn).sort())
    // As in the real list, some price list names differ from GetDevice's deviceName.
    const differing = STAND_IN_RATES.qpus.filter(
      (qpu) => qpus.find((device) => device.deviceArn === qpu.deviceArn)!.deviceName !== qpu.devicename
    )
    expect(differing.length).toBeGreaterThan(0)
  })
})

describe('GetProducts', () => {
  it('answers aws_v1 price list strings shaped like the real list, found by TERM_MATCH filters', async () => {
    const answer = await pricing().send(
      new GetProductsCommand({
        ServiceCode: 'AmazonBraket',
        FormatVersion: 'aws_v1',
        Filters: [
          term('productFamily', 'Braket Managed Jobs Instance'),
          term('regionCode', 'us-west-2'),
          term('instanceType', 'ml.m5.large')
        ]
      })
    )
    expect(answer.FormatVersion).toBe('aws_v1')
    expect(answer.PriceList).toHaveLength(1)
    const item = JSON.parse(String(answer.PriceList![0]))
    expect(item.product).toMatchObject({
      productFamily: 'Braket Managed Jobs Instance',
      attributes: {
        servicecode: 'AmazonBraket',
        regionCode: 'us-west-2',
        instanceType: 'ml.m5.large',
        usagetype: expect.stringMatching(/^USW2-/)
      }
    })
    expect(item.product.sku).toMatch(/^[A-Z2-9]{16}$/)
    expect(item.serviceCode).toBe('AmazonBraket')
    const [termKey] = Object.keys(item.terms.OnDemand)
    expect(termKey).toBe(`${item.product.sku}.JRTCKXETXF`)
    const dimension = onlyPrice(item)
    expect(dimension.unit).toBe('minutes')
    expect(Number(dimension.pricePerUnit.USD)).toBe(Number(STAND_IN_RATES.instancePerMinute['ml.m5.large']))
    expect(dimension.description).toContain(STAND_IN_PRICE_NOTICE)
  })

  it('lists a QPU under both per-task and per-shot families, by devicename, in its own region only', async () => {
    const forte = STAND_IN_RATES.qpus.find((qpu) => qpu.devicename === 'Forte-1')!
    const tasks = await products([term('productFamily', 'Braket Managed Jobs QPU Task'), term('devicename', 'Forte-1')])
    const shots = await products([term('productFamily', 'Braket Managed Jobs QPU Task Shot'), term('devicename', 'Forte-1')])
    expect(tasks.map((item) => item.product.attributes.regionCode)).toEqual(['us-east-1'])
    expect(Number(onlyPrice(tasks[0]).pricePerUnit.USD)).toBe(Number(forte.perTask))
    expect(Number(onlyPrice(shots[0]).pricePerUnit.USD)).toBe(Number(forte.perShot))
    // GetDevice's name is not the price list's.
    expect(await products([term('devicename', 'Forte 1')])).toEqual([])
  })

  it('names on-demand simulators by usagetype, with a per-minute price, in their regions only', async () => {
    const simulators = await products([term('productFamily', 'Braket Managed Jobs Simulator Task'), term('regionCode', 'us-west-1')])
    expect(simulators.map((item) => item.product.attributes.usagetype).sort()).toEqual([
      'USW1-Jobs-Simulator-DM1-Completed-Task-ExecutionDuration',
      'USW1-Jobs-Simulator-SV1-Completed-Task-ExecutionDuration'
    ])
    expect(simulators.every((item) => onlyPrice(item).unit === 'minutes')).toBe(true)
  })

  it('answers the other filter types as documented: EQUALS, CONTAINS, ANY_OF and NONE_OF (comma-separated)', async () => {
    const family = term('productFamily', 'Braket Managed Jobs QPU Task')
    const names = (items: any[]) => items.map((item) => item.product.attributes.devicename).sort()
    expect(names(await products([family, term('devicename', 'Garnet', 'EQUALS')]))).toEqual(['Garnet'])
    expect(names(await products([family, term('devicename', 'Ankaa', 'CONTAINS')]))).toEqual(['Ankaa-2', 'Ankaa-3'])
    expect(names(await products([family, term('devicename', 'Aquila, Garnet', 'ANY_OF')]))).toEqual(['Aquila', 'Garnet'])
    expect(names(await products([family, term('devicename', 'Ankaa-2,Ankaa-3,Harmony', 'NONE_OF')]))).toEqual([
      'Aquila',
      'Forte-1',
      'Garnet'
    ])
  })

  it('pages with MaxResults and NextToken; the pages together are the whole answer', async () => {
    const filters = [term('productFamily', 'Braket Managed Jobs Instance'), term('regionCode', 'us-east-1')]
    const skus: string[] = []
    let NextToken: string | undefined
    let pages = 0
    do {
      const answer = await pricing().send(
        new GetProductsCommand({ ServiceCode: 'AmazonBraket', Filters: filters, MaxResults: 25, NextToken })
      )
      expect(answer.PriceList!.length).toBeLessThanOrEqual(25)
      skus.push(...answer.PriceList!.map((item: unknown) => JSON.parse(String(item)).product.sku as string))
      NextToken = answer.NextToken
      pages += 1
    } while (NextToken)
    expect(pages).toBe(Math.ceil(Object.keys(STAND_IN_RATES.instancePerMinute).length / 25))
    expect(new Set(skus).size).toBe(Object.keys(STAND_IN_RATES.instancePerMinute).length)
  })

  it('refuses what the model or the service does not allow, with the service’s errors', async () => {
    const client = pricing()
    const tooMany = await failure(client.send(new GetProductsCommand({ ServiceCode: 'AmazonBraket', MaxResults: 101 })))
    expect(tooMany.name).toBe('InvalidParameterException')
    expect(tooMany.message).toContain(
      "Value '101' at 'MaxResults' failed to satisfy constraint: Member must have value less than or equal to 100"
    )
    const badType = await failure(
      client.send(
        new GetProductsCommand({ ServiceCode: 'AmazonBraket', Filters: [{ Type: 'LIKE' as Filter['Type'], Field: 'sku', Value: 'x' }] })
      )
    )
    expect(badType.name).toBe('InvalidParameterException')
    const token = await failure(client.send(new GetProductsCommand({ ServiceCode: 'AmazonBraket', NextToken: 'forged' })))
    expect(token.name).toBe('InvalidNextTokenException')
    expect(token.$metadata.httpStatusCode).toBe(400)
    const format = await failure(client.send(new GetProductsCommand({ ServiceCode: 'AmazonBraket', FormatVersion: 'aws_v2' })))
    expect(format.name).toBe('InvalidParameterException')
    expect((await failure(client.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2' })))).name).toBe('NotFoundException')
  })
})

describe('GetAttributeValues', () => {
  it('lists the devicename values, paged', async () => {
    const values: string[] = []
    let NextToken: string | undefined
    do {
      const answer = await pricing().send(
        new GetAttributeValuesCommand({ ServiceCode: 'AmazonBraket', AttributeName: 'devicename', MaxResults: 4, NextToken })
      )
      values.push(...answer.AttributeValues!.map((entry) => entry.Value!))
      NextToken = answer.NextToken
    } while (NextToken)
    expect(values).toEqual(STAND_IN_RATES.qpus.map((qpu) => qpu.devicename).sort())
  })

  it('answers NotFoundException for an attribute the list does not have', async () => {
    const error = await failure(pricing().send(new GetAttributeValuesCommand({ ServiceCode: 'AmazonBraket', AttributeName: 'colour' })))
    expect(error.name).toBe('NotFoundException')
  })
})

describe('the shared pipeline', () => {
  it('verifies SigV4 with the pricing signing name', async () => {
    const stranger = pricing({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } })
    expect((await failure(stranger.send(new GetProductsCommand({ ServiceCode: 'AmazonBraket' })))).name).toBe('UnrecognizedClientException')
    const wrongSecret = pricing({ credentials: { accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' } })
    expect((await failure(wrongSecret.send(new GetProductsCommand({ ServiceCode: 'AmazonBraket' })))).name).toBe(
      'InvalidSignatureException'
    )
  })

  it('throttles on request (ThrottlingException, retried by the SDK) and fails InternalErrorException as a 500', async () => {
    standIn.faults.add({ service: 'pricing', operation: 'GetProducts', kind: 'throttle', times: 2 })
    standIn.requests.clear()
    const answer = await pricing().send(new GetProductsCommand({ ServiceCode: 'AmazonBraket', MaxResults: 1 }))
    expect(answer.PriceList).toHaveLength(1)
    expect(standIn.requests.of('pricing', 'GetProducts').map((record) => record.errorCode ?? record.status)).toEqual([
      'ThrottlingException',
      'ThrottlingException',
      200
    ])
    standIn.faults.add({ service: 'pricing', operation: 'GetAttributeValues', kind: 'error', times: 5 })
    const error = await failure(pricing().send(new GetAttributeValuesCommand({ ServiceCode: 'AmazonBraket', AttributeName: 'devicename' })))
    expect(error.name).toBe('InternalErrorException')
    expect(error.$metadata.httpStatusCode).toBe(500)
  })

  it('answers AccessDeniedException naming the action when a test denies it', async () => {
    standIn.permissions.deny('pricing:GetProducts')
    const error = await failure(pricing().send(new GetProductsCommand({ ServiceCode: 'AmazonBraket' })))
    expect(error.name).toBe('AccessDeniedException')
    expect(error.message).toContain('not authorized to perform: pricing:GetProducts')
    // Other actions stay allowed.
    await expect(
      pricing().send(new GetAttributeValuesCommand({ ServiceCode: 'AmazonBraket', AttributeName: 'devicename' }))
    ).resolves.toBeDefined()
    expect(() => standIn.permissions.deny('s3:PutObject')).toThrow(/braket and pricing actions only/)
  })

  it('is in the environment the stand-in hands to processes', () => {
    expect(standIn.env.AWS_ENDPOINT_URL_PRICING).toBe(standIn.endpoints.pricing)
  })
})
