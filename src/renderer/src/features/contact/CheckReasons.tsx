import { memo } from 'react'
import type { ContactCheckResult } from '../../../../shared/domain/contact-check'
import type { RuleDto } from '../../../../shared/ipc/schemas/rules'
import { Checkbox } from '../agreements/controls'
import { contactStrings as s, kindNames } from './contact.strings'
import { whenText } from './contact-words'

/** Under the answer: what to tick before sending (confirm-type agreements). */
export function ConfirmList({
  confirms,
  confirmed,
  onConfirm,
}: {
  confirms: readonly RuleDto[]
  confirmed: readonly string[]
  onConfirm: (ruleId: string, on: boolean) => void
}): React.JSX.Element | null {
  if (confirms.length === 0) return null
  return (
    <fieldset className="choice-group confirm-list">
      <legend className="choice-group__legend">{s.confirmTitle}</legend>
      {confirms.map((rule) => (
        <Checkbox
          key={rule.id}
          label={confirmLabel(rule)}
          hint={rule.body.kind === 'worksheet' ? rule.body.params.questions.join(' ') : undefined}
          checked={confirmed.includes(rule.id)}
          onChange={(on) => onConfirm(rule.id, on)}
        />
      ))}
    </fieldset>
  )
}

/** Every agreement line: why it fits or not and, for one that does not yet, when it clears. */
export const CheckReasons = memo(function CheckReasons({
  result,
  now,
}: {
  result: ContactCheckResult
  /** To the minute: the lines are not drawn again while the person types. */
  now: number
}): React.JSX.Element | null {
  return (
    <>
      {result.lines.length > 0 ? (
        <div className="check-lines">
          <h3>{s.linesTitle}</h3>
          <ul className="check-lines__list">
            {result.lines.map((line) => (
              <li key={line.ruleId} className={`check-line check-line--${line.status}`}>
                <span className={`check-line__status tag tag--${line.status}`}>
                  {s.lineStatus[line.status]}
                </span>
                <div>
                  <p className="check-line__kind">{kindNames[line.kind].name}</p>
                  <p className="check-line__message">{line.message}</p>
                  {line.status === 'fail' && line.until !== null && line.until > now ? (
                    <p className="check-line__clears">{s.clears(whenText(line.until, now))}</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  )
})

function confirmLabel(rule: RuleDto): string {
  if (rule.body.kind === 'custom_confirm') return rule.body.params.prompt
  return s.confirmText[rule.body.kind] ?? kindNames[rule.body.kind].name
}
