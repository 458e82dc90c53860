import { useEffect, useState } from 'preact/hooks';

/** The time now, updated every `everyMs`: one clock for every countdown on the page. */
export function useClock(everyMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
