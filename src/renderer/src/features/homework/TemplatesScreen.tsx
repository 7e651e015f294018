import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ReflectionTemplate } from '../../../../shared/ipc/schemas/homework'
import { Banner, Button, Card, TextAreaField, TextField } from '../../components/ui'
import { useNavigation } from '../../app/navigation'
import { updateSince } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { homeworkKeys, templatesQuery } from './homework.queries'
import { builtInTemplates, homeworkStrings } from './homework.strings'
import './homework.css'

const s = homeworkStrings.templates
type Editing = { id: string | null; title: string; body: string }

/** Reflection templates: the ones that come with Between, and the person's own (kept in the vault). */
export default function TemplatesScreen(): React.JSX.Element {
  const queryClient = useQueryClient()
  const navigation = useNavigation()
  const own = useQuery(templatesQuery())
  const [editing, setEditing] = useState<Editing | null>(null)
  const [failed, setFailed] = useState(false)

  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work()
      setFailed(false)
      void queryClient.invalidateQueries({ queryKey: homeworkKeys.templates() })
    } catch {
      setFailed(true)
    }
  }
  /** `opened`: the template as the form opened it, so words a sync pass wrote meanwhile merge. */
  const save = (draft: Editing, opened: Editing) =>
    attempt(async () => {
      const fields = { title: draft.title.trim(), body: draft.body }
      if (draft.id === null) await rpc('templates.create', fields)
      else await rpc('templates.update', updateSince(draft.id, fields, opened))
      setEditing(null)
    })
  const startReflection = (body: string) =>
    attempt(async () => {
      await rpc('reflections.create', { body })
      navigation.navigate('timeline')
    })

  const row = (template: { id: string; title: string; body: string }, actions: React.ReactNode) => (
    <li className="template" key={template.id}>
      <h3 className="template__title" dir="auto">
        {template.title}
      </h3>
      <p className="template__body" dir="auto">
        {template.body}
      </p>
      <div className="template__actions">
        <Button variant="secondary" onClick={() => void startReflection(template.body)}>
          {s.use}
        </Button>
        {actions}
      </div>
    </li>
  )

  return (
    <div className="page homework">
      <header className="page__header">
        <h1>{s.title}</h1>
        <p className="page__intro">{s.intro}</p>
        <p className="field__hint">{s.startHint}</p>
      </header>
      {failed ? <Banner tone="warning">{homeworkStrings.diary.saveFailed}</Banner> : null}
      {editing ? <TemplateForm draft={editing} onSave={(d) => void save(d, editing)} onCancel={() => setEditing(null)} /> : null}
      <Card title={s.yours} actions={<Button icon="plus" onClick={() => setEditing({ id: null, title: '', body: '' })}>{s.new}</Button>}>
        {own.data && own.data.length > 0 ? (
          <ul className="templates">
            {own.data.map((t: ReflectionTemplate) =>
                row(
                  t,
                  <>
                    <Button variant="quiet" onClick={() => setEditing({ id: t.id, title: t.title, body: t.body })}>
                      {s.edit}
                    </Button>
                    <Button variant="quiet" onClick={() => void attempt(() => rpc('templates.delete', { id: t.id }))}>
                      {s.delete}
                    </Button>
                  </>,
                ),
            )}
          </ul>
        ) : (
          <p className="muted">{s.none}</p>
        )}
      </Card>
      <Card title={s.builtIn}>
        <ul className="templates">
          {builtInTemplates.map((t) =>
            row(
                t,
                <Button variant="quiet" onClick={() => setEditing({ id: null, title: t.title, body: t.body })}>
                  {s.copy}
                </Button>,
            ),
          )}
        </ul>
      </Card>
    </div>
  )
}

function TemplateForm({ draft, onSave, onCancel }: { draft: Editing; onSave(d: Editing): void; onCancel(): void }): React.JSX.Element {
  const [value, setValue] = useState(draft)
  return (
    <form
      className="template-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (value.title.trim()) onSave(value)
      }}
    >
      <TextField label={s.name} dir="auto" autoComplete="off" required maxLength={120} value={value.title} onChange={(e) => setValue({ ...value, title: e.target.value })} />
      <TextAreaField label={s.body} dir="auto" autoComplete="off" rows={6} value={value.body} onChange={(e) => setValue({ ...value, body: e.target.value })} />
      <div className="template-form__actions">
        <Button type="submit">{s.save}</Button>
        <Button variant="quiet" onClick={onCancel}>
          {homeworkStrings.checkIns.cancel}
        </Button>
      </div>
    </form>
  )
}
