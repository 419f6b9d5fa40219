import { QaError } from "../errors.js";
import { VarintReader, VarintWriter } from "./lexicon/varint.js";
import type { Tokenizer } from "./tokenize.js";
import { topK } from "./top-k.js";

/** One ranked passage: its id, BM25 score, and which query terms it contains (for the answer composer). */
export interface KeywordHit {
  id: number;
  score: number;
  /** Query terms found in the passage, most informative first. */
  matched: string[];
}

/** A query term with its own weight, e.g. a Chinese term the English bridge found. */
export interface QueryTerm {
  text: string;
  /** Default 1. Split evenly over the tokens `text` produces, so long terms do not outweigh short ones. */
  weight?: number;
}

export interface KeywordIndexOptions {
  /** Segments passages and queries; must be the same function at build and query time. */
  tokenizer: Tokenizer;
  /** Term-frequency saturation. Default 1.2. */
  k1?: number;
  /** Length normalisation (0 = none, 1 = full). Default 0.75. */
  b?: number;
}

/** What `toJSON` produces: postings are varint-packed and base64-encoded to stay compact. */
export interface KeywordIndexJSON {
  version: number;
  k1: number;
  b: number;
  ids: number[];
  lengths: number[];
  terms: string[];
  /** Varint stream: per term, its document count. */
  counts: string;
  /** Varint stream: per term, per posting, (slot gap, tf). */
  postings: string;
}

/**
 * The index's arrays as they are in memory (CSR postings), for a binary file that needs no JSON
 * string (see src/index/keyword-file.ts). Slots are documents in insertion order.
 */
export interface KeywordSnapshot {
  version: number;
  k1: number;
  b: number;
  /** Document id and token count per slot. */
  ids: Uint32Array<ArrayBuffer>;
  lengths: Uint32Array<ArrayBuffer>;
  terms: string[];
  /** Term t's postings are [offsets[t], offsets[t + 1]) in postDocs (slots, ascending) and postTfs. */
  offsets: Uint32Array<ArrayBuffer>;
  postDocs: Uint32Array<ArrayBuffer>;
  postTfs: Uint16Array<ArrayBuffer>;
}

const VERSION = 1;
const REBUILD_HINT = "Rebuild the index: npm run -s cli -- index";

/** A document added since the last merge; typed arrays keep a 100k-passage build's heap small. */
interface Pending {
  slot: number;
  termIds: Uint32Array;
  tfs: Uint16Array;
}

/**
 * BM25 keyword index over passages. Postings live in flat typed arrays (CSR layout); `add` and
 * `remove` are buffered and merged in one pass at the next `search` or `toJSON`, so batch updates
 * cost one rebuild of the arrays, not one per call.
 */
export class KeywordIndex {
  /** Serialization format; bump when the saved layout or the default tokenizer's output changes. */
  static readonly VERSION = VERSION;
  readonly k1: number;
  readonly b: number;
  private readonly tokenizer: Tokenizer;
  private vocab = new Map<string, number>();
  private termList: string[] = [];
  private offsets = new Uint32Array(1);
  private postDocs = new Uint32Array(0);
  private postTfs = new Uint16Array(0);
  private slotIds: number[] = [];
  private slotLengths: number[] = [];
  private idToSlot = new Map<number, number>();
  private deleted = new Set<number>();
  private pending: Pending[] = [];
  private norms = new Float64Array(0);
  private scratch = new Float64Array(0);

  constructor(options: KeywordIndexOptions) {
    this.tokenizer = options.tokenizer;
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  /** Builds an index from `{ id, text }` documents in one go. */
  static fromDocuments(docs: Iterable<{ id: number; text: string }>, options: KeywordIndexOptions): KeywordIndex {
    const index = new KeywordIndex(options);
    for (const doc of docs) index.add(doc.id, doc.text);
    return index;
  }

  /** Number of live documents. */
  get size(): number {
    return this.idToSlot.size;
  }

  has(id: number): boolean {
    return this.idToSlot.has(id);
  }

  /** Adds (or replaces) a document. */
  add(id: number, text: string): void {
    this.addTokens(id, this.tokenizer(text));
  }

  /** Adds (or replaces) a document already tokenized with this index's tokenizer (e.g. in a page worker process). */
  addTokens(id: number, tokens: readonly string[]): void {
    this.remove(id);
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    const slot = this.slotIds.length;
    const entry: Pending = { slot, termIds: new Uint32Array(counts.size), tfs: new Uint16Array(counts.size) };
    let i = 0;
    for (const [token, tf] of counts) {
      entry.termIds[i] = this.termId(token);
      entry.tfs[i++] = Math.min(tf, 0xffff);
    }
    this.slotIds.push(id);
    this.slotLengths.push(tokens.length);
    this.idToSlot.set(id, slot);
    this.pending.push(entry);
  }

  /** Removes a document; returns false when the id was not indexed. */
  remove(id: number): boolean {
    const slot = this.idToSlot.get(id);
    if (slot === undefined) return false;
    this.idToSlot.delete(id);
    this.deleted.add(slot);
    return true;
  }

  /** The indexed vocabulary (terms with at least one live document), e.g. to build the English bridge. */
  terms(): string[] {
    this.commit();
    return [...this.termList];
  }

  /** Number of live documents containing `term` (an already-tokenized term). */
  documentFrequency(term: string): number {
    this.commit();
    const t = this.vocab.get(term);
    return t === undefined ? 0 : this.offsets[t + 1]! - this.offsets[t]!;
  }

  /** Top `k` documents for a query string (tokenized with the index's tokenizer) or weighted terms. */
  search(query: string | readonly QueryTerm[], k: number): KeywordHit[] {
    this.commit();
    const n = this.slotIds.length;
    if (n === 0 || k <= 0) return [];
    // A plain string reports matched tokens; weighted terms report the term texts that hit.
    const parts = typeof query === "string" ? [{ text: query, weight: 1, label: null }] : query.map((q) => ({ ...q, label: q.text }));
    const weights = new Map<number, { weight: number; labels: Set<string> }>();
    for (const part of parts) {
      const tokens = [...new Set(this.tokenizer(part.text))];
      for (const token of tokens) {
        const t = this.vocab.get(token);
        if (t === undefined) continue;
        const entry = weights.get(t) ?? { weight: 0, labels: new Set<string>() };
        entry.weight += (part.weight ?? 1) / (part.label === null ? 1 : tokens.length);
        entry.labels.add(part.label ?? token);
        weights.set(t, entry);
      }
    }
    // One zeroed buffer per index, cleaned after each search: a fresh one would zero n slots per query.
    if (this.scratch.length !== n) this.scratch = new Float64Array(n);
    const scores = this.scratch;
    const touched: number[] = [];
    const terms = [...weights].map(([t, { weight, labels }]) => ({ t, labels, w: weight * this.idf(t) })).filter((x) => x.w > 0);
    terms.sort((x, y) => y.w - x.w);
    for (const { t, w } of terms) {
      for (let p = this.offsets[t]!, end = this.offsets[t + 1]!; p < end; p++) {
        const slot = this.postDocs[p]!;
        const tf = this.postTfs[p]!;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot]! += (w * tf * (this.k1 + 1)) / (tf + this.norms[slot]!);
      }
    }
    const before = (x: number, y: number) => scores[y]! - scores[x]! || this.slotIds[x]! - this.slotIds[y]!;
    const hits = topK(touched, k, before).map((slot) => ({
      id: this.slotIds[slot]!,
      score: scores[slot]!,
      matched: [...new Set(terms.filter(({ t }) => this.contains(t, slot)).flatMap(({ labels }) => [...labels]))],
    }));
    for (const slot of touched) scores[slot] = 0;
    return hits;
  }

  /** A JSON-safe snapshot (pending updates merged first). */
  toJSON(): KeywordIndexJSON {
    this.commit();
    const counts = new VarintWriter(this.termList.length);
    const postings = new VarintWriter(this.postDocs.length * 2);
    for (let t = 0; t < this.termList.length; t++) {
      counts.push(this.offsets[t + 1]! - this.offsets[t]!);
      for (let p = this.offsets[t]!, prev = 0; p < this.offsets[t + 1]!; prev = this.postDocs[p++]!) {
        postings.push(this.postDocs[p]! - prev);
        postings.push(this.postTfs[p]!);
      }
    }
    return {
      version: VERSION,
      k1: this.k1,
      b: this.b,
      ids: [...this.slotIds],
      lengths: [...this.slotLengths],
      terms: [...this.termList],
      counts: counts.toBase64(),
      postings: postings.toBase64(),
    };
  }

  /** Restores a saved index. Throws INDEX_VERSION for another format version, INDEX_CORRUPT for a damaged one. */
  static fromJSON(json: unknown, tokenizer: Tokenizer): KeywordIndex {
    const data = json as Partial<KeywordIndexJSON> | null;
    if (!data || typeof data !== "object") throw corrupt("not an object");
    if (data.version !== VERSION) {
      throw new QaError("INDEX_VERSION", `The keyword index was saved in format v${String(data.version)}; this build reads v${VERSION}.`, REBUILD_HINT);
    }
    const { ids, lengths, terms, counts, postings, k1, b } = data;
    if (!Array.isArray(ids) || !Array.isArray(lengths) || !Array.isArray(terms) || typeof counts !== "string" || typeof postings !== "string" || ids.length !== lengths.length) {
      throw corrupt("missing or mismatched fields");
    }
    const index = new KeywordIndex({ tokenizer, k1, b });
    const perTerm = new VarintReader(counts, () => corrupt("truncated term counts"));
    const pairs = new VarintReader(postings, () => corrupt("truncated postings"));
    index.termList = terms;
    index.vocab = new Map(terms.map((term, t) => [term, t]));
    index.slotIds = ids;
    index.slotLengths = lengths;
    index.idToSlot = new Map(ids.map((id, slot) => [id, slot]));
    index.offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) index.offsets[t + 1] = index.offsets[t]! + perTerm.next();
    if (!perTerm.done) throw corrupt("more term counts than terms");
    index.postDocs = new Uint32Array(index.offsets[terms.length]!);
    index.postTfs = new Uint16Array(index.postDocs.length);
    for (let t = 0, p = 0; t < terms.length; t++) {
      for (let slot = 0; p < index.offsets[t + 1]!; p++) {
        slot += pairs.next();
        if (slot >= ids.length) throw corrupt("a posting points past the last document");
        index.postDocs[p] = slot;
        index.postTfs[p] = pairs.next();
      }
    }
    if (!pairs.done) throw corrupt("more postings than the term counts say");
    index.computeNorms();
    return index;
  }

  /** The in-memory arrays (pending updates merged first); the typed arrays are shared, not copied. */
  snapshot(): KeywordSnapshot {
    this.commit();
    return {
      version: VERSION,
      k1: this.k1,
      b: this.b,
      ids: Uint32Array.from(this.slotIds),
      lengths: Uint32Array.from(this.slotLengths),
      terms: this.termList,
      offsets: this.offsets,
      postDocs: this.postDocs,
      postTfs: this.postTfs,
    };
  }

  /** Restores a snapshot, checking its shape. Throws INDEX_VERSION for another format version, INDEX_CORRUPT for a damaged one. */
  static fromSnapshot(data: KeywordSnapshot, tokenizer: Tokenizer): KeywordIndex {
    if (data.version !== VERSION) {
      throw new QaError("INDEX_VERSION", `The keyword index was saved in format v${String(data.version)}; this build reads v${VERSION}.`, REBUILD_HINT);
    }
    const { ids, lengths, terms, offsets, postDocs, postTfs } = data;
    if (ids.length !== lengths.length || offsets.length !== terms.length + 1 || offsets[0] !== 0 || offsets[terms.length] !== postDocs.length || postTfs.length !== postDocs.length) {
      throw corrupt("mismatched array sizes");
    }
    for (let t = 0; t < terms.length; t++) {
      if (offsets[t + 1]! < offsets[t]!) throw corrupt("term offsets go backwards");
      for (let p = offsets[t]!; p < offsets[t + 1]!; p++) {
        if (postDocs[p]! >= ids.length) throw corrupt("a posting points past the last document");
      }
    }
    const index = new KeywordIndex({ tokenizer, k1: data.k1, b: data.b });
    index.termList = terms;
    index.vocab = new Map(terms.map((term, t) => [term, t]));
    index.slotIds = Array.from(ids);
    index.slotLengths = Array.from(lengths);
    index.idToSlot = new Map(index.slotIds.map((id, slot) => [id, slot]));
    index.offsets = offsets;
    index.postDocs = postDocs;
    index.postTfs = postTfs;
    index.computeNorms();
    return index;
  }

  private termId(token: string): number {
    let t = this.vocab.get(token);
    if (t === undefined) {
      t = this.termList.length;
      this.vocab.set(token, t);
      this.termList.push(token);
    }
    return t;
  }

  private idf(t: number): number {
    const df = this.offsets[t + 1]! - this.offsets[t]!;
    return Math.log(1 + (this.slotIds.length - df + 0.5) / (df + 0.5));
  }

  private contains(t: number, slot: number): boolean {
    let lo = this.offsets[t]!;
    let hi = this.offsets[t + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.postDocs[mid]!;
      if (at === slot) return true;
      if (at < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Merges pending adds and drops removed documents and unused terms, renumbering slots densely. */
  private commit(): void {
    if (this.pending.length === 0 && this.deleted.size === 0) return;
    const oldSlots = this.slotIds.length;
    const newSlot = new Int32Array(oldSlots).fill(-1);
    const ids: number[] = [];
    const lengths: number[] = [];
    for (let s = 0; s < oldSlots; s++) {
      if (this.deleted.has(s)) continue;
      newSlot[s] = ids.length;
      ids.push(this.slotIds[s]!);
      lengths.push(this.slotLengths[s]!);
    }
    const pending = this.pending.filter((doc) => newSlot[doc.slot]! >= 0);
    const counts = new Uint32Array(this.termList.length);
    for (let t = 0; t < this.termList.length; t++) {
      for (let p = this.offsets[t]!; p < this.offsets[t + 1]!; p++) if (newSlot[this.postDocs[p]!]! >= 0) counts[t]!++;
    }
    for (const doc of pending) for (const t of doc.termIds) counts[t]!++;
    // Keep only terms some live document uses, so removals do not leave the vocabulary growing.
    const newTerm = new Int32Array(this.termList.length).fill(-1);
    const termList: string[] = [];
    const offsets: number[] = [0];
    for (let t = 0; t < counts.length; t++) {
      if (counts[t] === 0) continue;
      newTerm[t] = termList.length;
      termList.push(this.termList[t]!);
      offsets.push(offsets[offsets.length - 1]! + counts[t]!);
    }
    const fill = Uint32Array.from(offsets);
    const docs = new Uint32Array(offsets[offsets.length - 1]!);
    const tfs = new Uint16Array(docs.length);
    const put = (t: number, slot: number, tf: number) => {
      const at = fill[newTerm[t]!]!++;
      docs[at] = slot;
      tfs[at] = tf;
    };
    // Old postings first, then pending docs in slot order: every term's list stays sorted by slot.
    for (let t = 0; t < this.termList.length; t++) {
      for (let p = this.offsets[t]!; p < this.offsets[t + 1]!; p++) {
        const slot = newSlot[this.postDocs[p]!]!;
        if (slot >= 0) put(t, slot, this.postTfs[p]!);
      }
    }
    for (const doc of pending) doc.termIds.forEach((t, i) => put(t, newSlot[doc.slot]!, doc.tfs[i]!));
    this.termList = termList;
    this.vocab = new Map(termList.map((term, t) => [term, t]));
    this.offsets = Uint32Array.from(offsets);
    this.postDocs = docs;
    this.postTfs = tfs;
    this.slotIds = ids;
    this.slotLengths = lengths;
    this.idToSlot = new Map(ids.map((id, slot) => [id, slot]));
    this.deleted.clear();
    this.pending = [];
    this.computeNorms();
  }

  private computeNorms(): void {
    const n = this.slotLengths.length;
    const avg = n ? this.slotLengths.reduce((s, l) => s + l, 0) / n || 1 : 1;
    this.norms = Float64Array.from(this.slotLengths, (len) => this.k1 * (1 - this.b + (this.b * len) / avg));
  }
}

function corrupt(why: string): QaError {
  return new QaError("INDEX_CORRUPT", `The keyword index file is damaged (${why}).`, REBUILD_HINT);
}
