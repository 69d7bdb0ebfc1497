// Sends a file to main in UPLOAD_CHUNK_BYTES slices. Each slice is read on its own
// (`blob.arrayBuffer()` is asynchronous), so a large file never sits in memory whole and the UI
// keeps painting between chunks.
import { UPLOAD_CHUNK_BYTES } from '@shared/contract'
import type { ApiClient } from './api-client'
import { bytesToBase64 } from './base64'

export interface UploadSource {
  name: string
  size: number
  slice(start: number, end: number): Blob
}

export async function uploadFile(
  client: Pick<ApiClient, 'request'>,
  file: UploadSource,
  onProgress: (fraction: number) => void,
  chunkBytes: number = UPLOAD_CHUNK_BYTES,
): Promise<string> {
  // The import panel shows a failed upload as it shows a failed import.
  const quiet = { quiet: true }
  const { uploadId } = await client.request(
    'uploads:begin',
    { fileName: file.name, size: file.size },
    quiet,
  )
  onProgress(file.size === 0 ? 1 : 0)
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const end = Math.min(file.size, offset + chunkBytes)
    const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer())
    await client.request('uploads:chunk', { uploadId, offset, data: bytesToBase64(bytes) }, quiet)
    onProgress(end / file.size)
  }
  return uploadId
}
