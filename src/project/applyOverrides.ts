/**
 * Scenario overrides: set values at dot paths in the raw assumption file (lines and
 * scenarios addressed by id: `lines.public_support.unitPrice.value`), then parse again,
 * so an override is checked exactly as the file is.
 */

export function setPath(root: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const keys = path.split(".");
  let node: unknown = copy;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    if (Array.isArray(node)) {
      const index = node.findIndex((item) => (item as { id?: string }).id === key);
      if (index < 0) throw new OverrideError(path, `no element with id '${key}'`);
      if (last) node[index] = value;
      else node = node[index];
      return;
    }
    if (typeof node !== "object" || node === null) throw new OverrideError(path, `'${keys.slice(0, i).join(".")}' is not an object`);
    const record = node as Record<string, unknown>;
    if (last) record[key] = value;
    else {
      if (!(key in record)) throw new OverrideError(path, `no key '${key}'`);
      node = record[key];
    }
  });
  return copy;
}

/** Reads a value at a dot path (arrays by element id). */
export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split(".")) {
    if (Array.isArray(node)) node = node.find((item) => (item as { id?: string }).id === key);
    else if (typeof node === "object" && node !== null) node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}

export class OverrideError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`override ${path}: ${reason}`);
  }
}
