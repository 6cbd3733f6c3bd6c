/** Prefix of every IPC channel name, so Lectern's channels cannot collide with Electron's own. */
export const IPC_PREFIX = 'lectern:';
