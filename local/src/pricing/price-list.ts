// The stand-in's AmazonBraket price list: one product per (family, region,
// instance type / device / simulator), built from the rates in
// stand-in-rates.ts, each rendered as the Price List API's `aws_v1` JSON:
//   { product: { productFamily, attributes, sku }, serviceCode,
//     terms: { OnDemand: { "<sku>.<offerTermCode>": { priceDimensions:
//       { "<sku>.<offerTermCode>.<rateCode>": { unit, pricePerUnit: { USD }, description, … } }, … } } },
//     version, publicationDate }
import { createHash } from 'node:crypto'
import { PRODUCT_FAMILIES } from '../../../src/cost/product-families.js'
import { STAND_IN_PRICE_NOTICE, STAND_IN_RATES } from './stand-in-rates.js'

/** The offer term and rate codes AWS's lists use for plain on-demand prices. */
const ON_DEMAND_OFFER_TERM = 'JRTCKXETXF'
const RATE_CODE = '6YS6EN2CT7'

export interface Product {
  sku: string
  productFamily: string
  attributes: Record<string, string>
  unit: string
  usd: string
  description: string
}

/** A stable SKU per product: 16 characters of [A-Z2-9], the real list's form. */
function skuOf(family: string, attributes: Record<string, string>): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([family, attributes]))
    .digest()
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return Array.from(digest.subarray(0, 16), (byte) => alphabet[byte % alphabet.length]).join('')
}

function product(
  family: string,
  region: string,
  specific: Record<string, string>,
  price: { unit: string; usd: string; what: string }
): Product {
  const where = STAND_IN_RATES.regions[region]!
  const attributes: Record<string, string> = {
    servicecode: STAND_IN_RATES.serviceCode,
    servicename: 'Amazon Braket',
    regionCode: region,
    location: where.location,
    locationType: 'AWS Region',
    operation: 'Managed-Jobs',
    ...specific
  }
  attributes.usagetype = `${where.usagePrefix}-${specific.usagetype}`
  return {
    sku: skuOf(family, attributes),
    productFamily: family,
    attributes,
    unit: price.unit,
    usd: price.usd,
    description: `$${price.usd} per ${price.what} (${STAND_IN_PRICE_NOTICE})`
  }
}

function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? ''
}

function build(): Product[] {
  const products: Product[] = []
  for (const region of Object.keys(STAND_IN_RATES.regions)) {
    for (const [instanceType, usd] of Object.entries(STAND_IN_RATES.instancePerMinute)) {
      products.push(
        product(
          PRODUCT_FAMILIES.instance,
          region,
          { instanceType, usagetype: `Jobs-Instance:${instanceType}` },
          { unit: 'minutes', usd, what: `minute of ${instanceType} hybrid job instance time` }
        )
      )
    }
    products.push(
      product(
        PRODUCT_FAMILIES.volume,
        region,
        { storageMedia: 'SSD-backed', usagetype: 'Jobs-VolumeUsage' },
        { unit: 'GB-Mo', usd: STAND_IN_RATES.volumePerGbMonth, what: 'GB-month of hybrid job storage' }
      )
    )
    for (const simulator of STAND_IN_RATES.simulators) {
      if (!simulator.regions.includes(region)) continue
      products.push(
        product(
          PRODUCT_FAMILIES.simulatorTask,
          region,
          { version: simulator.name, usagetype: `Jobs-Simulator-${simulator.name}-Completed-Task-ExecutionDuration` },
          {
            unit: 'minutes',
            usd: simulator.perMinute,
            what: `minute of ${simulator.name} simulation in a hybrid job, at least ${STAND_IN_RATES.simulatorMinimumSeconds} s a task`
          }
        )
      )
    }
  }
  for (const qpu of STAND_IN_RATES.qpus) {
    const region = regionOfArn(qpu.deviceArn)
    const provider = qpu.deviceArn.split('/').at(-2) ?? ''
    products.push(
      product(
        PRODUCT_FAMILIES.qpuTask,
        region,
        { devicename: qpu.devicename, provider, usagetype: `Jobs-Task:${qpu.devicename}` },
        { unit: 'Task', usd: qpu.perTask, what: `task on ${qpu.devicename} created by a hybrid job` }
      ),
      product(
        PRODUCT_FAMILIES.qpuShot,
        region,
        { devicename: qpu.devicename, provider, usagetype: `Jobs-Shot:${qpu.devicename}` },
        { unit: 'Shot', usd: qpu.perShot, what: `shot on ${qpu.devicename} in a task created by a hybrid job` }
      )
    )
  }
  return products
}

let cached: Product[] | undefined

/** Every product of the stand-in's list, in a stable order. */
export function standInProducts(): Product[] {
  cached ??= build()
  return cached
}

/** The Price List API's `aws_v1` rendering of a product: the JSON string GetProducts returns. */
export function priceListItem(item: Product): string {
  const term = `${item.sku}.${ON_DEMAND_OFFER_TERM}`
  const rate = `${term}.${RATE_CODE}`
  return JSON.stringify({
    product: { productFamily: item.productFamily, attributes: item.attributes, sku: item.sku },
    serviceCode: STAND_IN_RATES.serviceCode,
    terms: {
      OnDemand: {
        [term]: {
          priceDimensions: {
            [rate]: {
              unit: item.unit,
              endRange: 'Inf',
              description: item.description,
              appliesTo: [],
              rateCode: rate,
              beginRange: '0',
              pricePerUnit: { USD: Number(item.usd).toFixed(10) }
            }
          },
          sku: item.sku,
          effectiveDate: STAND_IN_RATES.publicationDate,
          offerTermCode: ON_DEMAND_OFFER_TERM,
          termAttributes: {}
        }
      }
    },
    version: STAND_IN_RATES.version,
    publicationDate: STAND_IN_RATES.publicationDate
  })
}

/** The value of a filterable field: `productFamily`, `sku`, `ServiceCode` or an attribute. */
export function fieldValue(item: Product, field: string): string | undefined {
  if (field === 'productFamily') return item.productFamily
  if (field === 'sku') return item.sku
  if (field === 'ServiceCode') return STAND_IN_RATES.serviceCode
  return item.attributes[field]
}
