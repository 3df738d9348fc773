/** Public API of Epic write-back's pure core: the create payload, the ledger state machine, the gate. */
export {
  buildDocumentReference,
  documentReferenceInputSchema,
  noteTitle,
  prepSheetIdentifierSystem,
  progressNoteType,
  usCoreDocumentCategorySystem,
  type DocumentReferenceInput,
} from "./build-document-reference";
export {
  applyWriteBackEvent,
  canTransition,
  createWriteBackEntry,
  decideNextWriteBackStep,
  defaultWriteBackPolicy,
  isTerminalWriteBackState,
  writeBackEventsByState,
  writeBackStates,
  writeBackTransitions,
  type WriteBackEntry,
  type WriteBackEvent,
  type WriteBackPolicy,
  type WriteBackSearchResult,
  type WriteBackState,
  type WriteBackStep,
} from "./write-back-ledger";
export { decideWriteBackStart, defaultDailyCap, type WriteBackStart, type WriteBackStartInput } from "./decide-write-back-start";
