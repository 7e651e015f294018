import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { SKILL_MODULES } from '../../../../shared/domain/homework/homework-lists'
import type { DiarySetup } from '../../../../shared/ipc/schemas/homework'
import { Banner, Button, TextAreaField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { homeworkStrings } from './homework.strings'

const s = homeworkStrings.diary
const lines = (text: string) => [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))].slice(0, 30)
const text = (items: readonly string[]) => items.join('\n')

/** The card's rows, one per line: the person's own emotions, urges, behaviours and skills. */
export function DiarySetupForm({ setup }: { setup: DiarySetup }): React.JSX.Element {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState(() => ({
    emotions: text(setup.emotions),
    urges: text(setup.urges),
    behaviours: text(setup.behaviours),
    ...Object.fromEntries(SKILL_MODULES.map((m) => [m, text(setup.skills[m])])),
  }) as Record<'emotions' | 'urges' | 'behaviours' | (typeof SKILL_MODULES)[number], string>)
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle')

  const save = async () => {
    try {
      const settings = await rpc('homework.settings', {})
      await rpc('homework.saveSettings', {
        ...settings,
        diaryCard: {
          emotions: lines(draft.emotions),
          urges: lines(draft.urges),
          behaviours: lines(draft.behaviours),
          skills: Object.fromEntries(SKILL_MODULES.map((m) => [m, lines(draft[m])])) as DiarySetup['skills'],
        },
      })
      setState('saved')
      void queryClient.invalidateQueries({ queryKey: ['diary_card_days'] })
    } catch {
      setState('failed')
    }
  }
  const field = (key: keyof typeof draft, label: string) => (
    <TextAreaField key={key} label={label} dir="auto" autoComplete="off" rows={4} value={draft[key]} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
  )

  return (
    <details className="diary-setup">
      <summary>{s.setupTitle}</summary>
      <p className="field__hint">{s.setupHint}</p>
      <div className="diary-setup__grid">
        {field('emotions', s.setupEmotions)}
        {field('urges', s.setupUrges)}
        {field('behaviours', s.setupBehaviours)}
        {SKILL_MODULES.map((m) => field(m, s.setupSkills(s.modules[m])))}
      </div>
      <Button onClick={() => void save()}>{s.saveSetup}</Button>
      {state === 'saved' ? <p role="status">{s.setupSaved}</p> : state === 'failed' ? <Banner tone="warning">{s.saveFailed}</Banner> : null}
    </details>
  )
}
