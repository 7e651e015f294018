import { describeSeedRange } from '../helpers/sync/describe-seeds'

describeSeedRange(101, 150)
