// Reads the Price List API's `aws_v1` products: the JSON strings of
// GetProducts' PriceList, each
//   { product: { productFamily, attributes, sku },
//     terms: { OnDemand: { <term>: { priceDimensions: { <rate>: { unit, pricePerUnit: { USD }, description } } } } } }
// and turns the one product a query should find into a rate, or says why not.
import { unknownRate, type Rate } from './rates.js'

export interface PriceDimension {
  unit: string
  /** USD per unit as the list writes it, e.g. "0.0750000000". */
  usd?: string
  description?: string
}

export interface PriceListProduct {
  sku: string
  productFamily?: string
  attributes: Record<string, string>
  /** Every on-demand price dimension of every on-demand term. */
  onDemand: PriceDimension[]
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

/** The SDK hands PriceList items over as JSON strings (or string-like wrappers of them). */
function asJson(item: unknown): unknown {
  if (typeof item === 'string') return JSON.parse(item)
  if (isObject(item) && typeof item.toString === 'function' && item.toString !== Object.prototype.toString)
    return JSON.parse((item as { toString(): string }).toString())
  return item
}

/** One PriceList item, or undefined when it is not a product of the `aws_v1` shape. */
export function parsePriceListItem(item: unknown): PriceListProduct | undefined {
  let parsed: unknown
  try {
    parsed = asJson(item)
  } catch {
    return undefined
  }
  if (!isObject(parsed) || !isObject(parsed.product) || typeof parsed.product.sku !== 'string') return undefined
  const { product } = parsed
  const sku = parsed.product.sku
  const attributes: Record<string, string> = {}
  if (isObject(product.attributes))
    for (const [name, value] of Object.entries(product.attributes)) if (typeof value === 'string') attributes[name] = value
  const onDemand: PriceDimension[] = []
  const terms = isObject(parsed.terms) && isObject(parsed.terms.OnDemand) ? Object.values(parsed.terms.OnDemand) : []
  for (const term of terms) {
    if (!isObject(term) || !isObject(term.priceDimensions)) continue
    for (const dimension of Object.values(term.priceDimensions)) {
      if (!isObject(dimension)) continue
      const usd =
        isObject(dimension.pricePerUnit) && typeof dimension.pricePerUnit.USD === 'string' ? dimension.pricePerUnit.USD : undefined
      onDemand.push({
        unit: typeof dimension.unit === 'string' ? dimension.unit : '',
        ...(usd !== undefined ? { usd } : {}),
        ...(typeof dimension.description === 'string' ? { description: dimension.description } : {})
      })
    }
  }
  return {
    sku,
    ...(typeof product.productFamily === 'string' ? { productFamily: product.productFamily } : {}),
    attributes,
    onDemand
  }
}

/** Units the rates are expected in; another unit means the list changed and the figure would be wrong. */
export const UNITS = {
  perMinute: { pattern: /^min(ute)?s?$/i, words: 'per minute' },
  perGbMonth: { pattern: /^GB-?Mo(nth)?s?$/i, words: 'per GB-month' },
  perTask: { pattern: /^(quantum[ -]?)?tasks?$/i, words: 'per task' },
  perShot: { pattern: /^shots?$/i, words: 'per shot' }
} as const

export type UnitName = keyof typeof UNITS

/**
 * The rate of the one product `what` names, in the expected unit. Unknown when
 * no product or several were found, the price is not a single on-demand USD
 * figure, the unit differs, or the figure is not a positive number.
 */
export function rateOf(products: readonly PriceListProduct[], unit: UnitName, what: string): Rate {
  if (products.length === 0) return unknownRate(`the AWS Price List has no ${what}`)
  if (products.length > 1) return unknownRate(`the AWS Price List has ${products.length} products for ${what}, not one`)
  const [product] = products as [PriceListProduct]
  if (product.onDemand.length !== 1)
    return unknownRate(`the AWS Price List gives ${product.onDemand.length} on-demand prices for ${what} (SKU ${product.sku}), not one`)
  const [dimension] = product.onDemand as [PriceDimension]
  const expected = UNITS[unit]
  if (!expected.pattern.test(dimension.unit))
    return unknownRate(`the AWS Price List prices ${what} per "${dimension.unit}", not ${expected.words} (SKU ${product.sku})`)
  const usd = Number(dimension.usd)
  if (dimension.usd === undefined || !Number.isFinite(usd) || usd <= 0)
    return unknownRate(
      `the AWS Price List has no usable USD price for ${what} (SKU ${product.sku}: ${JSON.stringify(dimension.usd ?? null)})`
    )
  return {
    known: true,
    usd,
    unit: dimension.unit,
    sku: product.sku,
    ...(dimension.description !== undefined ? { description: dimension.description } : {})
  }
}
