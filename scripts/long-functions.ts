// Lists every function in src/ and pipeline/ longer than 80 lines (#27: "no function over 80 lines
// except numerical kernels, each of which says why in one line").
//
//   npm run long-functions            prints the long functions not marked as kernels; exit 1 if any
//   npm run long-functions -- --all   also prints the marked kernels
//
// A kernel is exempt when the line just above it (or its JSDoc) holds `numerical kernel:` followed by
// the reason, e.g. `// numerical kernel: one pass over 1 M rows, split it and the JIT loses the loop`.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const MAX_LINES = 80;
const KERNEL_MARK = /numerical kernel:\s*\S/;
const root = fileURLToPath(new URL("..", import.meta.url));

type LongFunction = { file: string; line: number; name: string; lines: number; kernel: boolean };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry) && !entry.endsWith(".d.ts") ? [path] : [];
  });
}

function functionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return "(anonymous)";
}

function longFunctionsIn(path: string): LongFunction[] {
  const text = readFileSync(path, "utf8");
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lines = text.split("\n");
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    const isFunction =
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node);
    if (isFunction) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const length = end - start + 1;
      if (length > MAX_LINES) {
        // The statement holding the function (a `const f = (...) =>` or `export function`) and the
        // comment lines just above it may carry the kernel mark.
        let statement: ts.Node = node;
        while (statement.parent && !ts.isSourceFile(statement.parent) && !ts.isBlock(statement.parent)) {
          statement = statement.parent;
        }
        const statementStart = source.getLineAndCharacterOfPosition(statement.getStart()).line;
        const above = lines.slice(Math.max(0, statementStart - 12), statementStart + 1).join("\n");
        found.push({
          file: relative(root, path),
          line: start + 1,
          name: functionName(node),
          lines: length,
          kernel: KERNEL_MARK.test(above),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const showAll = process.argv.includes("--all");
const all = ["src", "pipeline"].flatMap((dir) => sourceFiles(join(root, dir))).flatMap(longFunctionsIn);
const offending = all.filter((f) => !f.kernel);
for (const f of showAll ? all : offending) {
  console.log(`${f.file}:${f.line}  ${f.name}  ${f.lines} lines${f.kernel ? "  (numerical kernel)" : ""}`);
}
console.log(
  `${offending.length} function(s) over ${MAX_LINES} lines outside the marked numerical kernels` +
    (showAll ? `; ${all.length - offending.length} marked kernel(s)` : ""),
);
process.exitCode = offending.length === 0 ? 0 : 1;
