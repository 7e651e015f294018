import { useEffect, useRef, useState } from 'react'
import type { Priority } from '../../../../shared/domain/vocabulary'
import { PRIORITIES } from '../../../../shared/domain/vocabulary'
import type { TalkingPoint } from '../../../../shared/ipc/schemas/talking-points'
import { Button } from '../../components/ui'
import { updateSince } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { PointText } from './PointText'
import { sessionPrepStrings } from './session-prep.strings'

const t = sessionPrepStrings.points

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text)

/** Moves the item at `from` to `to` (indices in the same list). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list]
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(Math.max(0, Math.min(next.length, to)), 0, item)
  return next
}

function GripIcon(): React.JSX.Element {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      {[6, 12, 18].flatMap((y) => [9, 15].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r={1.6} />))}
    </svg>
  )
}

/**
 * The talking points in the person's order. Reorder by dragging an item, or with the keyboard:
 * focus the item's handle and press Alt+Up or Alt+Down (the move is announced). Changes are
 * saved in one call (sessionPrep.reorder).
 */
export function TalkingPointList({ points, onMessage }: { points: readonly TalkingPoint[]; onMessage: (text: string) => void }): React.JSX.Element {
  const [order, setOrder] = useState<TalkingPoint[]>([...points])
  const [source, setSource] = useState(points)
  const [announce, setAnnounce] = useState('')
  const [dragging, setDragging] = useState<number | null>(null)
  const [over, setOver] = useState<number | null>(null)
  const handles = useRef(new Map<string, HTMLButtonElement>())
  const pendingFocus = useRef<string | null>(null)

  // Server data wins whenever it changes (after a save, or another change elsewhere).
  if (source !== points) {
    setSource(points)
    setOrder([...points])
  }

  useEffect(() => {
    const id = pendingFocus.current
    if (id) {
      handles.current.get(id)?.focus()
      pendingFocus.current = null
    }
  }, [order])

  const save = async (next: TalkingPoint[]) => {
    setOrder(next)
    try {
      await rpc('sessionPrep.reorder', { ids: next.map((p) => p.id) })
    } catch {
      onMessage(t.failed)
      setOrder([...points])
    }
  }

  const moveBy = (index: number, delta: number) => {
    const point = order[index]
    if (!point) return
    const to = index + delta
    if (to < 0) return setAnnounce(t.top(short(point.text)))
    if (to >= order.length) return setAnnounce(t.bottom(short(point.text)))
    pendingFocus.current = point.id
    setAnnounce(t.moved(short(point.text), to + 1, order.length))
    void save(move(order, index, to))
  }

  const setPriority = async (point: TalkingPoint, priority: Priority) => {
    setOrder((list) => list.map((p) => (p.id === point.id ? { ...p, priority } : p)))
    await rpc('talkingPoints.update', updateSince(point.id, { priority }, point)).catch(() => onMessage(t.failed))
  }

  const remove = async (point: TalkingPoint) => {
    try {
      // Kept as "dropped" rather than deleted, so a flagged reflection is not gathered again.
      await rpc('talkingPoints.update', updateSince<Pick<TalkingPoint, 'status'>>(point.id, { status: 'dropped' }, point))
      setAnnounce(t.removed(short(point.text)))
    } catch {
      onMessage(t.failed)
    }
  }

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="assertive" aria-atomic="true">
        {announce}
      </p>
      {order.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <ol className="points">
          {order.map((point, index) => (
            <li
              key={point.id}
              className={['point', dragging === index ? 'point--dragging' : '', over === index && dragging !== index ? 'point--over' : ''].join(' ')}
              draggable
              data-testid="talking-point"
              onDragStart={(event) => {
                setDragging(index)
                event.dataTransfer.effectAllowed = 'move'
                event.dataTransfer.setData('text/plain', point.id)
              }}
              onDragOver={(event) => {
                event.preventDefault()
                event.dataTransfer.dropEffect = 'move'
                setOver(index)
              }}
              onDragLeave={() => setOver((o) => (o === index ? null : o))}
              onDrop={(event) => {
                event.preventDefault()
                const from = dragging ?? order.findIndex((p) => p.id === event.dataTransfer.getData('text/plain'))
                setDragging(null)
                setOver(null)
                if (from < 0 || from === index) return
                const moved = order[from]
                if (moved) setAnnounce(t.moved(short(moved.text), index + 1, order.length))
                void save(move(order, from, index))
              }}
              onDragEnd={() => {
                setDragging(null)
                setOver(null)
              }}
            >
              <button
                type="button"
                className="point__handle"
                aria-label={t.handle(short(point.text))}
                ref={(el) => {
                  if (el) handles.current.set(point.id, el)
                  else handles.current.delete(point.id)
                }}
                onKeyDown={(event) => {
                  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
                  event.preventDefault()
                  moveBy(index, event.key === 'ArrowUp' ? -1 : 1)
                }}
              >
                <GripIcon />
              </button>
              <span className="point__number" aria-hidden="true">
                {index + 1}
              </span>
              <div className="point__body">
                <PointText point={point} label={short(point.text)} onMessage={onMessage} />
                <p className="point__meta">
                  {point.status === 'carried_over' ? <span className="tag">{t.carried}</span> : null}
                  {point.sourceReflectionId ? <span className="muted small">{t.fromReflection}</span> : null}
                  {point.sourceDraftId ? <span className="muted small">{t.fromDraft}</span> : null}
                </p>
              </div>
              <div className="point__controls">
                <label className="visually-hidden" htmlFor={`priority-${point.id}`}>
                  {t.priorityFor(short(point.text))}
                </label>
                <select
                  id={`priority-${point.id}`}
                  className="input input--select point__priority"
                  value={point.priority}
                  onChange={(e) => void setPriority(point, e.target.value as Priority)}
                >
                  {[...PRIORITIES].reverse().map((p) => (
                    <option key={p} value={p}>
                      {t.priorities[p]}
                    </option>
                  ))}
                </select>
                <Button variant="quiet" className="point__move" aria-label={t.moveLabel(t.moveUp, short(point.text))} disabled={index === 0} onClick={() => moveBy(index, -1)}>
                  ↑
                </Button>
                <Button
                  variant="quiet"
                  className="point__move"
                  aria-label={t.moveLabel(t.moveDown, short(point.text))}
                  disabled={index === order.length - 1}
                  onClick={() => moveBy(index, 1)}
                >
                  ↓
                </Button>
                <Button variant="quiet" icon="close" className="point__remove" aria-label={t.removeLabel(short(point.text))} onClick={() => void remove(point)}>
                  <span className="visually-hidden">{t.removeLabel(short(point.text))}</span>
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
