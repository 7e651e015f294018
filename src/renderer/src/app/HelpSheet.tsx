import { Dialog } from '../components/ui'
import { appStrings } from './app.strings'
import { SHORTCUT_GROUPS } from './shortcuts'

const s = appStrings.shortcuts

/** The `?` sheet: every shortcut, grouped by where it works. */
export function HelpSheet({ open, onClose }: { open: boolean; onClose: () => void }): React.JSX.Element {
  return (
    <Dialog open={open} onClose={onClose} title={s.title} description={s.intro} closeLabel={s.closeLabel}>
      <div className="help-sheet">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="help-sheet__group">
            <h3>{group.title}</h3>
            <dl>
              {group.items.map((item) => (
                <div key={item.label} className="help-sheet__row">
                  <dt>
                    {item.keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 ? <span className="help-sheet__or"> {s.or} </span> : null}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{item.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  )
}
