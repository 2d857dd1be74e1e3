/**
 * The service whose details are open over the map, shared by the overlay
 * (which shows them: a click on the map) and the services control (its list
 * of services in view, the keyboard's way to them). Transient: not in the URL.
 */
import { create } from 'zustand';
import type { ServiceRef } from './serviceRecord.ts';

export interface OpenService extends ServiceRef {
  /** Its name, shown while the whole record loads. */
  name?: string;
  /** Where the keyboard goes back to when the details close (the list's button), if not the map. */
  returnFocus?: HTMLElement | null;
  /** Opened from the list: the map moves to the service. */
  fly?: boolean;
}

interface OpenServiceState {
  open: OpenService | null;
  openService(service: OpenService): void;
  closeService(): void;
}

export const useOpenService = create<OpenServiceState>()((set) => ({
  open: null,
  openService: (service) => set({ open: service }),
  closeService: () => set({ open: null }),
}));
