import type { ServiceContext } from '../records/entity.service'
import { createCheckInsService } from './check-ins.service'
import { createDiaryCardService } from './diary-card.service'
import { createTemplatesService } from './templates.service'
import { createThoughtRecordsService } from './thought-records.service'

/** The homework tools' services, wired into the core's record services. */
export const createHomeworkServices = (ctx: ServiceContext) => ({
  thoughtRecords: createThoughtRecordsService(ctx),
  diaryCard: createDiaryCardService(ctx),
  checkIns: createCheckInsService(ctx),
  templates: createTemplatesService(ctx),
})
