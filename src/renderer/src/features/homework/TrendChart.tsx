import type { CheckIn } from '../../../../shared/ipc/schemas/homework'
import { formatShortDate } from '../timeline/format'
import { homeworkStrings } from './homework.strings'

const W = 320
const H = 120
const PAD = 16
const LEFT = 28

/** Scores over time as a line, oldest on the left, with the same numbers as a list for screen readers. */
export function TrendChart({ name, max, checkIns }: { name: string; max: number; checkIns: readonly CheckIn[] }): React.JSX.Element {
  const s = homeworkStrings.checkIns
  if (checkIns.length === 0) return <p className="muted">{s.trendEmpty}</p>
  const points = [...checkIns].sort((a, b) => a.takenAt - b.takenAt)
  const first = points[0]?.takenAt ?? 0
  const span = Math.max(1, (points.at(-1)?.takenAt ?? first) - first)
  const x = (at: number) => (points.length === 1 ? W / 2 : LEFT + ((at - first) / span) * (W - LEFT - PAD))
  const y = (score: number) => H - PAD - (score / max) * (H - 2 * PAD)
  const path = points.map((p) => `${x(p.takenAt).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')
  const label = s.trend(name)
  const latest = points.at(-1)
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${W} ${H}`} className="trend__chart" role="img" aria-label={label} focusable="false">
        <line x1={LEFT} x2={W - PAD} y1={y(0)} y2={y(0)} className="trend__axis" />
        <line x1={LEFT} x2={W - PAD} y1={y(max)} y2={y(max)} className="trend__axis trend__axis--top" />
        <text x={LEFT - 6} y={y(0) + 4} className="trend__label" textAnchor="end">
          0
        </text>
        <text x={LEFT - 6} y={y(max) + 4} className="trend__label" textAnchor="end">
          {max}
        </text>
        <polyline points={path} className="trend__line" fill="none" />
        {points.map((p) => (
          <circle key={p.id} cx={x(p.takenAt)} cy={y(p.score)} r={3.5} className="trend__dot" />
        ))}
      </svg>
      {latest ? <p className="trend__latest">{s.latest(latest.score, max, homeworkStrings.bands[latest.band])}</p> : null}
      <figcaption className="visually-hidden">
        <ul>
          {points.map((p) => (
            <li key={p.id}>{s.trendPoint(formatShortDate(p.takenAt, true), p.score)}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
