"""SEA entries, the evidence store and section drafting."""

from __future__ import annotations

import csv
import json
import re
import threading
from pathlib import Path

import docx
import openpyxl
import pytest
from sqlalchemy.exc import IntegrityError

from drafting.areas import load_areas
from drafting.draft import SECTIONS, Drafter
from drafting.draft_docx import write_draft_docx
from drafting.identifiers import IdentifierScanner, default_detectors
from drafting.sea import FIELDS, SeaEntry
from drafting.sea_readers import SeaFileError, read_sea
from drafting.store import EvidenceStore
from tests.test_cli import run

SAMPLE = Path(__file__).parent / "data" / "sea-sample.csv"


def entry(**overrides) -> SeaEntry:
    base = {
        "id": "SEA-100",
        "date": "2026-03-05",
        "author": "HMI",
        "judgement": "leadership",
        "areas": "leaders-know",
        "evaluation": "Leaders know their services well.",
        "evidence": "Audits of 30 cases matched inspectors' findings in 27.",
        "impact": "Children get the right help sooner.",
        "grade": "good",
    }
    base.update(overrides)
    return SeaEntry.model_validate(base)


def write_csv(path: Path, rows: list[dict[str, str]], fields=FIELDS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(fields))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture()
def drafter():
    return Drafter(IdentifierScanner(default_detectors()))


def test_sample_csv_reads(tmp_path):
    result = read_sea(SAMPLE)
    assert [e.id for e in result.entries] == [f"SEA-00{i}" for i in range(1, 7)]
    assert result.entries[0].cases == ["CT-04", "CT-09"]
    assert result.entries[1].flags == ["significant-concern"]


def test_json_xlsx_and_docx_readers_agree(tmp_path):
    entries = read_sea(SAMPLE).entries
    rows = [
        {
            k: (";".join(v) if isinstance(v, list) else ("" if v is None else str(v)))
            for k, v in e.model_dump(mode="json").items()
        }
        for e in entries
    ]
    (tmp_path / "sea.json").write_text(json.dumps({"entries": rows}))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(FIELDS))
    for row in rows:
        sheet.append([row[f] for f in FIELDS])
    workbook.save(tmp_path / "sea.xlsx")
    document = docx.Document()
    document.add_paragraph("SEA for the inspection")
    table = document.add_table(rows=1, cols=len(FIELDS))
    for cell, name in zip(table.rows[0].cells, FIELDS, strict=True):
        cell.text = name
    for row in rows:
        cells = table.add_row().cells
        for cell, name in zip(cells, FIELDS, strict=True):
            cell.text = row[name]
    document.save(str(tmp_path / "sea.docx"))
    for name in ("sea.json", "sea.xlsx", "sea.docx"):
        assert read_sea(tmp_path / name).entries == entries, name


def test_docx_sea_reads_entries_with_tracked_changes_accepted(tmp_path):
    from docx.oxml import parse_xml

    entries = read_sea(SAMPLE).entries
    row = {k: (";".join(v) if isinstance(v, list) else ("" if v is None else str(v))) for k, v in
           entries[0].model_dump(mode="json").items()}  # fmt: skip
    document = docx.Document()
    table = document.add_table(rows=2, cols=len(FIELDS))
    for cell, name in zip(table.rows[0].cells, FIELDS, strict=True):
        cell.text = name
    for cell, name in zip(table.rows[1].cells, FIELDS, strict=True):
        cell.text = row[name]
    evaluation = table.rows[1].cells[FIELDS.index("evaluation")].paragraphs[0]
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:author="QA" w:date="2025-10-14T09:00:00Z"'
    evaluation._p.append(parse_xml(f'<w:ins {w} w:id="1"><w:r><w:t> Managers check this weekly.</w:t></w:r></w:ins>'))
    evaluation._p.append(parse_xml(f'<w:del {w} w:id="2"><w:r><w:delText> As Kayden said.</w:delText></w:r></w:del>'))
    document.save(str(tmp_path / "sea.docx"))
    read = read_sea(tmp_path / "sea.docx").entries[0]
    assert read.evaluation == row["evaluation"] + " Managers check this weekly."


def test_one_problem_is_one_line_and_several_are_listed(tmp_path):
    with pytest.raises(SeaFileError) as one:
        read_sea(tmp_path / "absent.csv")
    assert str(one.value) == f"{tmp_path / 'absent.csv'}: rejected, nothing imported: file not found"
    headers_only = tmp_path / "headers.csv"
    headers_only.write_text("id,area\n", encoding="utf-8")
    with pytest.raises(SeaFileError) as several:
        read_sea(headers_only)
    lines = str(several.value).splitlines()
    assert lines[0].endswith("nothing imported:") and len(lines) > 2
    assert all(line.startswith("  ") for line in lines[1:])


def test_invalid_row_rejects_the_file_and_says_how_to_fix(tmp_path):
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    rows[2]["judgement"] = "leadershp"
    rows[4]["author"] = "Jane Smith"
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(SeaFileError) as caught:
        read_sea(path)
    text = str(caught.value)
    assert "nothing imported" in text
    assert "row 4, field 'judgement'" in text and "use help-and-protection" in text
    assert "row 6, field 'author'" in text and "never a name" in text
    skipped = read_sea(path, skip_invalid=True)
    assert len(skipped.entries) == 4 and len(skipped.skipped) == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", "id,date,author\nSEA-1,2026-01-01,HMI\n", "missing column 'judgement'"),
        ("extra.csv", "id,date,author,judgement,evaluation,evidence,impact,name\n", "unknown column 'name'"),
        ("sea.txt", "whatever", "unsupported type"),
        ("broken.json", "{not json", "cannot read it as json"),
        ("dup.csv", None, "duplicate id SEA-001"),
    ],
)
def test_bad_sea_files(tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
        write_csv(path, rows + [rows[0]])
    else:
        path.write_text(content)
    with pytest.raises(SeaFileError, match=message.replace("(", r"\(")):
        read_sea(path)


@pytest.mark.parametrize("name", ["bomb.xlsx", "bomb.docx"])
def test_sea_zip_bomb_is_refused_before_opening(tmp_path, name):
    import zipfile

    path = tmp_path / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (210 * 1024 * 1024))
    with pytest.raises(SeaFileError, match="over the 200 MB cap"):
        read_sea(path)


def test_sea_xlsx_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "sea.xlsx"
    path.write_text("id,date\n")
    with pytest.raises(SeaFileError, match="cannot read it as xlsx"):
        read_sea(path)


def test_store_import_is_one_transaction(tmp_path):
    store = EvidenceStore(f"sqlite:///{tmp_path / 'store.db'}")
    with pytest.raises(IntegrityError):
        store.import_entries("C123", [entry(id="SEA-1"), entry(id="SEA-2"), entry(id="SEA-1")], actor="HMI")
    assert store.entries("C123") == []
    counts = store.import_entries("C123", [entry(id="SEA-1"), entry(id="SEA-2")], actor="HMI")
    assert counts == {"added": 2, "changed": 0, "unchanged": 0}
    counts = store.import_entries("C123", [entry(id="SEA-1", grade="outstanding"), entry(id="SEA-2")], actor="QAM")
    assert counts == {"added": 0, "changed": 1, "unchanged": 1}
    actions = [(a["actor"], a["action"], a["detail"]) for a in store.audit("C123")]
    assert actions == [("HMI", "added", "SEA-1"), ("HMI", "added", "SEA-2"), ("QAM", "changed", "SEA-1")]


def test_store_keeps_inspections_apart_and_purges(tmp_path):
    store = EvidenceStore(f"sqlite:///{tmp_path / 'store.db'}")
    store.import_entries("C1", [entry(id="SEA-1")], actor="HMI")
    store.import_entries("C2", [entry(id="SEA-9")], actor="HMI")
    assert [e.id for e in store.entries("C1")] == ["SEA-1"]
    assert store.purge("C1", actor="lead inspector") == 1
    assert store.entries("C1") == [] and [e.id for e in store.entries("C2")] == ["SEA-9"]
    assert store.audit("C1")[-1]["action"] == "purged"


def test_concurrent_writers_lose_nothing(tmp_path):
    store = EvidenceStore(f"sqlite:///{tmp_path / 'store.db'}")
    errors: list[BaseException] = []

    def writer(worker: int) -> None:
        try:
            for batch in range(5):
                ids = [f"SEA-{worker}-{batch}-{n}" for n in range(5)]
                store.import_entries("C-busy", [entry(id=i) for i in ids], actor=f"HMI {worker}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(store.entries("C-busy")) == 8 * 5 * 5
    assert len(store.audit("C-busy")) == 200


def _sources_text(entries, sources):
    by_id = {e.id: e for e in entries}
    return " ".join(f"{by_id[s].evaluation} {by_id[s].evidence} {by_id[s].impact}" for s in sources)


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_drafts_and_traces_to_its_sources(drafter, section):
    entries = read_sea(SAMPLE).entries
    result = drafter.draft(section, entries)
    assert result.section == section
    assert result.paragraphs or result.gaps, section
    for paragraph in result.paragraphs:
        assert paragraph.sources
        assert "CT-0" not in paragraph.text
        # Nothing that is not in the source entries: every sentence is copied from them.
        body = (
            paragraph.text.split(": ", 1)[1] if section in ("recommendations", "children-summary") else paragraph.text
        )
        for sentence in [s for s in body.replace("; ", ". ").split(". ") if s]:
            assert sentence.rstrip(".") in _sources_text(entries, paragraph.sources)


def test_judgement_section_is_ordered_gapped_and_leak_free(drafter):
    entries = read_sea(SAMPLE).entries + [
        entry(
            id="SEA-050", judgement="help-and-protection", areas="thresholds", evaluation="Thresholds are well applied."
        ),
        entry(id="SEA-051", author="QAM", evaluation="QAM reviewed the SEA and found it evaluative."),
        entry(
            id="SEA-052",
            evaluation="Leaders know their services well.",
            evidence="Mrs Ferreira, the service manager, audits 10 cases a month (case CT-77).",
            cases="CT-77",
        ),
    ]
    result = drafter.draft("leadership", entries)
    text = " ".join(p.text for p in result.paragraphs)
    assert "Thresholds are well applied" not in text  # other judgement
    assert "QAM reviewed" not in text  # review, not evidence
    assert "CT-77" not in text and "Ferreira" not in text
    assert "[name removed], the service manager" in text and "Mrs" not in text  # the title goes with the name
    assert {(i.type, i.text) for i in result.identifiers} >= {("CASE_REFERENCE", "CT-77"), ("PERSON", "Ferreira")}
    order = [a.id for a in load_areas().areas if "leadership" in a.judgements]
    areas = [p.area for p in result.paragraphs]
    assert areas == sorted(areas, key=order.index)
    leaders = [p for p in result.paragraphs if p.area == "leaders-know"]
    assert len(leaders) == 2, "a strength and a weakness are both stated"
    assert leaders[0].text.startswith("Leaders have an overly positive view")  # evaluation first
    assert leaders[0].text.endswith("so help is not well targeted.")  # impact last
    profile = drafter.profile("leadership", entries)
    assert profile.reviews_excluded == ["SEA-051"] and profile.significant_concerns == ["SEA-002"]


def test_gaps_name_the_paragraph_and_conditional_areas(drafter):
    only = [entry(id="SEA-1")]
    gaps = {g.area: g for g in drafter.draft("leadership", only).gaps}
    assert set(gaps) == {"social-work-environment", "commissioning-sufficiency"}
    assert gaps["social-work-environment"].required.startswith("para 173")
    assert "Annex M asks inspectors to gather" in gaps["social-work-environment"].why
    flagged = {g.area for g in drafter.draft("leadership", only, delegated=True).gaps}
    assert "delegated-governance" in flagged


@pytest.mark.parametrize("section", ["help-and-protection", "children-looked-after", "adoption", "care-leavers"])
def test_gaps_quote_whole_items_not_a_dangling_lead_in(drafter, section):
    """Annex M's missing-education item "whether the local authority is following statutory guidance. For
    example:" was quoted as "… guidance. For example:." (session 24): its list is not quoted, so neither is the
    lead-in to it."""
    gaps = drafter.draft(section, [entry(id="SEA-1", judgement="leadership")], prevent=True).gaps
    assert gaps, section
    for gap in gaps:
        assert not re.search(r":\.|For example", gap.why), gap.why
        assert gap.why.endswith(".") and "gather: " in gap.why, gap.why


def test_entries_that_agree_are_merged(drafter):
    entries = [
        entry(
            id="SEA-1",
            grade="requires-improvement",
            evaluation="Supervision is irregular.",
            evidence="6 of 10 files had no supervision record.",
        ),
        entry(
            id="SEA-2",
            grade="requires-improvement",
            evaluation="Supervision is irregular.",
            evidence="Two teams had no supervision for 3 months.",
        ),
    ]
    paragraphs = drafter.draft("leadership", entries).paragraphs
    assert len(paragraphs) == 1 and paragraphs[0].sources == ["SEA-1", "SEA-2"]
    assert paragraphs[0].text.count("Supervision is irregular.") == 1


def test_docx_reopens_with_headings_gaps_and_trace(tmp_path, drafter):
    result = drafter.draft("leadership", read_sea(SAMPLE).entries[:1])
    path = write_draft_docx(result, tmp_path / "leadership.docx", inspection="C123")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Leadership, management and governance" in headings
    assert any("Gaps" in t.rows[0].cells[0].text for t in document.tables)
    trace = document.tables[-1]
    assert [c.text for c in trace.rows[0].cells] == ["Paragraph", "Area", "SEA entries"]
    assert len(trace.rows) == len(result.paragraphs) + 1
    assert trace.rows[1].cells[2].text == "SEA-001"


def test_cli_sea_import_list_draft_purge(tmp_path):
    env = {"HANDBOOK_DATABASE_URL": f"sqlite:///{tmp_path / 'store.db'}"}
    imported = run(["sea", "import", str(SAMPLE), "--inspection", "C777"], env=env)
    assert imported.returncode == 0, imported.stderr.decode()
    assert "6 added" in imported.stdout.decode()
    listed = run(["sea", "list", "--inspection", "C777", "--json"], env=env)
    assert [json.loads(line)["id"] for line in listed.stdout.decode().splitlines()] == [
        f"SEA-00{i}" for i in range(1, 7)
    ]
    out = tmp_path / "draft.docx"
    drafted = run(["draft", "leadership", "--inspection", "C777", "--out", str(out), "--json"], env=env)
    assert drafted.returncode == 0, drafted.stderr.decode()
    obj = json.loads(drafted.stdout)
    assert set(obj) == {"section", "paragraphs", "gaps", "identifiers"}
    assert [p["sources"] for p in obj["paragraphs"]] == [["SEA-001"], ["SEA-002"], ["SEA-003"]]
    assert docx.Document(str(out)).paragraphs
    assert run(["sea", "purge", "--inspection", "C777"], env=env).returncode == 2  # needs --yes
    purged = run(["sea", "purge", "--inspection", "C777", "--yes"], env=env)
    assert "6 entries purged" in purged.stdout.decode()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["draft", "nonsense", "--sea", str(SAMPLE)], "unknown section"),
        (["draft", "leadership"], "--sea FILE or --inspection ID"),
        (["draft", "leadership", "--sea", "missing.csv"], "file not found"),
    ],
)
def test_cli_draft_bad_input(args, message):
    result = run(args)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.model
def test_entries_without_areas_are_assigned_within_their_judgement(real_retrieval):
    from drafting.assign import assign_areas
    from drafting.coverage import CoverageChecker

    entries = [
        entry(
            id="SEA-1",
            areas="",
            judgement="leadership",
            evaluation="Caseloads are too high.",
            evidence="Social workers hold 30 cases; supervision is often cancelled.",
        ),
        entry(
            id="SEA-2",
            areas="",
            judgement="children-looked-after",
            evaluation="Children in care do well at school.",
            evidence="Personal education plans are good and attainment is rising.",
        ),
        # a QAM review is never drafted (para 159), so it is given no area
        entry(id="SEA-3", areas="", author="QAM", evaluation="Reviewed SEA-1 and SEA-2.", evidence="QA review."),
    ]
    updated, assignments = assign_areas(
        entries, CoverageChecker(real_retrieval.embedder, cache_dir=real_retrieval.settings.cache_dir)
    )
    assert {a.entry: a.area for a in assignments} == {"SEA-1": "social-work-environment", "SEA-2": "education-cla"}
    assert all(0 < a.confidence <= 1.5 for a in assignments)
    assert updated[0].areas == ["social-work-environment"]
    assert updated[2].areas == []


def test_paragraphs_without_a_figure_are_pointed_out(drafter):
    from drafting.draft import unquantified

    entries = [entry(id="SEA-1", evidence="Leaders hold regular performance meetings.", impact="Children benefit.")]
    assert unquantified(drafter.draft("leadership", entries)) == [1]
    assert unquantified(drafter.draft("leadership", read_sea(SAMPLE).entries)) == []


def test_import_reports_identifying_details_but_allows_case_refs_and_initials(tmp_path):
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    rows[0]["evidence"] = "J.S. (CT-04) told inspectors that her mother, Shannon, was not invited."
    path = write_csv(tmp_path / "sea.csv", rows)
    result = run(
        ["sea", "import", str(path), "--inspection", "C1"],
        env={"HANDBOOK_DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}"},
    )
    assert result.returncode == 0, result.stderr.decode()
    err = result.stderr.decode()
    assert "SEA-001.evidence: PERSON “Shannon”" in err
    assert "J.S." not in err and "CT-04" not in err  # allowed in the SEA (para 160)
