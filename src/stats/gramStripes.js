// @ts-check
/**
 * The passes over the rows of a least-squares fit from cross-products (gramLeastSquares.ts,
 * gramRobustRegression.ts), one stripe of rows at a time. Plain JavaScript, as
 * estimate/permutationChunks.js, so worker threads load it without the tsx loader.
 *
 * Rows are cut into fixed stripes of STRIPE_ROWS, each summed from zero in blocks of BLOCK_ROWS,
 * and the stripes' sums are added in stripe order by the caller: the result depends on the
 * stripes alone, never on how many threads computed them (gramThreads.ts).
 *
 * A design is a list of columns, each described rather than materialised: `values` (an index into
 * the arrays, or −1 for the constant 1), less `centre` (NaN: none), times `times` (an index, or −1).
 */

/**
 * A design column described, not copied: `values` and `times` index the pass's arrays (−1: the constant 1 / none); `centre` NaN: none.
 * @typedef {{ readonly values: number; readonly centre: number; readonly times: number }} StripeColumn
 */

/**
 * One pass over the rows: its columns (the outcome last), the arrays they read, and what the pass needs;
 * residual and hc2: β over the kept columns (`coefficients`); hc2: W = L⁻¹D⁻¹ (`w`, k × k lower, row-major).
 * @typedef {{ readonly pass: "cross" | "residual" | "hc2"; readonly columns: readonly StripeColumn[]; readonly arrays: readonly ArrayLike<number>[]; readonly n: number; readonly coefficients?: Float64Array; readonly w?: Float64Array }} Pass
 */

// Reads of typed arrays below are within bounds the loops compute; `/** @type {number} */ (x[i])` says so to the
// type checker (noUncheckedIndexedAccess) and costs nothing at run time (a comment).

export const BLOCK_ROWS = 1024;
export const STRIPE_ROWS = 16 * BLOCK_ROWS;

/** @param {number} n */
export function stripeCount(n) {
  return Math.ceil(n / STRIPE_ROWS);
}

/**
 * Rows [start, start + count) of the columns into `block`, column-major (column j at j × BLOCK_ROWS).
 * @param {readonly StripeColumn[]} columns
 * @param {readonly Float64Array[] | readonly ArrayLike<number>[]} arrays
 * @param {number} start @param {number} count @param {Float64Array} block
 */
export function fillBlock(columns, arrays, start, count, block) {
  const end = start + count;
  for (let j = 0; j < columns.length; j += 1) {
    const { values, centre, times } = /** @type {StripeColumn} */ (columns[j]);
    const at = j * BLOCK_ROWS - start;
    const v = values >= 0 ? /** @type {ArrayLike<number>} */ (arrays[values]) : null;
    const t = times >= 0 ? /** @type {ArrayLike<number>} */ (arrays[times]) : null;
    if (v === null) {
      if (t) for (let i = start; i < end; i += 1) block[at + i] = /** @type {number} */ (t[i]);
      else block.fill(1, at + start, at + end);
    } else if (centre !== centre && !t) {
      for (let i = start; i < end; i += 1) block[at + i] = /** @type {number} */ (v[i]);
    } else if (!t) {
      for (let i = start; i < end; i += 1) block[at + i] = /** @type {number} */ (v[i]) - centre;
    } else {
      const c = centre !== centre ? 0 : centre;
      for (let i = start; i < end; i += 1) block[at + i] = (/** @type {number} */ (v[i]) - c) * /** @type {number} */ (t[i]);
    }
  }
}

/**
 * Σᵣ a[r] b[r] over two columns of one block (offsets into it), in four running sums.
 * @param {Float64Array} block @param {number} a @param {number} b @param {number} count
 */
export function dot(block, a, b, count) {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let r = 0;
  for (; r + 3 < count; r += 4) {
    s0 += /** @type {number} */ (block[a + r]) * /** @type {number} */ (block[b + r]);
    s1 += /** @type {number} */ (block[a + r + 1]) * /** @type {number} */ (block[b + r + 1]);
    s2 += /** @type {number} */ (block[a + r + 2]) * /** @type {number} */ (block[b + r + 2]);
    s3 += /** @type {number} */ (block[a + r + 3]) * /** @type {number} */ (block[b + r + 3]);
  }
  for (; r < count; r += 1) s0 += /** @type {number} */ (block[a + r]) * /** @type {number} */ (block[b + r]);
  return s0 + s1 + (s2 + s3);
}

/**
 * The length of one stripe's result for a pass: cross products XᵀX (p × p, lower) and Xᵀy (p);
 * residual Xᵀ(y − Xβ) (p); hc2 the meat (p × p, lower), the residual sum of squares and a flag
 * (1: a leverage of 1).
 * @param {"cross" | "residual" | "hc2"} pass @param {number} p
 */
export function resultLength(pass, p) {
  return pass === "cross" ? p * p + p : pass === "residual" ? p : p * p + 2;
}

/**
 * One stripe of one pass, written into out[offset …]. `columns` ends with the outcome's column.
 * @param {Pass} task @param {number} stripe @param {Float64Array} out @param {number} offset
 */
export function runStripe(task, stripe, out, offset) {
  const { pass, columns, arrays, n } = task;
  const p = columns.length - 1;
  const first = stripe * STRIPE_ROWS;
  const last = Math.min(n, first + STRIPE_ROWS);
  const length = resultLength(pass, p);
  // Summed in a slot of its own and written at the end, so two threads computing one stripe (a late worker and
  // the recovery in gramThreads.ts) write the same values, never half a sum.
  const sums = new Float64Array(length);
  const extra = pass === "hc2" ? 3 : pass === "residual" ? 1 : 0;
  const block = new Float64Array(BLOCK_ROWS * (p + 1 + extra));
  const y = p * BLOCK_ROWS;
  for (let start = first; start < last; start += BLOCK_ROWS) {
    const count = Math.min(BLOCK_ROWS, last - start);
    fillBlock(columns, arrays, start, count, block);
    if (pass === "cross") {
      for (let a = 0; a < p; a += 1) {
        const at = a * BLOCK_ROWS;
        sums[p * p + a] = /** @type {number} */ (sums[p * p + a]) + dot(block, at, y, count);
        for (let b = 0; b <= a; b += 1) sums[a * p + b] = /** @type {number} */ (sums[a * p + b]) + dot(block, at, b * BLOCK_ROWS, count);
      }
    } else if (pass === "residual") {
      residualInBlock(block, p, /** @type {Float64Array} */ (task.coefficients), count);
      for (let a = 0; a < p; a += 1) sums[a] = /** @type {number} */ (sums[a]) + dot(block, a * BLOCK_ROWS, y, count);
    } else if (hc2InBlock(block, p, task, count, sums, 0)) {
      sums[p * p + 1] = 1;
      break;
    }
  }
  out.set(sums, offset);
}

/**
 * The outcome column becomes the residual y − Xβ.
 * @param {Float64Array} block @param {number} k @param {Float64Array} b @param {number} count
 */
function residualInBlock(block, k, b, count) {
  const residual = k * BLOCK_ROWS;
  for (let a = 0; a < k; a += 1) {
    const ba = /** @type {number} */ (b[a]);
    const at = a * BLOCK_ROWS;
    for (let r = 0; r < count; r += 1) block[residual + r] = /** @type {number} */ (block[residual + r]) - /** @type {number} */ (block[at + r]) * ba;
  }
}

/**
 * One block of the HC2 pass: residuals eᵢ, leverages hᵢ = ‖W xᵢ‖² and the meat Σᵢ eᵢ² / (1 − hᵢ) xᵢxᵢᵀ,
 * added into out; true when a leverage is 1 (the caller then uses the QR, which names it).
 * @param {Float64Array} block @param {number} k @param {Pass} task @param {number} count
 * @param {Float64Array} out @param {number} offset
 */
function hc2InBlock(block, k, task, count, out, offset) {
  const w = /** @type {Float64Array} */ (task.w);
  const residual = k * BLOCK_ROWS;
  const projected = (k + 1) * BLOCK_ROWS;
  const weight = (k + 2) * BLOCK_ROWS;
  residualInBlock(block, k, /** @type {Float64Array} */ (task.coefficients), count);
  block.fill(0, weight, weight + count);
  for (let a = 0; a < k; a += 1) {
    // (W xᵢ)ₐ, four columns of W's row at a time (one store per four products); its square into the weight column.
    block.fill(0, projected, projected + count);
    let c = 0;
    for (; c + 3 <= a; c += 4) {
      const w0 = /** @type {number} */ (w[a * k + c]);
      const w1 = /** @type {number} */ (w[a * k + c + 1]);
      const w2 = /** @type {number} */ (w[a * k + c + 2]);
      const w3 = /** @type {number} */ (w[a * k + c + 3]);
      const x0 = c * BLOCK_ROWS;
      const x1 = x0 + BLOCK_ROWS;
      const x2 = x1 + BLOCK_ROWS;
      const x3 = x2 + BLOCK_ROWS;
      for (let r = 0; r < count; r += 1) {
        block[projected + r] = /** @type {number} */ (block[projected + r]) + w0 * /** @type {number} */ (block[x0 + r]) + w1 * /** @type {number} */ (block[x1 + r]) + (w2 * /** @type {number} */ (block[x2 + r]) + w3 * /** @type {number} */ (block[x3 + r]));
      }
    }
    for (; c <= a; c += 1) {
      const wac = /** @type {number} */ (w[a * k + c]);
      const atc = c * BLOCK_ROWS;
      for (let r = 0; r < count; r += 1) block[projected + r] = /** @type {number} */ (block[projected + r]) + wac * /** @type {number} */ (block[atc + r]);
    }
    for (let r = 0; r < count; r += 1) block[weight + r] = /** @type {number} */ (block[weight + r]) + /** @type {number} */ (block[projected + r]) * /** @type {number} */ (block[projected + r]);
  }
  let rss = 0;
  for (let r = 0; r < count; r += 1) {
    const h = /** @type {number} */ (block[weight + r]);
    if (h > 1 - 1e-10) return true;
    const e = /** @type {number} */ (block[residual + r]);
    rss += e * e;
    block[weight + r] = (e * e) / (1 - h);
  }
  out[offset + k * k] = /** @type {number} */ (out[offset + k * k]) + rss;
  // The meat Σᵢ wᵢ x_a x_c: (w ∘ x_a) in the projected column, then dot products.
  for (let a = 0; a < k; a += 1) {
    const at = a * BLOCK_ROWS;
    for (let r = 0; r < count; r += 1) block[projected + r] = /** @type {number} */ (block[weight + r]) * /** @type {number} */ (block[at + r]);
    for (let c = 0; c <= a; c += 1) out[offset + a * k + c] = /** @type {number} */ (out[offset + a * k + c]) + dot(block, projected, c * BLOCK_ROWS, count);
  }
  return false;
}

/**
 * Takes stripes from the shared counter (control[0]) until none is left, writing each into its slot of
 * `results` and marking it in `status`; control[1] counts the stripes done (for Atomics.wait).
 * @param {Pass} task @param {Float64Array} results @param {Int32Array} status
 * @param {Int32Array} control @param {number} mark
 */
export function takeStripes(task, results, status, control, mark) {
  const stripes = stripeCount(task.n);
  const length = resultLength(task.pass, task.columns.length - 1);
  for (;;) {
    const stripe = Atomics.add(control, 0, 1);
    if (stripe >= stripes) return;
    runStripe(task, stripe, results, stripe * length);
    Atomics.store(status, stripe, mark);
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
}
