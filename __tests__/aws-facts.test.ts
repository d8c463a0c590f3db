import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { braketFacts, stsFacts } from '../src/facts/aws-facts.js'
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
    for (const facts of [braketFacts, stsFacts]) {
      for (const shape of Object.values(facts.shapes)) if (shape.pattern) expect(modelPattern(shape.pattern)).toBeInstanceOf(RegExp)
    }
    expect(modelPattern(memberShape(braketFacts, 'CreateJobRequest', ['jobName']).pattern!).test('my_job')).toBe(false)
    expect(modelPattern(memberShape(braketFacts, 'CreateJobRequest', ['jobName']).pattern!).test('my-job-1')).toBe(true)
  })

  it('report each problem of a value with its member path', () => {
    const problems = validateShape(braketFacts, 'InstanceConfig', { instanceType: 'ml.x.huge', instanceCount: 0 })
    expect(problems.map((p) => p.path).sort()).toEqual(['instanceCount', 'instanceType', 'volumeSizeInGb'])
  })
})
