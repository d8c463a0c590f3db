import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { braketFacts, pricingFacts, stsFacts } from '../src/facts/aws-facts.js'
import { buildFactsModule } from '../scripts/aws-facts-extract.js'
import { memberShape, modelPattern, validateShape } from '../src/facts/validate-shape.js'

const modelsDir = resolve('../shared/aws-models')
const haveModels = existsSync(modelsDir)

describe('generated AWS facts', () => {
  ;(haveModels ? it : it.skip)('still match the published models in ../shared/aws-models', () => {
    expect(readFileSync('src/facts/aws-facts.ts', 'utf8')).toBe(buildFactsModule(modelsDir))
  })

  it('hold the CreateJob limits the action validates against', () => {
    expect(braketFacts.shapes.CreateJobRequest!.required).toEqual(
      expect.arrayContaining(['clientToken', 'jobName', 'roleArn', 'deviceConfig'])
    )
    expect(memberShape(braketFacts, 'CreateJobRequest', ['jobName']).max).toBe(50)
    expect(memberShape(braketFacts, 'CreateJobRequest', ['hyperParameters']).max).toBe(100)
    expect(stsFacts.operations.AssumeRoleWithWebIdentity!.errors).toContain('InvalidIdentityTokenException')
  })

  it('compile every pattern as a whole-value JavaScript regex', () => {
    for (const facts of [braketFacts, stsFacts, pricingFacts]) {
      for (const shape of Object.values(facts.shapes)) if (shape.pattern) expect(modelPattern(shape.pattern)).toBeInstanceOf(RegExp)
    }
    expect(modelPattern(memberShape(braketFacts, 'CreateJobRequest', ['jobName']).pattern!).test('my_job')).toBe(false)
    expect(modelPattern(memberShape(braketFacts, 'CreateJobRequest', ['jobName']).pattern!).test('my-job-1')).toBe(true)
  })

  it('report each problem of a value with its member path', () => {
    const problems = validateShape(braketFacts, 'InstanceConfig', { instanceType: 'ml.x.huge', instanceCount: 0 })
    expect(problems.map((p) => p.path).sort()).toEqual(['instanceCount', 'instanceType', 'volumeSizeInGb'])
  })

  it('hold the Price List API facts the stand-in and the cost lookup rely on', () => {
    expect(pricingFacts.metadata).toMatchObject({ protocol: 'json', signingName: 'pricing', targetPrefix: 'AWSPriceListService' })
    expect(pricingFacts.shapes.GetProductsRequest!.required).toEqual(['ServiceCode'])
    expect(memberShape(pricingFacts, 'GetProductsRequest', ['Filters', '[]', 'Type']).enum).toEqual(
      expect.arrayContaining(['TERM_MATCH', 'EQUALS', 'CONTAINS', 'ANY_OF', 'NONE_OF'])
    )
    expect(memberShape(pricingFacts, 'GetProductsRequest', ['MaxResults']).max).toBe(100)
    expect(memberShape(pricingFacts, 'GetProductsResponse', ['PriceList']).type).toBe('list')
    expect(pricingFacts.operations.GetProducts!.errors).toEqual(expect.arrayContaining(['AccessDeniedException', 'ThrottlingException']))
    expect(pricingFacts.shapes.InternalErrorException!.fault).toBe(true)
    expect(pricingFacts.shapes.GetAttributeValuesRequest!.required).toEqual(['ServiceCode', 'AttributeName'])
  })

  it('hold the quantum task and spending limit facts', () => {
    expect(braketFacts.operations.SearchQuantumTasks!.http).toMatchObject({ method: 'POST', requestUri: '/quantum-tasks' })
    expect(braketFacts.operations.CreateQuantumTask!.http.responseCode).toBe(201)
    expect(memberShape(braketFacts, 'SearchQuantumTasksRequest', ['filters', '[]', 'operator']).enum).toEqual([
      'LT',
      'LTE',
      'EQUAL',
      'GT',
      'GTE',
      'BETWEEN'
    ])
    expect(memberShape(braketFacts, 'SearchQuantumTasksRequest', ['maxResults']).max).toBe(100)
    expect(braketFacts.shapes.QuantumTaskStatus!.enum).toEqual(expect.arrayContaining(['COMPLETED', 'FAILED', 'CANCELLED', 'QUEUED']))
    expect(braketFacts.shapes.QuantumTaskSummary!.required).toEqual(expect.arrayContaining(['deviceArn', 'shots', 'status', 'createdAt']))
    expect(braketFacts.shapes.CreateQuantumTaskRequest!.members!.jobToken).toBeDefined()
    expect(memberShape(braketFacts, 'SearchSpendingLimitsRequest', ['filters', '[]', 'operator']).enum).toEqual(['EQUAL'])
    expect(braketFacts.shapes.SpendingLimitSummary!.required).toEqual(
      expect.arrayContaining(['spendingLimit', 'queuedSpend', 'totalSpend', 'timePeriod'])
    )
  })
})
