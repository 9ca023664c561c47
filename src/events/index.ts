export * from './channel';
export {
  createEvents,
  type AccessMessage,
  type AuditMessage,
  type BatchTopicMessage,
  type Events,
  type Observer,
  type ProjectMessage,
  type TopicMessages,
} from './fanOut';
export { isPushStream, type PushStream } from './pushStream';
export { watchBatch, type BatchSnapshot } from './watchBatch';
export { watchProject } from './watchProject';
export { watchVisibilityAudit, type VisibilitySnapshot } from './watchVisibility';
