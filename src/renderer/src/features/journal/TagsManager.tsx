import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Tag } from '../../../../shared/ipc/schemas/reflections'
import { Banner, Button, Dialog, EmptyState, SelectField, Spinner, TextField } from '../../components/ui'
import { isRpcError, rpc } from '../../lib/rpc'
import { tagsQuery } from './journal.queries'
import { journalStrings as s } from './journal.strings'

type Mode = { kind: 'none' } | { kind: 'rename'; tag: Tag; name: string; error: string | null } | { kind: 'merge'; tag: Tag; targetId: string }

/** Rename and merge tags (tags.rename, tags.merge). */
export function TagsManager({ open, onClose }: { open: boolean; onClose(): void }): React.JSX.Element {
  const tags = useQuery({ ...tagsQuery(), enabled: open })
  const queryClient = useQueryClient()
  const [mode, setMode] = useState<Mode>({ kind: 'none' })
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null)

  const done = async (text: string) => {
    setMode({ kind: 'none' })
    setMessage({ tone: 'success', text })
    await queryClient.invalidateQueries({ queryKey: ['tags'] })
  }

  const rename = async () => {
    if (mode.kind !== 'rename') return
    const name = mode.name.trim()
    if (!name) return
    setBusy(true)
    try {
      const tag = await rpc('tags.rename', { id: mode.tag.id, name })
      await done(s.tags.renamed(tag.name))
    } catch (error) {
      if (isRpcError(error, 'CONFLICT')) setMode({ ...mode, error: s.tags.renameTaken })
      else setMessage({ tone: 'danger', text: s.tags.failed })
    } finally {
      setBusy(false)
    }
  }

  const merge = async () => {
    if (mode.kind !== 'merge' || !mode.targetId) return
    setBusy(true)
    try {
      const target = await rpc('tags.merge', { sourceIds: [mode.tag.id], targetId: mode.targetId })
      await done(s.tags.merged(mode.tag.name, target.name))
    } catch {
      setMessage({ tone: 'danger', text: s.tags.failed })
    } finally {
      setBusy(false)
    }
  }

  const close = () => {
    setMode({ kind: 'none' })
    setMessage(null)
    onClose()
  }

  return (
    <Dialog open={open} onClose={close} title={s.tags.manageTitle} description={s.tags.manageIntro} closeLabel={s.tags.close}>
      <div className="tags-manager">
        {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
        {tags.isPending ? (
          <Spinner label={s.tags.manageTitle} />
        ) : tags.isError ? (
          <Banner tone="warning">{s.tags.failed}</Banner>
        ) : tags.data.length === 0 ? (
          <EmptyState icon="leaf" level={3} title={s.tags.none} />
        ) : (
          <ul className="tags-manager__list">
            {tags.data.map((tag) => (
              <li key={tag.id} className="tags-manager__item">
                {mode.kind === 'rename' && mode.tag.id === tag.id ? (
                  <form
                    className="tags-manager__form"
                    onSubmit={(event) => {
                      event.preventDefault()
                      void rename()
                    }}
                  >
                    <TextField
                      label={s.tags.renameLabel(tag.name)}
                      value={mode.name}
                      maxLength={60}
                      error={mode.error ?? undefined}
                      autoFocus
                      onChange={(event) => setMode({ ...mode, name: event.target.value, error: null })}
                    />
                    <div className="button-row">
                      <Button type="submit" variant="primary" busy={busy}>
                        {s.tags.renameSave}
                      </Button>
                      <Button variant="quiet" onClick={() => setMode({ kind: 'none' })}>
                        {s.tags.cancel}
                      </Button>
                    </div>
                  </form>
                ) : mode.kind === 'merge' && mode.tag.id === tag.id ? (
                  <form
                    className="tags-manager__form"
                    onSubmit={(event) => {
                      event.preventDefault()
                      void merge()
                    }}
                  >
                    <SelectField label={s.tags.mergeLabel(tag.name)} value={mode.targetId} autoFocus onChange={(event) => setMode({ ...mode, targetId: event.target.value })}>
                      <option value="">{s.tags.mergeChoose}</option>
                      {tags.data
                        .filter((other) => other.id !== tag.id)
                        .map((other) => (
                          <option key={other.id} value={other.id}>
                            {other.name}
                          </option>
                        ))}
                    </SelectField>
                    <div className="button-row">
                      <Button type="submit" variant="primary" busy={busy} disabled={!mode.targetId}>
                        {s.tags.mergeConfirm}
                      </Button>
                      <Button variant="quiet" onClick={() => setMode({ kind: 'none' })}>
                        {s.tags.cancel}
                      </Button>
                    </div>
                  </form>
                ) : (
                  <>
                    <div className="tags-manager__name">
                      <span className="tag-chip tag-chip--static" dir="auto">
                        {tag.name}
                      </span>
                      <span className="muted small">{s.tags.used(tag.count)}</span>
                    </div>
                    <div className="button-row">
                      <Button variant="quiet" aria-label={`${s.tags.rename} ${tag.name}`} onClick={() => setMode({ kind: 'rename', tag, name: tag.name, error: null })}>
                        {s.tags.rename}
                      </Button>
                      {tags.data.length > 1 ? (
                        <Button variant="quiet" aria-label={s.tags.mergeButton(tag.name)} onClick={() => setMode({ kind: 'merge', tag, targetId: '' })}>
                          {s.tags.merge}
                        </Button>
                      ) : null}
                    </div>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  )
}
