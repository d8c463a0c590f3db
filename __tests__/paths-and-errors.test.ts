// The shared helpers every module leans on: path containment and reading errors.
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { ActionError, describeError, errorCode, errorMessage, errorName } from '../src/common/errors.js'
import { isInside } from '../src/common/paths.js'

describe('isInside', () => {
  it('keeps names that merely start with two dots inside', () => {
    expect(isInside('/work/repo', '/work/repo/..data')).toBe(true)
    expect(isInside('/work/repo', '/work/repo/a/..b/c')).toBe(true)
    expect(isInside('/work/repo', '/work/repo')).toBe(true)
  })

  it('refuses what climbs out or lies elsewhere', () => {
    expect(isInside('/work/repo', '/work/repo/../other')).toBe(false)
    expect(isInside('/work/repo', '/work')).toBe(false)
    expect(isInside('/work/repo', '/work/repository')).toBe(false)
  })

  it('refuses another Windows drive, where relative() answers with an absolute path', () => {
    expect(isInside('C:\\work\\repo', 'D:\\work\\repo\\x', path.win32)).toBe(false)
    expect(isInside('C:\\work\\repo', 'C:\\work\\repo\\..data', path.win32)).toBe(true)
    expect(isInside('C:\\work\\repo', 'C:\\work\\other', path.win32)).toBe(false)
  })
})

describe('reading errors', () => {
  class StagingError extends ActionError {}

  it('names subclasses after themselves', () => {
    const error = new StagingError('bucket missing')
    expect(error.name).toBe('StagingError')
    expect(error).toBeInstanceOf(ActionError)
  })

  it('reads anything thrown', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom')
    expect(errorMessage('plain text')).toBe('plain text')
    expect(errorMessage({ code: 42 })).toBe('{"code":42}')
    expect(errorName({ name: 'ThrottlingException', message: 'Rate exceeded' })).toBe('ThrottlingException')
    expect(errorName(7)).toBe('Error')
    expect(describeError({ name: 'ThrottlingException', message: 'Rate exceeded' })).toBe('ThrottlingException: Rate exceeded')
    expect(describeError(new Error('boom'))).toBe('boom')
    expect(errorCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('ENOENT')
    expect(errorCode(new Error('x'))).toBeUndefined()
  })
})
