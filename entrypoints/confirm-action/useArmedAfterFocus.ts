import { useEffect, useState } from 'preact/hooks';

/**
 * How long the window must have had focus before its confirm button works: a page that opens the
 * window under the admin's pointer, timed for a click meant for the page, gets nothing from it.
 */
export const ARM_DELAY_MS = 800;

/** Whether the window has held focus for `delayMs` without a break; losing focus starts it over. */
export function useArmedAfterFocus(delayMs = ARM_DELAY_MS): boolean {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setArmed(true), delayMs);
    };
    const disarm = () => {
      clearTimeout(timer);
      setArmed(false);
    };
    if (document.hasFocus()) arm();
    window.addEventListener('focus', arm);
    window.addEventListener('blur', disarm);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', arm);
      window.removeEventListener('blur', disarm);
    };
  }, [delayMs]);
  return armed;
}
