import { describeSeeds } from '../../helpers/sync/describe-seeds'

// A few seeds in the everyday suite; `npm run test:reliability` runs 200 seeds of 10,000 steps.
describeSeeds('sync simulation (three devices and a removed fourth over a hostile folder sync)', [1, 2, 3], 1500)
