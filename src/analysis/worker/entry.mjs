// Worker-thread entry for the analysis pool. Plain JavaScript on purpose: a worker started
// under vitest (or plain node) has no TypeScript loader, so it registers tsx itself before
// importing the TypeScript task. Under the tsx CLI this registers a second, harmless hook.
import { register } from 'tsx/esm/api';

register();
const { analyzePage } = await import('./analyzePage.ts');

export default analyzePage;
