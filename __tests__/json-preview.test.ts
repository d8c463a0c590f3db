// results.json as the summary and the comment show it: JSON, rounded, shortened where long.
import { describe, expect, it } from '@jest/globals'
import { jsonPreview, roundNumber } from '../src/report/json-preview.js'

/** The preview is JSON once its comments are taken out. */
const parsed = (preview: string) => JSON.parse(preview.replace(/\/\*[^*]*\*\//g, ''))

describe('the results.json preview', () => {
  it('is JSON, one key a line, numbers at 6 significant digits', () => {
    const preview = jsonPreview(JSON.stringify({ theta: -2.6444999999999994, fidelity: 0.9724999999999999, shots: 1000, converged: true }))
    expect(preview).toBe('{\n  "theta": -2.6445,\n  "fidelity": 0.9725,\n  "shots": 1000,\n  "converged": true\n}')
    expect(roundNumber(1.23456789e-7)).toBe(1.23457e-7)
  })

  it('shortens long arrays to their ends and says how many values there are, and stays JSON', () => {
    const history = Array.from({ length: 100 }, (_, index) => 1 / (index + 1))
    const preview = jsonPreview(JSON.stringify({ history, nested: { deep: [[1, 2, 3, 4, 5, 6, 7]] } }))
    expect(preview).toContain('"history": [1, 0.5, 0.333333, /* 95 more of 100 values */ 0.010101, 0.01]')
    expect(parsed(preview)).toEqual({ history: [1, 0.5, 0.333333, 0.010101, 0.01], nested: { deep: [[1, 2, 3, 6, 7]] } })
  })

  it('cuts wide and deep objects and long strings, saying what it left out', () => {
    const wide = Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`k${index}`, index]))
    const preview = jsonPreview(JSON.stringify({ wide, deep: { a: { b: { c: { d: 1 } } } }, text: 'x'.repeat(300) }))
    expect(preview).toMatch(/"k19": 19\s+\/\* 5 more keys \*\//)
    expect(preview).toContain('"c": {/* 1 key */}')
    expect(preview).toContain(`"${'x'.repeat(119)}…"`)
    const value = parsed(preview)
    expect(Object.keys(value.wide)).toHaveLength(20)
    expect(value.deep.a.b.c).toEqual({})
  })

  it('lays out what fits on a line on one line, and a long document in its first 60 lines', () => {
    expect(jsonPreview('[1, 2, 3]')).toBe('[1, 2, 3]')
    expect(jsonPreview('{"a": {"b": [1, 2], "c": "d"}}')).toBe('{\n  "a": {"b": [1, 2], "c": "d"}\n}')
    const long = jsonPreview(
      JSON.stringify(Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, { text: 'y'.repeat(90), n: i }])))
    )
    expect(long.split('\n')).toHaveLength(60)
    expect(long.split('\n').at(-1)).toMatch(/^\/\* \d+ more lines \*\/$/)
  })

  it('shows a document that is not JSON as its first lines, saying so', () => {
    expect(jsonPreview('energy: -1.1\ntheta: 0.5')).toBe('/* not valid JSON; its first lines: */\nenergy: -1.1\ntheta: 0.5')
  })
})
