/** The entries of React's scheduler the UI tests use (the package ships no types). */
declare module 'scheduler' {
  export const unstable_IdlePriority: number;
  export const unstable_NormalPriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
