import { describeSeedRange } from '../helpers/sync/describe-seeds'

describeSeedRange(151, 200)
