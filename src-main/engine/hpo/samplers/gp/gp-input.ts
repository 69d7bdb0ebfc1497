// How a point of the search space enters a Gaussian process: its numeric unit coordinates, then
// one-hot categorical choices (so no order is invented between categories).

import type { EncodedPoint, SpaceCodec } from '../../space-codec'

function gpInputDims(codec: SpaceCodec): number {
  return codec.numeric.length + codec.categorical.reduce((s, d) => s + d.size, 0)
}

export function gpInput(codec: SpaceCodec, p: EncodedPoint): Float64Array {
  const out = new Float64Array(gpInputDims(codec))
  out.set(p.num)
  let at = p.num.length
  codec.categorical.forEach((dim, c) => {
    out[at + p.cat[c]] = 1
    at += dim.size
  })
  return out
}
