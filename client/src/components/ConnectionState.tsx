import { useSocketState } from '../api/hooks';

const words = { idle: '', connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting…' } as const;

/** Always takes its space, so the header does not shift when the socket comes and goes. */
export function ConnectionState() {
  const state = useSocketState();
  return (
    <span class={`connection connection-${state}`} role="status">
      {words[state]}
    </span>
  );
}
