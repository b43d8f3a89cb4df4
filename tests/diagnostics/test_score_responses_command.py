"""``manage.py score_responses`` end to end on files (PRODUCT.md section 6.4).

None of these tests is allowed the database (pytest-django refuses any query from an unmarked
test), which is how they show the command writes nothing to it; the subprocess test also points
the settings at a database that cannot exist.
"""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from diagnostics.factories import MatrixJSONFactory
from diagnostics.instrument_format import SHIPPED_DIR

REPO = Path(__file__).resolve().parents[2]

INSTRUMENT = {
    "slug": "team-check",
    "title": "Team check",
    "kind": "survey",
    "description": "",
    "scale": {"min": 1, "max": 5, "labels": {}, "allow_na": True},
    "bands": [
        {"key": "strength", "label": "Strength", "min": 4.0},
        {"key": "developing", "label": "Developing", "min": 3.0},
        {"key": "priority", "label": "Priority", "min": None},
    ],
    "min_responses": 3,
    "dimensions": [
        {
            "key": "purpose",
            "title": "Purpose",
            "items": [
                {"key": "p1", "text": "One.", "reverse": False},
                {"key": "p2", "text": "Two.", "reverse": True},
                {"key": "p3", "text": "Three.", "reverse": False},
            ],
        },
        {
            "key": "people",
            "title": "People",
            "items": [
                {"key": "m1", "text": "One.", "reverse": False},
                {"key": "m2", "text": "Two.", "reverse": False},
            ],
        },
    ],
}

# purpose: p2 reversed (6 − answer); needs 2 of 3 answers. people: needs 1 of 2.
RESPONSES = (
    "respondent,p1,p2,p3,m1,m2,comment\n"
    "r1,4,2,4,5,4,Useful session\n"  # purpose (4+4+4)/3 = 4; people 4.5; overall 4.25
    "r2,3,NA,4,,2,\n"  # purpose 3.5; people 2; overall 2.75
    "r3,5,1,,NA,NA,\n"  # purpose 5; people empty; overall 5
    '"Lee, A",2,3,3,3,4,"Too long, I think"\n'  # purpose (2+3+3)/3 = 8/3; people 3.5; overall 37/12
)

EXPECTED_SCORES = (
    "respondent,dimension,score,band\n"
    "r1,purpose,4.00,strength\n"
    "r1,people,4.50,strength\n"
    "r1,overall,4.25,strength\n"
    "r2,purpose,3.50,developing\n"
    "r2,people,2.00,priority\n"
    "r2,overall,2.75,priority\n"
    "r3,purpose,5.00,strength\n"
    "r3,people,,\n"
    "r3,overall,5.00,strength\n"
    '"Lee, A",purpose,2.67,priority\n'
    '"Lee, A",people,3.50,developing\n'
    '"Lee, A",overall,3.08,developing\n'
)

# purpose: 4, 3.5, 5, 8/3 -> mean (48 + 42 + 60 + 32) / 48 = 182/48 = 3.7917; min 2.67, max 5;
#   deviations (in 48ths) 9, -15, 57, -54 -> squares 81 + 225 + 3249 + 2916 = 6471; variance 6471 / 9216;
#   sd = sqrt(0.70215) = 0.8380
# people: 4.5, 2, 3.5 (n = 3) -> mean 10/3 = 3.3333; deviations 7/6, -8/6, 1/6 -> variance (49 + 64 + 1) / 108
#   = 1.0556; sd 1.0274
# overall: 4.25, 2.75, 5, 37/12 -> mean (51 + 33 + 60 + 37) / 48 = 181/48 = 3.7708; min 2.75, max 5;
#   deviations (in 48ths) 23, -49, 59, -33 -> squares 529 + 2401 + 3481 + 1089 = 7500; variance 7500 / 9216;
#   sd = sqrt(0.81380) = 0.9021
EXPECTED_AGGREGATE = (
    "dimension,n,mean,min,max,sd,band\n"
    "purpose,4,3.79,2.67,5.00,0.84,developing\n"
    "people,3,3.33,2.00,4.50,1.03,developing\n"
    "overall,4,3.77,2.75,5.00,0.90,developing\n"
)


@pytest.fixture
def files(tmp_path):
    instrument = tmp_path / "instrument.json"
    instrument.write_text(json.dumps(INSTRUMENT), encoding="utf-8")
    responses = tmp_path / "responses.csv"
    responses.write_text(RESPONSES, encoding="utf-8")
    return instrument, responses


def run(*args) -> str:
    out = StringIO()
    call_command("score_responses", *map(str, args), stdout=out)
    return out.getvalue()


def test_prints_a_row_per_respondent_per_dimension_then_overall(files):
    assert run(*files) == EXPECTED_SCORES


def test_aggregate_prints_n_mean_min_max_sd_band(files):
    assert run(*files, "--aggregate") == EXPECTED_AGGREGATE


def test_aggregate_below_minimum_responses_leaves_figures_empty(files, tmp_path):
    instrument, responses = files
    responses.write_text("respondent,p1,p2,p3,m1,m2\nr1,4,2,4,5,4\nr2,3,NA,4,,2\n", encoding="utf-8")
    assert run(instrument, responses, "--aggregate") == (
        "dimension,n,mean,min,max,sd,band\npurpose,2,,,,,\npeople,2,,,,,\noverall,2,,,,,\n"
    )


def test_works_with_a_shipped_instrument(tmp_path):
    responses = tmp_path / "responses.csv"
    responses.write_text("respondent,purpose-1,purpose-3\nr1,5,1\n", encoding="utf-8")
    out = run(SHIPPED_DIR / "network-health-check.json", responses)
    assert out.splitlines()[:3] == [
        "respondent,dimension,score,band",
        "r1,purpose,,",  # 2 of 5 answered: not enough
        "r1,member-needs,,",
    ]
    assert out.splitlines()[-1] == "r1,overall,,"
    assert len(out.splitlines()) == 1 + 7 + 1


@pytest.mark.parametrize(
    ("responses", "message"),
    [
        ("respondent,p1,zz\n", 'responses.csv: line 1, column 3: unknown item key "zz" (not in team-check)'),
        ("respondent,p1\nr1,7\n", "responses.csv: line 2, column 2 (p1): 7 is out of range: answers go from 1 to 5"),
        (
            "respondent,p1\nr1,3\nr1,4\n",
            'responses.csv: line 3, column 1 (respondent): duplicate respondent "r1" (also line 2)',
        ),
    ],
)
def test_bad_responses_are_refused_with_the_line_and_column(files, responses, message):
    instrument, path = files
    path.write_text(responses, encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        run(instrument, path)
    assert str(refused.value) == f"{path.parent}/{message}"


def test_a_bad_instrument_is_refused_naming_the_first_problem(files):
    instrument, responses = files
    broken = json.loads(instrument.read_text())
    del broken["dimensions"][1]["items"][0]["key"]
    instrument.write_text(json.dumps(broken))
    with pytest.raises(CommandError, match=r"instrument\.json: dimensions\[1\]\.items\[0\]\.key: missing$"):
        run(instrument, responses)


def test_a_matrix_cannot_be_scored(files, tmp_path):
    _, responses = files
    matrix = tmp_path / "matrix.json"
    matrix.write_text(json.dumps(MatrixJSONFactory(), default=float))
    with pytest.raises(CommandError, match="test-matrix is a matrix; only surveys are scored"):
        run(matrix, responses)


def test_a_missing_file_is_refused(files, tmp_path):
    instrument, _ = files
    with pytest.raises(CommandError, match="nowhere.csv: cannot read the file: No such file or directory"):
        run(instrument, tmp_path / "nowhere.csv")


def manage(*args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "source4networks.settings.test",
        # Any database access would fail: this directory does not exist.
        "DATABASE_URL": "sqlite:////nonexistent-directory/never.sqlite3",
    }
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, str(REPO / "manage.py"), "score_responses", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_command_line_prints_csv_and_exits_zero_without_a_database(files):
    done = manage(*files)
    assert done.returncode == 0, done.stderr
    assert done.stdout == EXPECTED_SCORES
    done = manage(*files, "--aggregate")
    assert done.returncode == 0, done.stderr
    assert done.stdout == EXPECTED_AGGREGATE


def test_command_line_exits_non_zero_with_the_message(files):
    instrument, responses = files
    responses.write_text("respondent,p1\nr1,9\n", encoding="utf-8")
    done = manage(instrument, responses)
    assert done.returncode != 0
    assert done.stdout == ""
    assert "line 2, column 2 (p1): 9 is out of range: answers go from 1 to 5" in done.stderr
