import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { MoodBucket } from '../../../../shared/ipc/contracts/journal'
import { Banner, EmptyState, LoadingArea, SelectField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { bucketsThatFit, type MoodBucketSize as Bucket } from './mood-fit'
import { formatShortDate, localZone } from './format'
import { timelineKeys } from './timeline.queries'
import { timelineStrings as s } from './timeline.strings'

type Range = '3m' | '12m' | 'all'
const RANGE_MS: Record<Range, number | null> = { '3m': 92 * 86_400_000, '12m': 366 * 86_400_000, all: null }

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')
const subscribeTheme = (onChange: () => void) => {
  const query = darkQuery()
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}
const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim()

/** uPlot on a canvas: the figures are also in the table below it for screen readers. */
function Chart({ buckets, label }: { buckets: MoodBucket[]; label: string }): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null)
  const dark = useSyncExternalStore(subscribeTheme, () => darkQuery().matches)
  const [width, setWidth] = useState(640)

  useEffect(() => {
    const el = host.current
    if (!el) return
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(280, Math.floor(entry.contentRect.width))))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const el = host.current
    if (!el) return
    const text = css('--text-muted')
    const grid = css('--border')
    const accent = css('--accent')
    const soft = css('--accent-soft')
    const xs = buckets.map((b) => b.start / 1000)
    const plot = new uPlot(
      {
        width,
        height: 260,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: [1, 5] } },
        axes: [
          // Dates as the person's locale writes them (uPlot's own labels are US-style).
          { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (_u, splits) => splits.map((v) => formatShortDate(v * 1000, false)) },
          { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, splits: () => [1, 2, 3, 4, 5], values: (_u, splits) => splits.map((v) => s.moods[v - 1] ?? ''), size: 80 },
        ],
        series: [
          {},
          { label: 'low', stroke: 'transparent', points: { show: false } },
          { label: 'high', stroke: 'transparent', points: { show: false } },
          { label: 'average', stroke: accent, width: 2, points: { show: buckets.length < 60, size: 6, fill: accent } },
        ],
        bands: [{ series: [2, 1], fill: soft }],
      },
      [xs, buckets.map((b) => b.low), buckets.map((b) => b.high), buckets.map((b) => b.average)],
      el,
    )
    return () => plot.destroy()
  }, [buckets, width, dark])

  return <div ref={host} className="mood-chart" role="img" aria-label={label} />
}

/** Mood over time: averages per day, week or month, with the range of ratings shaded. */
export default function MoodTrend(): React.JSX.Element {
  const [bucket, setBucket] = useState<Bucket>('week')
  const [range, setRange] = useState<Range>('12m')
  const [from] = useState(() => Date.now())
  const span = RANGE_MS[range]
  const sectionRef = useRef<HTMLElement>(null)
  const query = useQuery({
    queryKey: timelineKeys.moodTrend(bucket, range),
    queryFn: () =>
      bucketsThatFit(bucket, sectionRef.current?.clientWidth ?? window.innerWidth, async (size) => {
        const { buckets } = await rpc('mood.trend', { timeZone: localZone(), bucket: size, from: span === null ? null : from - span, to: null })
        return buckets
      }),
    meta: { tables: ['sessions'] },
  })
  const buckets = query.data?.buckets ?? []
  const shownBy = query.data?.shownBy ?? bucket
  const withYear = range !== '3m'

  return (
    <section ref={sectionRef} className="mood-trend" aria-labelledby="mood-trend-title">
      <header className="mood-trend__header">
        <div>
          <h2 id="mood-trend-title">{s.mood.title}</h2>
          <p className="muted">{s.mood.intro}</p>
        </div>
        <div className="mood-trend__controls">
          <SelectField label={s.mood.bucket} value={bucket} onChange={(e) => setBucket(e.target.value as Bucket)}>
            {(['day', 'week', 'month'] as const).map((b) => (
              <option key={b} value={b}>
                {s.mood.buckets[b]}
              </option>
            ))}
          </SelectField>
          <SelectField label={s.mood.range} value={range} onChange={(e) => setRange(e.target.value as Range)}>
            {(['3m', '12m', 'all'] as const).map((r) => (
              <option key={r} value={r}>
                {s.mood.ranges[r]}
              </option>
            ))}
          </SelectField>
        </div>
      </header>
      {query.isPending ? (
        <LoadingArea label={s.mood.loading} />
      ) : query.isError ? (
        <Banner tone="warning">{s.mood.failed}</Banner>
      ) : buckets.length === 0 ? (
        <EmptyState icon="leaf" title={s.mood.emptyTitle} level={3}>
          <p>{s.mood.emptyBody}</p>
        </EmptyState>
      ) : (
        <>
          <Chart buckets={buckets} label={s.mood.chartLabel(s.mood.buckets[shownBy], s.mood.ranges[range])} />
          {shownBy !== bucket ? <p className="muted small">{s.mood.coarser(s.mood.buckets[bucket], s.mood.buckets[shownBy])}</p> : null}
          <p className="muted small">{s.mood.summary(buckets.length, formatShortDate(buckets[0]!.start, true), formatShortDate(buckets.at(-1)!.start, true))}</p>
          <details className="mood-table">
            <summary>{s.mood.tableCaption}</summary>
            <div className="mood-table__scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{s.mood.colPeriod}</th>
                    <th scope="col">{s.mood.colAverage}</th>
                    <th scope="col">{s.mood.colRange}</th>
                    <th scope="col">{s.mood.colCount}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...buckets].reverse().map((b) => (
                    <tr key={b.start}>
                      <th scope="row">{formatShortDate(b.start, withYear)}</th>
                      <td>{b.average.toFixed(1)}</td>
                      <td>{`${s.moods[b.low - 1]} – ${s.moods[b.high - 1]}`}</td>
                      <td>{b.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  )
}
