import { describeSeeds } from '../../helpers/sync/describe-seeds'

// A few seeds in the everyday suite; `npm run test:reliability` runs 200 seeds of 10,000 steps.
describeSeeds('sync simulation (three devices, one away for weeks, and a removed fourth over a hostile folder sync, with compaction)', [1, 2, 3], 1500)
