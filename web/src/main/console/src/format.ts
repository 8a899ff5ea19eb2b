// Dates and times as the user reads them: in the browser's time zone, with the offset shown so
// that a screenshot or a copied line is unambiguous.

export function formatDateTime(iso: string | null | undefined, lang: string, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', 'UTC') || 'UTC';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} (${offset === 'UTC' ? 'UTC+00:00' : offset})`;
}

/** Expiry bands of the certificate inventory and the overview. */
export type ExpiryBand = 'expired' | 'within15' | 'within30' | 'within60' | 'later';

export function expiryBand(daysLeft: number, expired: boolean): ExpiryBand {
  if (expired || daysLeft < 0) return 'expired';
  if (daysLeft <= 15) return 'within15';
  if (daysLeft <= 30) return 'within30';
  if (daysLeft <= 60) return 'within60';
  return 'later';
}

export const BAND_COLOR: Record<ExpiryBand, 'red' | 'orange' | 'yellow' | 'blue' | 'green'> = {
  expired: 'red',
  within15: 'orange',
  within30: 'yellow',
  within60: 'blue',
  later: 'green',
};
