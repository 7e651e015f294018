import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { CrisisPlan } from '../../../../shared/ipc/schemas/crisis-plan'
import { Banner, Button, Card, LoadingArea, SelectField, TextField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { Checkbox } from '../agreements/controls'
import { crisisPlanStrings as s } from './crisis-plan.strings'
import { crisisPlanKeys, crisisPlanQuery, prefsKeys, prefsQuery } from './crisis-plan.queries'
import { keptPlanText } from './kept-plan'
import { EntryHistory } from '../sync/EntryHistory'
import { NATIONAL_NUMBERS, numbersForLocale } from '../../../../shared/domain/crisis-numbers'
import './crisis-plan.css'

type Draft = Omit<CrisisPlan, 'updatedAt'>
type TextListKey = 'warningSigns' | 'copingStrategies' | 'safeEnvironment' | 'reasonsToLive'

const EMPTY: Draft = {
  warningSigns: [],
  copingStrategies: [],
  distractions: [],
  helpers: [],
  professionals: [],
  crisisLines: [],
  emergencyNumber: '',
  safeEnvironment: [],
  reasonsToLive: [],
}

const fromPlan = (plan: CrisisPlan): Draft => ({
  warningSigns: plan.warningSigns,
  copingStrategies: plan.copingStrategies,
  distractions: plan.distractions,
  helpers: plan.helpers,
  professionals: plan.professionals,
  crisisLines: plan.crisisLines,
  emergencyNumber: plan.emergencyNumber,
  safeEnvironment: plan.safeEnvironment,
  reasonsToLive: plan.reasonsToLive,
})

/** What the schema accepts: trimmed, with empty rows dropped. */
export function cleanPlan(draft: Draft): Draft {
  const text = (items: string[]) => items.map((x) => x.trim()).filter(Boolean)
  return {
    warningSigns: text(draft.warningSigns),
    copingStrategies: text(draft.copingStrategies),
    distractions: draft.distractions.map((d) => ({ name: d.name.trim(), note: d.note.trim() })).filter((d) => d.name),
    helpers: draft.helpers.map((p) => ({ name: p.name.trim(), phone: p.phone.trim() })).filter((p) => p.name),
    professionals: draft.professionals.map((p) => ({ name: p.name.trim(), phone: p.phone.trim(), role: p.role.trim() })).filter((p) => p.name),
    crisisLines: draft.crisisLines.map((l) => ({ name: l.name.trim(), phone: l.phone.trim(), url: l.url.trim() })).filter((l) => l.name),
    emergencyNumber: draft.emergencyNumber.trim(),
    safeEnvironment: text(draft.safeEnvironment),
    reasonsToLive: text(draft.reasonsToLive),
  }
}

const DIALABLE = /^\+?[0-9][0-9 ()*#.-]{0,31}$/

export default function CrisisPlanScreen(): React.JSX.Element {
  const plan = useQuery(crisisPlanQuery())
  return (
    <div className="page crisis-plan">
      <header className="page__header">
        <h1>{s.title}</h1>
        <p className="page__intro">{s.intro}</p>
      </header>
      {plan.isPending ? (
        <LoadingArea label={s.title} />
      ) : plan.isError ? (
        <Banner tone="danger" action={<Button onClick={() => void plan.refetch()}>{s.retry}</Button>}>
          {s.loadFailed}
        </Banner>
      ) : (
        <>
          <PlanEditor plan={plan.data} />
          <LockScreenSettings plan={plan.data} />
        </>
      )}
    </div>
  )
}

function PlanEditor({ plan }: { plan: CrisisPlan }): React.JSX.Element {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<Draft>(() => (plan.updatedAt === null ? EMPTY : fromPlan(plan)))
  // The plan as the screen showed it (loaded, empty when there was none, then each save): the
  // save's base, so a section another computer changed meanwhile and the person left alone keeps that change.
  const shown = useRef<Draft>(plan.updatedAt === null ? EMPTY : fromPlan(plan))
  const [dirty, setDirty] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'success' | 'danger' | 'info'; text: string } | null>(null)
  const [country, setCountry] = useState(() => numbersForLocale(navigator.language)?.region ?? '')

  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setDirty(true)
  }

  const useNumbers = () => {
    const numbers = NATIONAL_NUMBERS.find((n) => n.region === country)
    if (!numbers) return
    const has = draft.crisisLines.some((l) => l.phone.replace(/\D/g, '') === numbers.line.phone.replace(/\D/g, ''))
    update({
      emergencyNumber: numbers.emergency,
      crisisLines: has ? draft.crisisLines : [...draft.crisisLines, { name: numbers.line.name, phone: numbers.line.phone, url: '' }],
    })
    setMessage({ tone: 'info', text: s.national.used(numbers.country) })
  }

  const save = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const saved = await rpc('crisisPlan.save', { ...cleanPlan(draft), base: shown.current })
      shown.current = fromPlan(saved)
      queryClient.setQueryData(crisisPlanKeys.all, saved)
      setDraft(fromPlan(saved))
      setDirty(false)
      setMessage({ tone: 'success', text: s.saved })
    } catch {
      setMessage({ tone: 'danger', text: s.failed })
    } finally {
      setBusy(false)
    }
  }

  const textList = (key: TextListKey, ordered = false) => {
    const section = s.sections[key]
    return (
      <Card title={section.title} level={2}>
        <p className="muted">{section.hint}</p>
        <RowList
          count={draft[key].length}
          itemName={section.item}
          addLabel={section.add}
          ordered={ordered}
          onAdd={() => update({ [key]: [...draft[key], ''] })}
          onRemove={(i) => update({ [key]: draft[key].filter((_, j) => j !== i) })}
          renderRow={(i) => (
            <TextField
              label={`${section.item} ${i + 1}`}
              value={draft[key][i] ?? ''}
              maxLength={1000}
              onChange={(e) => update({ [key]: draft[key].map((x, j) => (j === i ? e.target.value : x)) })}
            />
          )}
        />
      </Card>
    )
  }

  const lines = s.sections.crisisLines
  return (
    <form
      className="stack stack--lg"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <EntryHistory table="crisis_plan" keptText={(field, value) => (field === 'plan' ? keptPlanText(value, fromPlan(plan)) : undefined)} />
      {textList('warningSigns')}
      {textList('copingStrategies', true)}
      <Card title={s.sections.distractions.title}>
        <p className="muted">{s.sections.distractions.hint}</p>
        <RowList
          count={draft.distractions.length}
          itemName={s.sections.distractions.item}
          addLabel={s.sections.distractions.add}
          onAdd={() => update({ distractions: [...draft.distractions, { name: '', note: '' }] })}
          onRemove={(i) => update({ distractions: draft.distractions.filter((_, j) => j !== i) })}
          renderRow={(i) => {
            const row = draft.distractions[i] ?? { name: '', note: '' }
            const set = (p: Partial<typeof row>) => update({ distractions: draft.distractions.map((x, j) => (j === i ? { ...x, ...p } : x)) })
            return (
              <div className="inline-fields">
                <TextField label={`${s.sections.distractions.item} ${i + 1}`} value={row.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
                <TextField label={s.sections.distractions.note} optional optionalText={s.optional} value={row.note} maxLength={500} onChange={(e) => set({ note: e.target.value })} />
              </div>
            )
          }}
        />
      </Card>
      <Card title={s.sections.helpers.title}>
        <p className="muted">{s.sections.helpers.hint}</p>
        <RowList
          count={draft.helpers.length}
          itemName={s.sections.helpers.item}
          addLabel={s.sections.helpers.add}
          onAdd={() => update({ helpers: [...draft.helpers, { name: '', phone: '' }] })}
          onRemove={(i) => update({ helpers: draft.helpers.filter((_, j) => j !== i) })}
          renderRow={(i) => {
            const row = draft.helpers[i] ?? { name: '', phone: '' }
            const set = (p: Partial<typeof row>) => update({ helpers: draft.helpers.map((x, j) => (j === i ? { ...x, ...p } : x)) })
            return (
              <div className="inline-fields">
                <TextField label={`${s.sections.helpers.item} ${i + 1}`} value={row.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
                <TextField label={s.sections.helpers.phone} type="tel" value={row.phone} maxLength={50} onChange={(e) => set({ phone: e.target.value })} />
              </div>
            )
          }}
        />
      </Card>
      <Card title={s.sections.professionals.title}>
        <p className="muted">{s.sections.professionals.hint}</p>
        <RowList
          count={draft.professionals.length}
          itemName={s.sections.professionals.item}
          addLabel={s.sections.professionals.add}
          onAdd={() => update({ professionals: [...draft.professionals, { name: '', phone: '', role: '' }] })}
          onRemove={(i) => update({ professionals: draft.professionals.filter((_, j) => j !== i) })}
          renderRow={(i) => {
            const row = draft.professionals[i] ?? { name: '', phone: '', role: '' }
            const set = (p: Partial<typeof row>) => update({ professionals: draft.professionals.map((x, j) => (j === i ? { ...x, ...p } : x)) })
            return (
              <div className="inline-fields">
                <TextField label={`${s.sections.professionals.item} ${i + 1}`} value={row.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
                <TextField label={s.sections.professionals.role} optional optionalText={s.optional} value={row.role} maxLength={200} onChange={(e) => set({ role: e.target.value })} />
                <TextField label={s.sections.professionals.phone} type="tel" value={row.phone} maxLength={50} onChange={(e) => set({ phone: e.target.value })} />
              </div>
            )
          }}
        />
        <h3 className="crisis-plan__subtitle">{lines.title}</h3>
        <RowList
          count={draft.crisisLines.length}
          itemName={lines.item}
          addLabel={lines.add}
          onAdd={() => update({ crisisLines: [...draft.crisisLines, { name: '', phone: '', url: '' }] })}
          onRemove={(i) => update({ crisisLines: draft.crisisLines.filter((_, j) => j !== i) })}
          renderRow={(i) => {
            const row = draft.crisisLines[i] ?? { name: '', phone: '', url: '' }
            const set = (p: Partial<typeof row>) => update({ crisisLines: draft.crisisLines.map((x, j) => (j === i ? { ...x, ...p } : x)) })
            return (
              <div className="inline-fields">
                <TextField label={`${lines.item} ${i + 1}`} value={row.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
                <TextField label={lines.phone} type="tel" value={row.phone} maxLength={50} onChange={(e) => set({ phone: e.target.value })} />
                <TextField label={lines.url} hint={lines.urlHint} type="url" value={row.url} maxLength={500} onChange={(e) => set({ url: e.target.value })} />
              </div>
            )
          }}
        />
        <TextField
          label={s.sections.emergencyNumber.label}
          hint={s.sections.emergencyNumber.hint}
          type="tel"
          className="field--medium"
          value={draft.emergencyNumber}
          maxLength={50}
          onChange={(e) => update({ emergencyNumber: e.target.value })}
        />
        <div className="national">
          <h3 className="crisis-plan__subtitle">{s.national.title}</h3>
          <p className="muted small">{s.national.intro}</p>
          <div className="inline-fields">
            <SelectField label={s.national.country} value={country} onChange={(e) => setCountry(e.target.value)}>
              <option value="">{s.national.choose}</option>
              {NATIONAL_NUMBERS.map((n) => (
                <option key={n.region} value={n.region}>
                  {n.country}
                </option>
              ))}
            </SelectField>
            <Button onClick={useNumbers} disabled={!country}>
              {s.national.use}
            </Button>
          </div>
          {country ? (
            <p className="small muted">
              {(() => {
                const n = NATIONAL_NUMBERS.find((x) => x.region === country)
                return n ? `${s.national.emergency(n.emergency)} · ${s.national.line(n.line.name, n.line.phone)}` : ''
              })()}
            </p>
          ) : null}
        </div>
      </Card>
      {textList('safeEnvironment')}
      {textList('reasonsToLive')}

      <div className="save-bar">
        <div role="status" aria-live="polite" className="save-bar__status">
          {message ? <Banner tone={message.tone}>{message.text}</Banner> : dirty ? <span className="muted">{s.unsaved}</span> : null}
        </div>
        <Button type="submit" variant="primary" size="lg" busy={busy} busyLabel={s.saving}>
          {s.save}
        </Button>
      </div>
    </form>
  )
}

function RowList({
  count,
  itemName,
  addLabel,
  ordered = false,
  onAdd,
  onRemove,
  renderRow,
}: {
  count: number
  itemName: string
  addLabel: string
  ordered?: boolean
  onAdd: () => void
  onRemove: (i: number) => void
  renderRow: (i: number) => React.ReactNode
}): React.JSX.Element {
  const List = ordered ? 'ol' : 'ul'
  const focusLast = useRef(false)
  const listRef = useRef<HTMLOListElement & HTMLUListElement>(null)
  // After "Add", the new row's first field gets focus.
  useEffect(() => {
    if (!focusLast.current) return
    focusLast.current = false
    listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus()
  }, [count])
  return (
    <div className="row-list">
      {count > 0 ? (
        <List className="row-list__items" ref={listRef}>
          {Array.from({ length: count }, (_, i) => (
            <li key={i} className="row-list__item">
              <div className="row-list__fields">{renderRow(i)}</div>
              <Button variant="quiet" icon="trash" aria-label={s.remove(itemName, i + 1)} onClick={() => onRemove(i)} className="row-list__remove">
                <span className="visually-hidden">{s.remove(itemName, i + 1)}</span>
              </Button>
            </li>
          ))}
        </List>
      ) : null}
      <div>
        <Button
          icon="plus"
          onClick={() => {
            focusLast.current = true
            onAdd()
          }}
        >
          {addLabel}
        </Button>
      </div>
    </div>
  )
}

function LockScreenSettings({ plan }: { plan: CrisisPlan }): React.JSX.Element {
  const prefs = useQuery(prefsQuery())
  const queryClient = useQueryClient()
  const t = s.lockScreen
  const lines = plan.crisisLines.filter((l) => DIALABLE.test(l.phone.trim()))
  const [show, setShow] = useState<boolean | null>(null)
  const [line, setLine] = useState<string | null>(null)
  const [emergency, setEmergency] = useState<string | null>(null)
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null)
  const [error, setError] = useState<string | null>(null)

  if (prefs.isPending || prefs.isError) return <></>
  const current = prefs.data.prefs
  const showValue = show ?? current.showCrisisOnLockScreen
  const lineValue = line ?? (current.lockScreenCrisisLine ? `${current.lockScreenCrisisLine.name}|${current.lockScreenCrisisLine.phone}` : lines[0] ? `${lines[0].name}|${lines[0].phone}` : '')
  const emergencyValue = emergency ?? current.emergencyNumber ?? plan.emergencyNumber

  const save = async () => {
    setMessage(null)
    const number = emergencyValue.trim()
    if (number && !DIALABLE.test(number)) {
      setError(t.invalid)
      return
    }
    setError(null)
    const [name, phone] = lineValue ? lineValue.split('|') : []
    try {
      const next = await rpc('prefs.set', {
        showCrisisOnLockScreen: showValue,
        lockScreenCrisisLine: name && phone ? { name: name.slice(0, 100), phone: phone.trim() } : null,
        emergencyNumber: number || null,
      })
      queryClient.setQueryData(prefsKeys.all, { ...prefs.data, prefs: next })
      setMessage({ tone: 'success', text: t.saved })
    } catch {
      setMessage({ tone: 'danger', text: t.failed })
    }
  }

  return (
    <Card title={t.title}>
      <div className="form">
        <p className="muted">{t.intro}</p>
        <Checkbox label={t.show} checked={showValue} onChange={setShow} />
        {showValue ? (
          <>
            <SelectField label={t.line} className="field--medium" value={lineValue} onChange={(e) => setLine(e.target.value)}>
              <option value="">{t.none}</option>
              {lines.map((l, i) => (
                <option key={i} value={`${l.name}|${l.phone.trim()}`}>
                  {`${l.name}: ${l.phone}`}
                </option>
              ))}
            </SelectField>
            <TextField label={t.emergency} type="tel" className="field--medium" value={emergencyValue} maxLength={32} onChange={(e) => setEmergency(e.target.value)} error={error ?? undefined} />
          </>
        ) : null}
        <div role="status" aria-live="polite">
          {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
        </div>
        <div>
          <Button onClick={() => void save()}>{t.save}</Button>
        </div>
      </div>
    </Card>
  )
}
