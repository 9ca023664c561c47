export * from './channel';
export { createEvents, type AccessMessage, type AuditMessage, type BatchTopicMessage, type Events, type Observer, type TopicMessages } from './fanOut';
export { isPushStream, type PushStream } from './pushStream';
export { watchBatch, type BatchSnapshot } from './watchBatch';
export { watchVisibilityAudit, type VisibilitySnapshot } from './watchVisibility';
