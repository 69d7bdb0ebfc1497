// Upload chunks travel as base64 so that one encoding serves IPC and JSON-over-WebSocket alike.
// btoa wants a binary string; building it in slices keeps String.fromCharCode's argument count
// far below engine limits for 1 MiB chunks.
const SLICE = 0x8000

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE))
  }
  return btoa(binary)
}
