/** The median of a non-empty list of numbers. */
export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `1.234` → `1.23×`. */
export function formatRatio(ratio) {
  return `${ratio.toFixed(2)}×`;
}
