"""The house rules of the code's layout, checked on every run (see docs/architecture.md):
apps depend on each other one way only, imports sit at the top of modules, nothing looks a
module up by a dotted path to dodge an import, and no module grows past its size limit."""

import ast
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Each app and the apps it may import (directly or through the ones it may import). The
# composition root (settings, the root URLconf, WSGI) and the demo content sit above them all.
ALLOWED = {
    "source4networks": set(),
    "community.accounts": {"source4networks"},
    "community.members": {"community.accounts"},
    "community.networks": {"community.members"},
    "resources": {"source4networks"},
    "casestudies": {"resources", "community.networks"},
    "events": {"source4networks"},
    "community.discussions": {"community.networks"},
    "diagnostics": {"community.networks", "community.discussions", "resources", "casestudies"},
}
TOP = {"demo"}
COMPOSITION_ROOT = (
    "source4networks/settings/",
    "source4networks/urls.py",
    "source4networks/wsgi.py",
    "community/urls.py",
)


def closure(app):
    reached, todo = set(), [app]
    while todo:
        for dependency in ALLOWED[todo.pop()]:
            if dependency not in reached:
                reached.add(dependency)
                todo.append(dependency)
    return reached


def app_of(module):
    """The app a dotted module name belongs to, or None for anything outside the project."""
    for app in sorted(ALLOWED.keys() | TOP, key=len, reverse=True):
        if module == app or module.startswith(app + "."):
            return app
    return None


def app_files():
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in tracked:
        if not (ROOT / name).exists() or "/migrations/" in name or name.startswith(COMPOSITION_ROOT):
            continue
        module = name[:-3].replace("/", ".").removesuffix(".__init__")
        if app_of(module):
            yield name, module


def imported_modules(tree, module):
    """(line, module name) for every import in the tree, relative ones made absolute."""
    package = module if module.endswith("__init__") else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module
            yield node, name
            for alias in node.names:  # `from community import accounts` names an app too
                yield node, f"{name}.{alias.name}"


def parsed():
    for name, module in app_files():
        yield name, module, ast.parse((ROOT / name).read_text(), filename=name)


def test_apps_depend_on_each_other_one_way():
    wrong = set()
    for name, module, tree in parsed():
        source_app = app_of(module)
        if source_app in TOP:
            continue
        for node, imported in imported_modules(tree, module):
            target_app = app_of(imported)
            if target_app and target_app != source_app and target_app not in closure(source_app):
                wrong.add(f"{name}:{node.lineno} ({source_app}) imports {imported} ({target_app})")
    assert not wrong, "Imports against the dependency order:\n" + "\n".join(sorted(wrong))


def test_the_allowed_dependencies_have_no_cycle():
    for app in ALLOWED:
        assert app not in closure(app), f"{app} can reach itself"


def test_imports_inside_functions_say_why():
    unexplained = []
    for name, _module, tree in parsed():
        lines = (ROOT / name).read_text().splitlines()
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    above = node.lineno - 2
                    # Walk up over the imports of the same block to the comment that explains them.
                    while (
                        above >= 0
                        and lines[above].strip().startswith(("from ", "import ", ")"))
                        or (above >= 0 and not lines[above].strip())
                    ):
                        above -= 1
                    if above < 0 or not lines[above].strip().startswith("#"):
                        unexplained.append(f"{name}:{node.lineno}")
    assert not unexplained, "Imports inside functions without a comment saying why:\n" + "\n".join(unexplained)


@pytest.mark.parametrize("dodge", ["import_string(", "apps.get_model(", "importlib.import_module("])
def test_no_dotted_path_lookups(dodge):
    found = [name for name, _module in app_files() if dodge in (ROOT / name).read_text()]
    assert not found, f"{dodge} in {found}: import the module instead"


def tracked_files():
    return subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()


def is_exempt_from_size(name):
    generated = "/migrations/" in name and not name.endswith("__init__.py")
    content = name.startswith("demo/content/") or name.endswith(".json")
    return generated or content or name.endswith(("-lock.json", ".lock"))


def test_no_file_longer_than_600_lines():
    long = []
    for name in tracked_files():
        path = ROOT / name
        if is_exempt_from_size(name) or not path.exists():
            continue
        try:
            count = len(path.read_text().splitlines())
        except UnicodeDecodeError:
            continue
        if count > 600:
            long.append(f"{name}: {count} lines")
    assert not long, "\n".join(long)


def test_community_is_a_package_of_small_apps():
    community = ROOT / "community"
    assert not (community / "models.py").exists(), "community/ holds apps, not models of its own"
    for app in ("accounts", "members", "networks", "discussions"):
        assert (community / app / "apps.py").exists()
    long = [
        f"{path.relative_to(ROOT)}: {n} lines"
        for path in community.rglob("*.py")
        if "migrations" not in path.parts and (n := len(path.read_text().splitlines())) > 400
    ]
    assert not long, "\n".join(long)
