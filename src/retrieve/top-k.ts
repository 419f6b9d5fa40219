/**
 * The first `k` items in the order `before` defines, as sorting all of them would give: a bounded
 * heap keeps the work near-linear when a common term touches most of a large archive.
 */
export function topK(items: number[], k: number, before: (a: number, b: number) => number): number[] {
  if (items.length <= k * 4) return items.sort(before).slice(0, k);
  // Max-heap by `before` of the best k so far: its root is the worst of them.
  const heap: number[] = [];
  const worse = (i: number, j: number) => before(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (before(item, heap[0]!) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let top = i;
        if (l < k && worse(l, top)) top = l;
        if (r < k && worse(r, top)) top = r;
        if (top === i) break;
        swap(i, top);
        i = top;
      }
    }
  }
  return heap.sort(before);
}
