// Rates from the AWS Price List Query API (service code AmazonBraket), looked
// up once each and kept: GetProducts with TERM_MATCH filters on productFamily,
// regionCode and the product's own attribute (instanceType, devicename,
// usagetype), all pages; GetAttributeValues for the price list's QPU names.
// A rate that cannot be read is an UnknownRate that says why; an IAM denial
// names the permission to add.
import { paginateGetAttributeValues, paginateGetProducts, type Filter, type PricingClient } from '@aws-sdk/client-pricing'
import { describeError, errorName } from '../common/errors.js'
import { deviceArnName, deviceKind, matchDeviceName, regionOfArn } from './devices.js'
import { parsePriceListItem, rateOf, type PriceListProduct } from './price-list.js'
import { PRICE_LIST_SERVICE_CODE, PRODUCT_FAMILIES } from './product-families.js'
import { unknownRate, type DeviceRates, type Rate, type RateCard, type UnknownRate } from './rates.js'

/** What a Price List call failed with, as an unknown rate; AccessDenied names the permission. */
export function priceListFailure(action: 'pricing:GetProducts' | 'pricing:GetAttributeValues', error: unknown): UnknownRate {
  if (errorName(error) === 'AccessDeniedException')
    return unknownRate(`the AWS Price List API refused ${action} (AccessDeniedException): allow ${action} in the role's policy`, action)
  return unknownRate(`${action.slice('pricing:'.length)} failed (${describeError(error)})`)
}

const isUnknown = (value: unknown): value is UnknownRate => (value as UnknownRate | undefined)?.known === false

export interface JobRateNeeds {
  /** The job's region: its instance, volume and simulator tasks are priced there. */
  region: string
  instanceType: string
  /** Devices of the job and of its quantum tasks; QPUs are priced in their ARN's region. */
  deviceArns: readonly string[]
  /** GetDevice's deviceName by ARN, when known: helps find the price list's `devicename`. */
  deviceNames?: Readonly<Record<string, string>>
}

export class PriceBook {
  private readonly memo = new Map<string, Promise<unknown>>()

  constructor(private readonly pricing: PricingClient) {}

  /** Every rate a job's cost needs; lookups already made are not repeated. */
  async rateCard(needs: JobRateNeeds): Promise<RateCard> {
    const unique = [...new Set(needs.deviceArns)]
    const [instance, volume, ...devices] = await Promise.all([
      this.instanceRate(needs.region, needs.instanceType),
      this.volumeRate(needs.region),
      ...unique.map((arn) => this.deviceRates(arn, needs.region, needs.deviceNames?.[arn]))
    ])
    return { instance, volume, devices: Object.fromEntries(devices.map((rates) => [rates.deviceArn, rates])) }
  }

  instanceRate(region: string, instanceType: string): Promise<Rate> {
    return this.once(`instance ${region} ${instanceType}`, async () => {
      const found = await this.products({ productFamily: PRODUCT_FAMILIES.instance, regionCode: region, instanceType })
      return isUnknown(found) ? found : rateOf(found, 'perMinute', `${instanceType} hybrid job instance time in ${region}`)
    })
  }

  volumeRate(region: string): Promise<Rate> {
    return this.once(`volume ${region}`, async () => {
      const found = await this.products({ productFamily: PRODUCT_FAMILIES.volume, regionCode: region })
      return isUnknown(found) ? found : rateOf(found, 'perGbMonth', `hybrid job storage in ${region}`)
    })
  }

  /** A device's rates: QPUs in their own region, on-demand simulators in the job's region. */
  deviceRates(deviceArn: string, jobRegion: string, deviceName?: string): Promise<DeviceRates> {
    return this.once(`device ${deviceArn} ${jobRegion}`, async (): Promise<DeviceRates> => {
      const kind = deviceKind(deviceArn)
      if (kind === 'local') return { kind: 'local', deviceArn }
      if (kind === 'qpu') return this.qpuRates(deviceArn, regionOfArn(deviceArn) ?? jobRegion, deviceName)
      const region = regionOfArn(deviceArn) ?? jobRegion
      if (kind === 'other') return { kind: 'simulator', deviceArn, perMinute: unknownRate(`${deviceArn} is not a Braket device ARN`) }
      return { kind: 'simulator', deviceArn, perMinute: await this.simulatorRate(deviceArn, region) }
    })
  }

  private async qpuRates(deviceArn: string, region: string, deviceName?: string): Promise<DeviceRates> {
    const devicename = await this.priceListName(deviceArn, region, deviceName)
    if (isUnknown(devicename)) return { kind: 'qpu', deviceArn, perTask: devicename, perShot: devicename }
    const [tasks, shots] = await Promise.all([
      this.products({ productFamily: PRODUCT_FAMILIES.qpuTask, regionCode: region, devicename }),
      this.products({ productFamily: PRODUCT_FAMILIES.qpuShot, regionCode: region, devicename })
    ])
    const where = `${devicename} in ${region}`
    return {
      kind: 'qpu',
      deviceArn,
      devicename,
      perTask: isUnknown(tasks) ? tasks : rateOf(tasks, 'perTask', `tasks on ${where}`),
      perShot: isUnknown(shots) ? shots : rateOf(shots, 'perShot', `shots on ${where}`)
    }
  }

  /** On-demand simulators share one product family; their `usagetype` names them (…-SV1-…). */
  private async simulatorRate(deviceArn: string, region: string): Promise<Rate> {
    const name = deviceArnName(deviceArn).toUpperCase()
    const found = await this.products({ productFamily: PRODUCT_FAMILIES.simulatorTask, regionCode: region })
    if (isUnknown(found)) return found
    const named = found.filter((product) => (product.attributes.usagetype ?? '').toUpperCase().split('-').includes(name))
    return rateOf(named, 'perMinute', `${name} simulator tasks of hybrid jobs in ${region}`)
  }

  /**
   * The price list's name for a QPU (it may differ from GetDevice's): from GetAttributeValues
   * `devicename`, or, where that is denied, from the region's QPU task products.
   */
  private async priceListName(deviceArn: string, region: string, deviceName?: string): Promise<string | UnknownRate> {
    let listed = await this.once('devicenames', () => this.attributeValues('devicename'))
    if (isUnknown(listed) && listed.deniedPermission) {
      const products = await this.products({ productFamily: PRODUCT_FAMILIES.qpuTask, regionCode: region })
      listed = isUnknown(products) ? products : products.flatMap((product) => product.attributes.devicename ?? [])
    }
    if (isUnknown(listed)) return listed
    const match = matchDeviceName(listed, deviceArn, deviceName)
    return match ?? unknownRate(`the AWS Price List has no devicename for ${deviceArn}${deviceName ? ` (${deviceName})` : ''}`)
  }

  private async attributeValues(attribute: string): Promise<string[] | UnknownRate> {
    try {
      const values: string[] = []
      const pages = paginateGetAttributeValues({ client: this.pricing }, { ServiceCode: PRICE_LIST_SERVICE_CODE, AttributeName: attribute })
      for await (const page of pages) for (const entry of page.AttributeValues ?? []) if (entry.Value) values.push(entry.Value)
      return values
    } catch (error) {
      return priceListFailure('pricing:GetAttributeValues', error)
    }
  }

  private products(terms: Record<string, string>): Promise<PriceListProduct[] | UnknownRate> {
    const Filters: Filter[] = Object.entries(terms).map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value }))
    return this.once(`products ${JSON.stringify(terms)}`, async () => {
      try {
        const products: PriceListProduct[] = []
        const request = { ServiceCode: PRICE_LIST_SERVICE_CODE, FormatVersion: 'aws_v1', Filters }
        for await (const page of paginateGetProducts({ client: this.pricing }, request))
          for (const item of page.PriceList ?? []) {
            const product = parsePriceListItem(item)
            if (product) products.push(product)
          }
        return products
      } catch (error) {
        return priceListFailure('pricing:GetProducts', error)
      }
    })
  }

  private once<T>(key: string, lookup: () => Promise<T>): Promise<T> {
    let pending = this.memo.get(key) as Promise<T> | undefined
    if (!pending) {
      pending = lookup()
      this.memo.set(key, pending)
    }
    return pending
  }
}
