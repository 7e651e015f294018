import { Button, Icon, type IconName } from '../../components/ui'
import { VaultFrame } from './VaultFrame'
import { vaultStrings as s } from './vault.strings'

const promiseIcons: IconName[] = ['home', 'lock', 'offline']

export function Welcome({ onStart }: { onStart: () => void }): React.JSX.Element {
  return (
    <VaultFrame
      title={s.welcome.title}
      wide
      intro={s.welcome.body.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    >
      <ul className="promises" aria-label={s.welcome.promisesLabel}>
        {s.welcome.promises.map((promise, i) => (
          <li key={promise.title} className="promise">
            <span className="promise__icon">
              <Icon name={promiseIcons[i] ?? 'leaf'} />
            </span>
            <span>
              <strong className="promise__title">{promise.title}</strong>
              <span className="promise__body">{promise.body}</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="button-row button-row--end">
        <Button variant="primary" size="lg" onClick={onStart} autoFocus>
          {s.welcome.start}
        </Button>
      </div>
    </VaultFrame>
  )
}
