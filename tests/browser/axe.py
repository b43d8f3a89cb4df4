"""Run axe-core (from the pinned npm package) in a Playwright page and describe what it finds.

Our pages send a strict Content-Security-Policy, which blocks an injected inline script: the
browser context must be made with `bypass_csp=True` (tests/browser/conftest.py does this for
the `page` fixture)."""

from pathlib import Path

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Best-practice rules run as well: `region`, all content inside a landmark, so that a screen
# reader's landmark list reaches everything (a back link once sat outside them all).
EXTRA_RULES = {"region": {"enabled": True}}


def axe_violations(page):
    """axe-core's WCAG A/AA (and `region`) violations on the page as loaded, as a list of dicts:
    {id, impact, help, helpUrl, nodes: [{target, html, failureSummary}]}."""
    if not AXE_PATH.exists():
        raise FileNotFoundError(f"{AXE_PATH} is missing: run `npm ci` (axe-core is a devDependency).")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_PATH))
    results = page.evaluate(
        """async ([tags, rules]) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                rules: rules,
                resultTypes: ["violations"],
            });
            return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({target: n.target, html: n.html, failureSummary: n.failureSummary})),
            }));
        }""",
        [WCAG_TAGS, EXTRA_RULES],
    )
    return results


def describe_violations(violations, where=""):
    """A readable report: one block per rule with the selectors and markup it failed on."""
    lines = []
    for violation in violations:
        lines.append(f"{where}{violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:400]}")
    return "\n".join(lines)


def assert_no_violations(page, where):
    """Fail with a readable report when axe-core finds WCAG A/AA (and `region`) violations on the page."""
    found = axe_violations(page)
    assert not found, f"axe found problems on {where}:\n" + describe_violations(found)
