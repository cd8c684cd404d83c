// The buyer pages' stylesheet and script, built once per process and served under their content
// hash (/pay-assets/pay.<hash>.css|js) with a one-year immutable cache: the pages themselves are
// never cached, their assets always are.
import crypto from "node:crypto";
import path from "node:path";
import { buildSync } from "esbuild";

type Asset = { name: string; type: string; body: Buffer };

const dir = () => path.join(process.cwd(), "lib", "pay-page");
const hashed = (base: string, ext: string, body: Buffer) =>
  `${base}.${crypto.createHash("sha256").update(body).digest("hex").slice(0, 12)}.${ext}`;

function build(): Map<string, Asset> {
  // esbuild (already what tsx runs on) bundles credit-card-type into one small file, ~10 ms.
  const js = buildSync({
    entryPoints: [path.join(dir(), "client.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2019",
    write: false,
    logLevel: "silent",
  }).outputFiles[0]!.contents;
  const css = buildSync({
    entryPoints: [path.join(dir(), "pay.css")],
    minify: true,
    write: false,
    logLevel: "silent",
  }).outputFiles[0]!.contents;
  const all: Asset[] = [
    { name: hashed("pay", "js", Buffer.from(js)), type: "text/javascript; charset=utf-8", body: Buffer.from(js) },
    { name: hashed("pay", "css", Buffer.from(css)), type: "text/css; charset=utf-8", body: Buffer.from(css) },
  ];
  return new Map(all.map((a) => [a.name, a]));
}

let built: Map<string, Asset> | undefined;
const assets = () => {
  built ??= build();
  return built;
};

export const ASSET_PREFIX = "/pay-assets/";

/** The URLs the pages link to. */
export function assetUrls(): { css: string; js: string } {
  const names = [...assets().keys()];
  return { css: ASSET_PREFIX + names.find((n) => n.endsWith(".css")), js: ASSET_PREFIX + names.find((n) => n.endsWith(".js")) };
}

export function findAsset(name: string): Asset | undefined {
  return assets().get(name);
}
