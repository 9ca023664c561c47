import { useEffect } from 'preact/hooks';

/** The browser tab names the screen and what it shows: "Comparison · Shoe shops · Vantage". */
export function useScreenTitle(...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter((part) => part), 'Vantage'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
