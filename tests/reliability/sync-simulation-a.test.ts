import { describeSeeds } from '../helpers/sync/describe-seeds'

// 200 seeds x 10,000 steps in two files, so the two cores share them.
const seeds = Array.from({ length: 100 }, (_, i) => 1 + i)
describeSeeds('sync simulation, seeds 1-100 of 200 (10,000 steps each)', seeds, 10_000)
