// Every Excel JavaScript API member the add-in's code touches, with the ExcelApi requirement set its
// declaration in @types/office-js names ("[Api set: ExcelApi 1.9]", the reference's own text:
// learn.microsoft.com/javascript/api/excel). Found by the TypeScript checker, not by a list kept by
// hand: each property access and call whose symbol is declared in namespace Excel.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ApiUse {
  /** e.g. "Excel.PageLayout.zoom" */
  api: string;
  /** ExcelApi version, e.g. "1.9" */
  set: string;
  file: string;
  line: number;
  /** the text of the innermost function around the use */
  enclosing: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const API_SET = /\[Api set: ExcelApi ([^\]]*)\]/;

/** "1.1 for reading visibility; 1.2 for setting it" → "1.2": the highest version the note names. */
function highest(note: string): string | null {
  const versions = (note.match(/\d+\.\d+/g) ?? []).map((v) => v.split('.').map(Number) as [number, number]);
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const top = versions.at(-1);
  return top ? `${top[0]}.${top[1]}` : null;
}

function setOf(declaration: ts.Declaration): string | null {
  const text = declaration.getSourceFile().getFullText();
  const comments = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  for (const range of comments.reverse()) {
    const found = API_SET.exec(text.slice(range.pos, range.end));
    if (found) return highest(found[1]!);
  }
  return null;
}

function inExcelNamespace(declaration: ts.Declaration): string | null {
  const names: string[] = [];
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if ((ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name) names.unshift(node.name.text);
    if (ts.isModuleDeclaration(node)) {
      if (node.name.text !== 'Excel') return null;
      return `Excel.${names.join('.')}`;
    }
  }
  return null;
}

function enclosingFunction(node: ts.Node): ts.Node {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) return n;
  }
  return node.getSourceFile();
}

/** The uses in every .ts/.tsx file under `dirs` (relative to the project root). */
export function excelApiUses(root: string, dirs: string[]): ApiUse[] {
  const files = dirs.flatMap((dir) => sourceFiles(path.join(root, dir)));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['office-js', 'custom-functions-runtime'],
  });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const declaration of symbol?.declarations ?? []) {
          const owner = inExcelNamespace(declaration);
          const set = owner === null ? null : setOf(declaration);
          if (owner === null || set === null) continue;
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          uses.push({
            api: `${owner}.${node.name.text}`,
            set,
            file: path.relative(root, file),
            line: line + 1,
            enclosing: enclosingFunction(node).getText(),
          });
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
