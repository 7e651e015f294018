import { settingsStrings as s } from './settings.strings'

export default function SettingsScreen(): React.JSX.Element {
  return (
    <div className="page settings">
      <header className="page__header">
        <h1>{s.title}</h1>
        <p className="page__intro">{s.intro}</p>
      </header>
    </div>
  )
}
