import { gzipSync } from 'node:zlib'
import tar from 'tar-stream'

/** A tar header as tar-stream takes it, plus the entry's content. */
export type TarMember = Parameters<ReturnType<typeof tar.pack>['entry']>[0] & { content?: string | Buffer }

/** A .tar.gz in memory, exactly as listed: no sanitising on the way in, so malicious entries stay malicious. */
export async function tarGz(members: readonly TarMember[]): Promise<Buffer> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  const collected = new Promise<void>((resolve, reject) => {
    pack.on('data', (chunk: unknown) => chunks.push(chunk as Buffer))
    pack.on('end', () => resolve())
    pack.on('error', reject)
  })
  for (const { content, ...header } of members) {
    await new Promise<void>((resolve, reject) => {
      if (content === undefined) pack.entry(header, (error) => (error ? reject(error) : resolve()))
      else pack.entry(header, content, (error) => (error ? reject(error) : resolve()))
    })
  }
  pack.finalize()
  await collected
  return gzipSync(Buffer.concat(chunks))
}
