export * from './channel';
export { createEvents, type AccessMessage, type BatchTopicMessage, type Events, type Observer, type ProjectMessage, type TopicMessages } from './fanOut';
export { isPushStream, type PushStream } from './pushStream';
export { watchBatch, type BatchSnapshot } from './watchBatch';
export { watchProject } from './watchProject';
