import { useState } from 'react';

/**
 * True from the first time `open` is true on. A dialog or pane whose code is loaded lazily mounts from its first
 * opening and stays mounted, so its code is not part of the first page yet its close animation and the focus
 * return to the button that opened it still run.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
