import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** A short message ("Copied code for …") shown for `forMs`, then gone; a new one replaces it. */
export function useToast(forMs = 2500) {
  const [toast, setToast] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const say = useCallback(
    (message: string) => {
      setToast(message);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setToast(null), forMs);
    },
    [forMs],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { toast, say };
}
