import { useQuery } from '@tanstack/react-query'
import { Banner, Button, LoadingArea } from '../../components/ui'
import { BackupsSection } from './BackupsSection'
import { ExportSection } from './ExportSection'
import { importStrings } from './import.strings'
import { ImportSection } from './ImportSection'
import { PassphraseSection } from './PassphraseSection'
import { AppearanceSection, LockingSection } from './PrefsSections'
import { RemindersSection } from './RemindersSection'
import { RepairSection } from '../repair/RepairSection'
import { repairStrings } from '../repair/repair.strings'
import { SyncSection } from '../sync/SyncSection'
import { syncStrings } from '../sync/sync.strings'
import { prefsQuery } from './settings.queries'
import { settingsStrings as s } from './settings.strings'
import '../recovery/recovery.css'
import './settings.css'

const SECTIONS = [
  { id: 'settings-appearance', title: s.appearance.title },
  { id: 'settings-locking', title: s.locking.title },
  { id: 'settings-passphrase', title: s.passphrase.title },
  { id: 'settings-backups', title: s.backups.title },
  { id: 'settings-export', title: s.exports.title },
  { id: 'settings-import', title: importStrings.title },
  { id: 'settings-reminders', title: s.reminders.title },
  { id: 'settings-repair', title: repairStrings.title },
  { id: 'settings-sync', title: syncStrings.title },
] as const

type SectionId = (typeof SECTIONS)[number]['id']
const ids = Object.fromEntries(SECTIONS.map((section) => [section.id, section.id])) as Record<SectionId, SectionId>

/** Moves to a section: scrolls it into view and puts focus on its heading. */
function goTo(id: string): void {
  const heading = document.getElementById(`${id}-title`)
  heading?.scrollIntoView({ block: 'start' })
  heading?.focus({ preventScroll: true })
}

export default function SettingsScreen(): React.JSX.Element {
  const prefs = useQuery(prefsQuery())
  return (
    <div className="page settings">
      <header className="page__header">
        <h1>{s.title}</h1>
        <p className="page__intro">{s.intro}</p>
      </header>
      <nav aria-label={s.sectionsLabel} className="settings-nav">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <button type="button" className="settings-nav__item" onClick={() => goTo(section.id)}>
                {section.title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {prefs.isPending ? (
        <LoadingArea label={s.title} />
      ) : prefs.isError ? (
        <Banner tone="danger" action={<Button onClick={() => void prefs.refetch()}>{s.retry}</Button>}>
          {s.loadFailed}
        </Banner>
      ) : (
        <>
          <AppearanceSection id={ids['settings-appearance']} prefs={prefs.data.prefs} />
          <LockingSection id={ids['settings-locking']} prefs={prefs.data.prefs} />
        </>
      )}
      <PassphraseSection id={ids['settings-passphrase']} />
      <BackupsSection id={ids['settings-backups']} />
      <ExportSection id={ids['settings-export']} />
      <ImportSection id={ids['settings-import']} />
      <RemindersSection id={ids['settings-reminders']} />
      <RepairSection id={ids['settings-repair']} />
      <SyncSection id={ids['settings-sync']} />
    </div>
  )
}
