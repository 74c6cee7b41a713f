// Recovery plans, follow-ups and preparation sheets: what the CLI, the app and the tests use.
export { defaultPlansDir, planLibrary, readPlanFile, PlanLibrary } from './library'
export { PlanProgress, type PlanMergeResult, type PlanSnapshot } from './progress'
export { deadlineEntry, dueReport, type DeadlineEntry, type DueEntry, type DueReport, type NextEntry } from './due'
export { makePrepSheet, writePrepSheetFile, type PrepSheet, type PrepSheetOptions } from './prep-sheet'
