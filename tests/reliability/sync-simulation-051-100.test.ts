import { describeSeedRange } from '../helpers/sync/describe-seeds'

describeSeedRange(51, 100)
