import { DEFINITIONS, QUESTIONNAIRE_COPYRIGHT, type Questionnaire } from '../../../../shared/domain/homework/questionnaires'
import { homeworkStrings } from './homework.strings'

/** The published source and copyright line, shown with every questionnaire. */
export function QuestionnaireSource({ questionnaire }: { questionnaire: Questionnaire }): React.JSX.Element {
  return (
    <p className="questionnaire-source">
      {`${homeworkStrings.checkIns.source}: ${DEFINITIONS[questionnaire].source} ${QUESTIONNAIRE_COPYRIGHT}`}
    </p>
  )
}
