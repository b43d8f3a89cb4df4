// Builds the site's static files from the pinned nhsuk-frontend package:
//   static/dist/main.css              our Sass, compiled with the NHS.UK frontend
//   static/dist/nhsuk-frontend.min.js the NHS.UK frontend's ES module
//   static/dist/nhsuk/assets/         its icons, favicons and manifest
//   static/dist/nhsuk/nhs-logo-path.svg the NHS logo's path, taken from its header template
// Run with `npm run build` (make does this for you).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const nhsuk = join(root, "node_modules", "nhsuk-frontend", "dist", "nhsuk");
const out = join(root, "static", "dist");

mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "frontend", "scss", "main.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "main.css"), css.css);

cpSync(join(nhsuk, "nhsuk-frontend.min.js"), join(out, "nhsuk-frontend.min.js"));
cpSync(join(nhsuk, "assets"), join(out, "nhsuk", "assets"), { recursive: true });

// The header's NHS logo is inline SVG in the package's template: take its path from there.
const header = readFileSync(join(nhsuk, "components", "header", "template.njk"), "utf8");
const logoPath = header.match(/<path fill="currentcolor" d="[^"]+"\/>/);
if (!logoPath) throw new Error("NHS logo not found in the header template");
writeFileSync(join(out, "nhsuk", "nhs-logo-path.svg"), logoPath[0]);

console.log(`Built ${out}`);
