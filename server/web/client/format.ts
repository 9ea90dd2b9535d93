/** How the page writes values, dates and verdicts. */

/** A value in base units with its unit: 1,397,600元, 142.7%. */
export function valueText(value: number, unit: string): string {
  return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 4 })}${unit}`;
}

/** A stored timestamp as a local date and time: 2026-11-28 14:11. */
export function dateText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
