"""A minimal axe-core runner for the diagnostics browser tests (WCAG 2.2 A and AA rules).

axe is injected from the pinned npm package as a script tag, which the site's CSP would block:
the browser context is made with ``bypass_csp=True``."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page):
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return result.violations.map((v) => ({
                id: v.id,
                help: v.help,
                nodes: v.nodes.map((n) => n.html.slice(0, 200)),
            }));
        }""",
        TAGS,
    )


def assert_no_violations(page, where):
    found = violations(page)
    assert not found, f"axe found problems on {where}:\n" + "\n".join(
        f"- {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in found
    )
