// The layering STYLE.md asks for, checked over the source: lib/server (infrastructure) imports no
// domain, and lib/ has no import cycle. Every import counts: `import type` (a cycle of types is
// still a cycle of meaning) and a lazy `import()` alike.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const LIB = path.join(ROOT, "lib");
const SKIP = path.join(LIB, "server", "generated");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === SKIP ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

// `import … from "x"`, `import "x"`, `export … from "x"` (multi-line lists included), and a lazy
// `import("x")`: loaded later, but still an edge of meaning (a jobs.ts importing its handlers while
// they import it back was a circle; producers enqueue the declarations of queues.ts instead).
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:[^"'`;()]*?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null; // a package
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

const files = sourceFiles(LIB);
const graph = new Map(
  files.map((f) => {
    const text = fs.readFileSync(f, "utf8");
    const deps = [...text.matchAll(IMPORT)].flatMap((m) => {
      const r = resolve(f, (m[1] ?? m[2])!);
      return r?.startsWith(LIB) ? [r] : [];
    });
    return [f, [...new Set(deps)]];
  }),
);
const rel = (f: string) => path.relative(ROOT, f);

/** Strongly connected components with more than one file (or a file importing itself): Tarjan. */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.includes(v)) out.push(scc.map(rel).sort());
    }
  };
  for (const f of graph.keys()) if (!idx.has(f)) visit(f);
  return out;
}

describe("architecture", () => {
  it("reads the imports it checks (the resolver finds lib's own files)", () => {
    expect(graph.get(path.join(LIB, "server", "jobs", "worker.ts"))).toContain(path.join(LIB, "server", "jobs", "define.ts"));
    expect(graph.get(path.join(LIB, "composition", "jobs.ts"))).toContain(path.join(LIB, "channels", "jobs.ts"));
  });

  it("lib/server (infrastructure) imports no domain", () => {
    const server = path.join(LIB, "server") + path.sep;
    const offending = [...graph].flatMap(([f, deps]) =>
      f.startsWith(server) ? deps.filter((d) => !d.startsWith(server)).map((d) => `${rel(f)} → ${rel(d)}`) : [],
    );
    expect(offending).toEqual([]);
  });

  it("lib/shared (helpers several domains use) imports only lib/server and itself", () => {
    const shared = path.join(LIB, "shared") + path.sep;
    const server = path.join(LIB, "server") + path.sep;
    const offending = [...graph].flatMap(([f, deps]) =>
      f.startsWith(shared) ? deps.filter((d) => !d.startsWith(shared) && !d.startsWith(server)).map((d) => `${rel(f)} → ${rel(d)}`) : [],
    );
    expect([...graph.keys()].some((f) => f.startsWith(shared))).toBe(true);
    expect(offending).toEqual([]);
  });

  it("lib/ has no import cycle", () => {
    expect(cycles()).toEqual([]);
  });

  // Server actions live beside their domain (lib/<domain>/…-actions.ts); app/ is routes only, and
  // a component never reaches into a route's folder (its style sheet aside).
  it("components/ import nothing from app/ but style sheets", () => {
    const components = sourceFiles(path.join(ROOT, "components"));
    const offending = components.flatMap((f) =>
      [...fs.readFileSync(f, "utf8").matchAll(IMPORT)].map((m) => m[1]!).filter((s) => s.startsWith("@/app/") && !s.endsWith(".css")),
    );
    expect(components.length).toBeGreaterThan(20);
    expect(offending).toEqual([]);
  });
});
