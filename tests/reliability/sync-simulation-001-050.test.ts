import { describeSeedRange } from '../helpers/sync/describe-seeds'

describeSeedRange(1, 50)
