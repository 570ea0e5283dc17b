import { create } from 'zustand';

/**
 * Whether the last API call reached the server. Network failures flip it; the next answer flips
 * it back, so the banner clears by itself when the server returns.
 */
export const useConnection = create<{ lost: boolean; since?: number }>(() => ({ lost: false }));

export function connectionLost(): void {
  if (!useConnection.getState().lost) useConnection.setState({ lost: true, since: Date.now() });
}

export function connectionRestored(): void {
  if (useConnection.getState().lost) useConnection.setState({ lost: false, since: undefined });
}
