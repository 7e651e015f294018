import type { MoodPoint } from './timeline-rows'
import { timelineStrings as s } from './timeline.strings'

const W = 112
const H = 32
const PAD = 4

/**
 * The moods of one stretch between sessions as a tiny line (1 low, 5 good). Hand-drawn SVG:
 * a few points per row in a virtualised list of thousands, where a chart library instance
 * per row would cost more than it gives. Its words are in the label.
 */
export function MoodSparkline({ points }: { points: MoodPoint[] }): React.JSX.Element | null {
  if (points.length === 0) return null
  const first = points[0] as MoodPoint
  const last = points[points.length - 1] as MoodPoint
  const span = Math.max(1, last.at - first.at)
  const x = (at: number) => (points.length === 1 ? W / 2 : PAD + ((at - first.at) / span) * (W - 2 * PAD))
  const y = (mood: number) => PAD + ((5 - mood) / 4) * (H - 2 * PAD)
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.mood).toFixed(1)}`).join(' ')
  const words = points.map((p) => s.moods[p.mood - 1]).join(', ')
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={s.group.moodLabel(words)}>
      <line className="sparkline__mid" x1={PAD} x2={W - PAD} y1={y(3)} y2={y(3)} />
      {points.length > 1 ? <path className="sparkline__line" d={path} /> : null}
      {points.map((p, i) => (
        <circle key={i} className="sparkline__dot" cx={x(p.at)} cy={y(p.mood)} r={2.5} />
      ))}
    </svg>
  )
}
