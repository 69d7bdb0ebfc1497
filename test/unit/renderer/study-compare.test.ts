import { describe, expect, it } from 'vitest'
import {
  formatMetric,
  maeChange,
  miwChange,
  paramsSummary,
  paramText,
  picpChange,
} from '../../../src-renderer/src/lib/study-compare'

describe('validation against test', () => {
  it('calls a lower test MAE better and a higher one worse, as a relative change', () => {
    expect(maeChange(40, 44)).toEqual({ text: '+10.0 %', tone: 'worse' })
    expect(maeChange(40, 30)).toEqual({ text: '−25.0 %', tone: 'better' })
    expect(maeChange(40, 40)).toEqual({ text: '+0.0 %', tone: 'neutral' })
  })

  it('judges PICP by its distance from the target, not by its sign', () => {
    // 70 → 85 % moves away from 80 less (5) than before (10): better, though PICP rose.
    expect(picpChange({ picp: 70, gap: 10 }, { picp: 85, gap: 5 })).toEqual({
      text: '+15.0 pp',
      tone: 'better',
    })
    expect(picpChange({ picp: 78, gap: 2 }, { picp: 60, gap: 20 })).toEqual({
      text: '−18.0 pp',
      tone: 'worse',
    })
  })

  it('gives no verdict on the interval width, and formats values and parameters', () => {
    expect(miwChange(20, 18)).toEqual({ text: '−10.0 %', tone: 'neutral' })
    expect(formatMetric(41.94725)).toBe('41.947')
    expect(formatMetric(20.8333, 1)).toBe('20.8')
    expect(formatMetric(12345.6)).toBe('12346')
    expect(formatMetric(undefined)).toBe('—')
    expect(paramsSummary({ num_stacks: 2, lr: 0.0021320913, dropout: 0.34027 })).toBe(
      'num_stacks 2 · lr 0.00213 · dropout 0.34',
    )
    expect(paramText('weight_decay', 0.000419069)).toBe('weight_decay 0.000419')
  })
})
