/**
 * The vector scaled to unit length (the zero vector stays zero). Stored and query vectors are unit
 * length so LanceDB can rank by dot product, which equals cosine then and scans ~4× faster.
 * @example unitVector([3, 4]) // [0.6, 0.8]
 */
export function unitVector(vector: number[]): number[] {
  let norm = 0;
  for (const x of vector) norm += x * x;
  if (norm === 0 || Math.abs(norm - 1) < 1e-9) return vector;
  const scale = 1 / Math.sqrt(norm);
  return vector.map((x) => x * scale);
}
