/** Public API of the prep sheet: pure model building and rendering (no db, no fetch, no clock). */
export { buildPrepSheet, type BuildPrepSheetInput } from "./build-prep-sheet";
export type { PrepSheetDocument } from "./build-history-sections";
export { hashPrepSheetContent } from "./hash-prep-sheet-content";
export { renderPrepSheetPdf } from "./render-prep-sheet-pdf";
export { renderPrepSheetText, textLineWidth } from "./render-prep-sheet-text";
export { buildRenderBlocks, describePatient, screeningsTitle, summariseVisit, type RenderBlock, type TableColumn } from "./build-render-blocks";
export { describeScreeningEvidence, toPlainLabel } from "./describe-screening-evidence";
export {
  decidePrepSheetFreshness,
  describePrepSheetFreshness,
  fingerprintPrepSheetInputs,
  isPrepSheetOutdated,
  prepSheetInputParts,
  type PrepSheetFreshness,
  type PrepSheetInputPart,
  type PrepSheetInputsFingerprint,
} from "./decide-prep-sheet-freshness";
export {
  prepSheetSchema,
  measureStatuses,
  labFlags,
  type PrepSheet,
  type PrepSheetHeader,
  type WindowModel,
  type ScreeningRow,
  type EvidenceModel,
  type MeasureRow,
  type MeasureStatus,
  type LabRow,
  type LabFlag,
  type DocumentRow,
  type HospitalVisitRow,
  type ConditionRow,
  type ImmunizationDueRow,
  type ImmunizationGivenRow,
} from "./prep-sheet-model";
export {
  prepSheetSettingsSchema,
  defaultPrepSheetSettings,
  defaultChecklist,
  windowCategories,
  type PrepSheetSettings,
  type PrepSheetSettingsInput,
  type WindowCategory,
  type WindowSetting,
  type MeasureSetting,
} from "./prep-sheet-settings";
