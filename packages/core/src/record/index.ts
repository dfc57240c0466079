export type { ContactsApi } from './contacts-api.js';
export type { HandoffOptions, HandoffResult } from './handoff.js';
export type { ConversationListOptions, ConversationsApi, HistoryOptions } from './history.js';
export type { EraseResult, ExportedRequest, PersonRef, PrivacyApi, PrivacyExport } from './privacy-api.js';
export {
  type AutoReplyEntryData,
  type ConsentEntryData,
  type Controller,
  type HandoverEntryData,
  type HistoryEntry,
  isEntryOf,
  type MessageEntryData,
  type ReactionEntryData,
  type RecordEntry,
  type RecordEntryDataByKind,
  type RecordEntryKind,
  type StatusEntryData,
} from './record-entries.js';
export type { RetentionOptions } from './retention.js';
export type { SendAuthor } from './send-author.js';
export type { SlaApi } from './sla-api.js';
export { businessSeconds, calendarSeconds, deadlineAfter } from './sla-duration.js';
export {
  type SlaChannelReport,
  type SlaFigures,
  type SlaReport,
  type SlaReportOptions,
  type SlaTarget,
  slaReport,
} from './sla-report.js';
export { firstResponses, replyTimes, type SlaEntry, type Wait, type WaitOptions, waits } from './sla-waits.js';
export type { SlaBreach, SlaListener, SlaWatchOptions } from './sla-watch.js';
