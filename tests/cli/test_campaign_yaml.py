"""campaign.yaml is checked as a whole before anything runs (schemas/campaign.schema.json): every
problem is one line on stderr, all at once, exit 2; and the CLI's other "cannot run" cases (no
folder, a --db that cannot be used, an unknown --campaign, no as_of) are one clear line too."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from audits.campaign import pipeline
from audits.campaign.config import load_campaign
from audits.paths import CAMPAIGN_SCHEMA
from audits.proposals.demand.kinds import KINDS
from audits.store.db import open_database
from campaigns import make_campaign
from cli_runner import odaudit

DEMO = Path(__file__).resolve().parents[2] / "inventories" / "lutsk-2020"
GOOD = {"campaign": "hromada-2021", "name": "Аудит даних", "city": "Громада", "year": 2021, "as_of": "2021-06-01",
        "departments": [{"code": "fin", "name": "Фінансовий відділ",
                         "contact": {"person": "Петренко", "email": "fin@hromada.gov.ua"}, "mandatory": ["oms-02"]}]}


def folder(tmp_path: Path, text: str) -> Path:
    directory = tmp_path / "c"
    directory.mkdir(exist_ok=True)
    (directory / "campaign.yaml").write_text(text, encoding="utf-8")
    return directory


def with_changes(**changes) -> str:
    return yaml.safe_dump({**GOOD, **changes}, allow_unicode=True, sort_keys=False)


def department(**changes) -> list[dict]:
    return [{**GOOD["departments"][0], **changes}]


def cannot_run(tmp_path: Path, text: str) -> list[str]:
    """The stderr lines of `odaudit campaign run` on this campaign.yaml (it must exit 2)."""
    result = odaudit("campaign", "run", folder(tmp_path, text), "--out", tmp_path / "out",
                     "--db", f"sqlite:///{tmp_path / 'r.sqlite'}")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.sqlite").exists() and not (tmp_path / "out").exists()   # nothing ran
    return result.stderr.strip().splitlines()


BAD = [
    ("departments: fin, osv", with_changes(departments="fin, osv"), "departments: expected a list of departments"),
    ("contact: Петренко", with_changes(departments=department(contact="Петренко")),
     "departments[0].contact: expected a mapping {person, email}, got 'Петренко'"),
    ("as_of: 2021-13-01", with_changes(as_of="2021-13-01"), "as_of: expected a date like 2020-06-01, got '2021-13-01'"),
    ("as_of: a bad time", "as_of: 2020-06-01T25:61:00\n" + with_changes().replace("as_of: '2021-06-01'\n", ""),
     "as_of: expected a date like 2020-06-01, got '2020-06-01T25:61:00'"),
    ("as_of: a timestamp", "as_of: 2020-06-01T10:00:00\n" + with_changes().replace("as_of: '2021-06-01'\n", ""),
     "as_of: expected a date like 2020-06-01"),
    ("mandatory: oms-02", with_changes(departments=department(mandatory="oms-02")),
     "departments[0].mandatory: expected a list of Resolution 835 item codes, like [oms-02, all-06], got 'oms-02'"),
    ("mandatory: unknown", with_changes(departments=department(mandatory=["oms-999"])),
     "departments[0].mandatory: unknown Resolution 835 items oms-999"),
    ("year in words", with_changes(year="двадцять перший"), "year: expected a year as a number, like 2021"),
    ("year: [2020]", with_changes(year=[2020]), "year: expected a year as a number, like 2021, got a list [2020]"),
    ("city: {a: b}", with_changes(city={"a": "b"}), "city: expected a text of up to 500 characters, got a mapping"),
    ("name: [x, y]", with_changes(name=["x", "y"]), "name: expected a text of up to 500 characters, got a list"),
    ("a top-level list", "- campaign: x\n- name: y\n", "expected a mapping of keys at the top"),
    ("unknown key", with_changes(deadlne="2021-05-29"), "top level: unknown key 'deadlne'"),
    ("unknown department key", with_changes(departments=department(emial="x@y.ua")),
     "departments[0]: unknown key 'emial'"),
    ("duplicate code", with_changes(departments=department() + department(name="Інший")),
     "departments[1].code: 'fin' is already the code of departments[0]; codes must be unique"),
    ("slug ../../etc", with_changes(campaign="../../etc"), "campaign: expected a short id of lowercase latin letters"),
    ("slug with /", with_changes(campaign="a/b"), "campaign: expected a short id"),
    ("upper-case code", with_changes(departments=department(code="Fin")), "departments[0].code: expected a code"),
    ("missing name", yaml.safe_dump({k: v for k, v in GOOD.items() if k != "name"}), "top level: 'name' is required"),
    ("snapshot outside", with_changes(portal={"snapshot": "../../etc/passwd"}),
     "portal.snapshot: '../../etc/passwd' is outside the campaign folder"),
    ("bad council domain", with_changes(council={"name": "Рада", "domain": "Not A Domain"}),
     "council.domain: expected the council's e-mail domain"),
    ("YAML aliases", 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
                     'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n'
                     'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n'
                     'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nname: *g\n', "aliases expand to"),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in BAD], ids=[b[0] for b in BAD])
def test_each_wrong_campaign_yaml_is_one_line_and_exit_2(tmp_path, text, expected):
    lines = cannot_run(tmp_path, text)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"odaudit: cannot run: {tmp_path / 'c' / 'campaign.yaml'}: ")
    assert expected in lines[0], lines[0]


def test_all_problems_are_listed_at_once(tmp_path):
    text = with_changes(campaign="a/b", year="двадцять перший", as_of="2021-13-01",
                        departments=department(contact="Петренко", mandatory="oms-02") + department())
    lines = cannot_run(tmp_path, text)
    wheres = [line.split("campaign.yaml: ", 1)[1].split(":", 1)[0] for line in lines]
    assert wheres == ["as_of", "campaign", "departments[0].contact", "departments[0].mandatory", "year",
                      "departments[1].code"], lines


def test_the_schema_ships_is_valid_and_the_bundled_campaigns_pass_it():
    schema = json.loads(CAMPAIGN_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    demand_kinds = schema["properties"]["demand"]["items"]["properties"]["kind"]["enum"]
    assert demand_kinds == list(KINDS)
    demo = load_campaign(DEMO)
    assert (demo.council.name, demo.council.domain, demo.council.organization) == (
        "Луцька міська рада", "lutskrada.gov.ua", "lutska-miska-rada")
    assert demo.as_of == date(2020, 6, 1) and len(demo.departments) == 16


def test_older_campaign_yaml_keys_still_give_the_council(tmp_path):
    text = with_changes(contact={"name": "Відділ ІТ", "email": "it@hromada.gov.ua"},
                        portal={"organization": "hromada-rada"})
    council = load_campaign(folder(tmp_path, text)).council
    assert (council.name, council.domain, council.organization) == ("Громада", "hromada.gov.ua", "hromada-rada")


def test_campaign_run_needs_its_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = odaudit("campaign", "run")
    assert result.returncode == 2 and "Missing argument" in result.stderr
    assert not (tmp_path / "var").exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize(("url", "expected"), [
    ("sqlite:///{tmp}/missing/dir/x.db", "missing/dir does not exist"),
    ("mysql://user@localhost/odaudit", "unsupported database 'mysql'"),
    ("foo://x", "unsupported database 'foo'"),
    ("not a url", "is not a database URL"),
])
def test_a_db_that_cannot_be_used_is_one_line(tmp_path, url, expected):
    url = url.format(tmp=tmp_path)
    for args in (["campaign", "status"], ["coverage"], ["template", "--campaign", folder(tmp_path, with_changes()),
                                                        "--out", tmp_path / "t"]):
        result = odaudit(*args, "--db", url)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.strip().splitlines() == [result.stderr.strip()] and expected in result.stderr, args
    assert not (tmp_path / "missing").exists()


def test_an_unknown_campaign_lists_the_stored_ones(tmp_path, db_url):
    stored(tmp_path, db_url, "hromada-2020", "hromada-2021")
    result = odaudit("campaign", "status", "--db", db_url, "--campaign", "nope")
    assert result.returncode == 2
    assert result.stderr.strip() == ("odaudit: cannot run: no campaign 'nope' in the database; "
                                     "stored: hromada-2021, hromada-2020")


def test_no_as_of_is_never_printed_as_none(tmp_path, db_url):
    stored(tmp_path, db_url, "hromada-2020", as_of=None)
    result = odaudit("campaign", "status", "--db", db_url)
    assert "None" not in result.stdout and "дата аудиту не задано" in result.stdout, result.stdout


def stored(tmp_path: Path, db_url: str, *slugs: str, as_of: str | None = "2020-06-01") -> None:
    engine = open_database(db_url)
    try:
        for slug in slugs:
            directory = make_campaign(tmp_path / slug, {"fin": "Фінансовий відділ"}, slug=slug, as_of=as_of)
            if as_of is None:
                raw = yaml.safe_load((directory / "campaign.yaml").read_text(encoding="utf-8"))
                raw.pop("as_of")
                (directory / "campaign.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
            pipeline.audit(engine, load_campaign(directory), date(2020, 6, 1), datetime(2020, 6, 1, 9))
    finally:
        engine.dispose()


BOMB = ('a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n'
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n')


def test_the_other_yaml_configs_refuse_an_alias_bomb_too(tmp_path):
    from audits.config_files import ConfigFileError, load_yaml

    path = tmp_path / "quality.yaml"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(ConfigFileError, match=r"aliases expand to \d+ values \(at most 100000\)"):
        load_yaml(path)
    path.write_text("shared: &s {a: 1}\nuses: [*s, *s]\n", encoding="utf-8")        # a few aliases are fine
    assert load_yaml(path)["uses"] == [{"a": 1}, {"a": 1}]


def test_a_run_without_as_of_prints_its_own_audit_date(tmp_path, prefect_harness):
    directory = folder(tmp_path, with_changes().replace("as_of: '2021-06-01'\n", ""))
    result = odaudit("campaign", "run", directory, "--out", tmp_path / "out", "--db",
                     f"sqlite:///{tmp_path / 'r.sqlite'}")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert "None" not in first and first.endswith(f"дата аудиту {date.today().isoformat()}"), first
