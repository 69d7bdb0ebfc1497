// Files arrive from the renderer in ordered chunks (either transport), land in a staging
// folder, and are handed to the dataset service as a path. Chunks must arrive in order so a
// retried or duplicated chunk can never corrupt the file silently.
import { randomUUID } from 'node:crypto'
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { ServiceError } from './service-error'

interface Upload {
  fileName: string
  size: number
  received: number
  path: string
  handle: FileHandle
  touched: number
}

/** An upload untouched for this long is dropped with its file. */
const STALE_MS = 60 * 60 * 1000

export class UploadStaging {
  private readonly uploads = new Map<string, Upload>()

  constructor(private readonly dir: string) {}

  async begin(fileName: string, size: number): Promise<string> {
    await this.dropStale()
    await mkdir(this.dir, { recursive: true })
    const uploadId = randomUUID()
    const path = join(this.dir, `${uploadId}.part`)
    const handle = await open(path, 'w')
    this.uploads.set(uploadId, { fileName, size, received: 0, path, handle, touched: Date.now() })
    return uploadId
  }

  async chunk(uploadId: string, offset: number, data: Uint8Array): Promise<number> {
    const upload = this.get(uploadId)
    if (offset !== upload.received) {
      throw new ServiceError(
        'UPLOAD_OUT_OF_ORDER',
        `Upload chunk at byte ${offset} arrived, but byte ${upload.received} was expected next.`,
      )
    }
    if (upload.received + data.byteLength > upload.size) {
      throw new ServiceError(
        'UPLOAD_TOO_LARGE',
        `The upload of "${upload.fileName}" sent more than the ${upload.size} bytes it announced.`,
      )
    }
    await upload.handle.write(data, 0, data.byteLength, offset)
    upload.received += data.byteLength
    upload.touched = Date.now()
    return upload.received
  }

  /** Closes a complete upload and gives its file; the caller owns (and removes) it from then on. */
  async finish(uploadId: string): Promise<{ path: string; fileName: string }> {
    const upload = this.get(uploadId)
    if (upload.received !== upload.size) {
      throw new ServiceError(
        'UPLOAD_INCOMPLETE',
        `The upload of "${upload.fileName}" is incomplete: ${upload.received} of ${upload.size} bytes arrived.`,
      )
    }
    await upload.handle.close()
    this.uploads.delete(uploadId)
    return { path: upload.path, fileName: upload.fileName }
  }

  async discardAll(): Promise<void> {
    for (const id of [...this.uploads.keys()]) await this.discard(id)
  }

  private get(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId)
    if (!upload) {
      throw new ServiceError('UPLOAD_UNKNOWN', `No upload ${uploadId} is in progress; start again.`)
    }
    return upload
  }

  private async discard(uploadId: string): Promise<void> {
    const upload = this.uploads.get(uploadId)
    if (!upload) return
    this.uploads.delete(uploadId)
    await upload.handle.close().catch(() => undefined)
    await rm(upload.path, { force: true })
  }

  private async dropStale(): Promise<void> {
    const now = Date.now()
    for (const [id, upload] of this.uploads) {
      if (now - upload.touched > STALE_MS) await this.discard(id)
    }
  }
}
