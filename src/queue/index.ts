// The queue's one door: pg-boss, its queues and their policy, how jobs are planned, sent and
// cancelled, how workers poll for them, and how a host's requests are spread. It knows rows
// only as ids and counts: batches and jobs call it, never the other way round.
export * from './boss';
export * from './hostSlots';
export * from './jobClaims';
export * from './plan';
export * from './polling';
export * from './send';
export * from './visibility';
