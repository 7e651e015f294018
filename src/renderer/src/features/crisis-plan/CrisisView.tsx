import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { CrisisPlan } from '../../../../shared/ipc/schemas/crisis-plan'
import { Button, keepTabInside } from '../../components/ui'
import { crisisPlanStrings } from './crisis-plan.strings'
import { crisisPlanQuery, prefsQuery } from './crisis-plan.queries'
import { numbersForLocale } from '../../../../shared/domain/crisis-numbers'
import { PhoneIcon, PhoneLink } from './PhoneLink'
import './crisis-plan.css'

const s = crisisPlanStrings.view
const l = crisisPlanStrings.locked

export interface Covering {
  name: string
  contact: string
}

const hasPlan = (plan: CrisisPlan): boolean =>
  plan.updatedAt !== null &&
  [
    plan.warningSigns,
    plan.copingStrategies,
    plan.distractions,
    plan.helpers,
    plan.professionals,
    plan.crisisLines,
    plan.safeEnvironment,
    plan.reasonsToLive,
  ].some((list) => list.length > 0)

/**
 * The crisis plan, full screen, before anything else: the emergency number and crisis lines as
 * large call links first, then the people to ask, then the person's own steps. A modal <dialog>
 * so nothing behind it can be reached until the person goes back; Tab stays inside, Escape
 * closes. Locked, it reads nothing from the vault: only the app's own numbers for the region.
 * Opened through CrisisViewProvider (useCrisisView).
 */
export function CrisisView({
  open,
  onClose,
  onEditPlan,
  covering,
  locked = false,
}: {
  open: boolean
  onClose: () => void
  onEditPlan?: () => void
  covering?: Covering | null
  locked?: boolean
}): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const plan = useQuery({ ...crisisPlanQuery(), enabled: !locked })
  const prefs = useQuery({ ...prefsQuery(), enabled: !locked })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      headingRef.current?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])

  const data = locked ? undefined : plan.data
  const suggested = numbersForLocale(navigator.language)
  const emergency =
    data?.emergencyNumber.trim() || prefs.data?.prefs.emergencyNumber || suggested?.emergency || ''
  const lines =
    data && data.crisisLines.length > 0
      ? data.crisisLines
      : suggested
        ? [{ name: suggested.line.name, phone: suggested.line.phone, url: '' }]
        : []
  const planned = data !== undefined && hasPlan(data)

  return (
    <dialog
      ref={ref}
      className="crisis-view"
      aria-labelledby="crisis-view-title"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onKeyDown={(event) => keepTabInside(event, ref.current)}
    >
      {open ? (
        <div className="crisis-view__inner">
          <header className="crisis-view__header">
            <h1 id="crisis-view-title" ref={headingRef} tabIndex={-1}>
              {locked ? l.title : s.title}
            </h1>
            <div className="button-row">
              {planned && onEditPlan ? (
                <Button variant="quiet" onClick={onEditPlan}>
                  {s.editPlan}
                </Button>
              ) : null}
              <Button icon="arrowLeft" onClick={onClose}>
                {s.back}
              </Button>
            </div>
          </header>
          <p className="crisis-view__intro">{locked ? l.intro : planned ? s.intro : s.noPlan}</p>

          <div className="crisis-calls">
            {emergency ? (
              <PhoneLink phone={emergency} className="crisis-call crisis-call--emergency">
                <PhoneIcon size={28} />
                <span className="crisis-call__text">
                  <span className="crisis-call__name">{crisisPlanStrings.view.emergencyLabel}</span>
                  <span className="crisis-call__number">{emergency}</span>
                </span>
              </PhoneLink>
            ) : (
              <p className="crisis-call crisis-call--emergency">{s.noNumber}</p>
            )}
            {lines.map((line, i) =>
              line.phone ? (
                <PhoneLink key={i} phone={line.phone} className="crisis-call">
                  <PhoneIcon size={28} />
                  <span className="crisis-call__text">
                    <span className="crisis-call__name">{line.name}</span>
                    <span className="crisis-call__number">{line.phone}</span>
                  </span>
                </PhoneLink>
              ) : null,
            )}
          </div>
          {locked ? (
            <p className="muted small">{suggested ? l.source(suggested.country) : l.noRegion}</p>
          ) : !planned && suggested && !(data?.crisisLines.length ?? 0) ? (
            <p className="muted small">{s.suggested(suggested.country)}</p>
          ) : null}
          {covering && (covering.name || covering.contact) ? (
            <p className="crisis-view__covering">{s.covering(covering.name, covering.contact)}</p>
          ) : null}

          {planned && data ? (
            <div className="crisis-view__sections">
              <Section title={s.peopleTitle} show={data.helpers.length > 0}>
                <ul className="crisis-people">
                  {data.helpers.map((p, i) => (
                    <li key={i}>
                      {p.phone ? (
                        <PhoneLink phone={p.phone} className="crisis-person">
                          <span className="crisis-person__name">{p.name}</span>{' '}
                          <span className="crisis-person__number">{p.phone}</span>
                        </PhoneLink>
                      ) : (
                        <span className="crisis-person">{p.name}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </Section>
              <Section title={s.professionalsTitle} show={data.professionals.length > 0}>
                <ul className="crisis-people">
                  {data.professionals.map((p, i) => (
                    <li key={i}>
                      {p.phone ? (
                        <PhoneLink phone={p.phone} className="crisis-person">
                          <span className="crisis-person__name">
                            {p.name}
                            {p.role ? ` (${p.role})` : ''}
                          </span>{' '}
                          <span className="crisis-person__number">{p.phone}</span>
                        </PhoneLink>
                      ) : (
                        <span className="crisis-person">{p.name}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </Section>
              <ListSection title={s.stepsTitle} items={data.copingStrategies} ordered />
              <ListSection
                title={s.distractionsTitle}
                items={data.distractions.map((d) => (d.note ? `${d.name}: ${d.note}` : d.name))}
              />
              <ListSection title={s.safeTitle} items={data.safeEnvironment} />
              <ListSection title={s.reasonsTitle} items={data.reasonsToLive} />
              <ListSection title={s.signsTitle} items={data.warningSigns} />
            </div>
          ) : onEditPlan ? (
            <div>
              <Button onClick={onEditPlan}>{s.writePlan}</Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </dialog>
  )
}

function Section({
  title,
  show,
  children,
}: {
  title: string
  show: boolean
  children: React.ReactNode
}): React.JSX.Element | null {
  if (!show) return null
  return (
    <section className="crisis-section">
      <h2>{title}</h2>
      {children}
    </section>
  )
}

function ListSection({
  title,
  items,
  ordered = false,
}: {
  title: string
  items: readonly string[]
  ordered?: boolean
}): React.JSX.Element | null {
  if (items.length === 0) return null
  const List = ordered ? 'ol' : 'ul'
  return (
    <Section title={title} show>
      <List className="crisis-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </List>
    </Section>
  )
}
