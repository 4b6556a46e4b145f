"""check-report: documents, structure, style, coverage, the areas table and the CLI contract."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from drafting.areas import load_areas
from drafting.documents import MAX_FILE_BYTES, read_report
from drafting.errors import UnreadableDocumentError
from drafting.structure import check_structure
from drafting.style import check_style
from retrieval.corpus import load_units
from tests.test_cli import run

DATA = Path(__file__).parent / "data"
DESIGN_AREA_IDS = [
    "thresholds", "homeless-16-17", "missing-home-care", "missing-education", "abuse-neglect", "sexual-exploitation",
    "fgm", "out-of-area", "permanence", "education-cla", "rights-entitlements", "adoption-waiting", "adoption-support",
    "adoption-scorecard", "foster-carers", "domestic-abuse", "prevent", "leaders-know", "social-work-environment",
    "commissioning-sufficiency", "delegated-governance",
]  # fmt: skip


def test_areas_table_matches_design_and_corpus():
    table = load_areas()
    assert [a.id for a in table.areas] == DESIGN_AREA_IDS
    refs = {(u.doc, u.ref) for u in load_units()}
    for area in table.areas + table.advisory:
        for doc, rows in area.annex_m.items():
            for row in rows:
                assert (doc, f"Annex M: {row}") in refs, (area.id, row)
    for area in table.areas:
        for para in area.paras:
            assert ("sif-inspection-handbook", f"para {para}") in refs
    assert {a.id for a in table.areas if a.conditional} == {"prevent", "delegated-governance"}


def make_docx(path: Path, body: list[str], table: list[list[str]] | None = None, header: str | None = None) -> Path:
    document = docx.Document()
    for line in body:
        document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.save(str(path))
    return path


def test_docx_text_includes_tables_and_headers(tmp_path):
    path = make_docx(tmp_path / "r.docx", ["Executive summary", "Leaders know."], [["Child", "Mrs Ferreira"]], "DRAFT")
    text = read_report(path)
    assert "Executive summary\nLeaders know." in text
    assert "Child | Mrs Ferreira" in text
    assert "DRAFT" in text


def _one_pixel_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1 x 1, 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS_NS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
V_NS = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def make_qa_docx(path: Path) -> Path:
    """A draft as it comes back from QA: tracked changes (an insertion, a deletion and a move), a reviewer's
    comment, a text box (written twice by Word, for new and old readers), content controls, a table nested in a
    cell, a first-page header holding a table, and a footnote."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Leaders know their services well. Inspectors met Kayden at home.")
    tracked = document.add_paragraph("Children who go missing are seen ")
    change = 'w:id="{}" w:author="QA" w:date="2025-10-14T09:00:00Z"'
    tracked._p.append(
        parse_xml(f"<w:ins {W_NS} {change.format(1)}><w:r><w:t>quickly, as Tyler-James said</w:t></w:r></w:ins>")
    )
    tracked._p.append(
        parse_xml(
            f"<w:del {W_NS} {change.format(2)}><w:r><w:delText>, for example Paisley Fielding</w:delText></w:r></w:del>"
        )
    )
    tracked._p.append(parse_xml(f"<w:r {W_NS}><w:t>.</w:t></w:r>"))
    moved = document.add_paragraph("Return home interviews are offered")
    moved._p.append(
        parse_xml(f"<w:moveFrom {W_NS} {change.format(3)}><w:r><w:t> to Oliwia Nowak</w:t></w:r></w:moveFrom>")
    )
    moved._p.append(parse_xml(f"<w:moveTo {W_NS} {change.format(4)}><w:r><w:t> within 72 hours</w:t></w:r></w:moveTo>"))
    box = (
        "<w:txbxContent><w:p><w:r><w:t>Case study: Harper Bland, 15</w:t></w:r>"
        f"<w:ins {change.format(5)}><w:r><w:t>, placed with Mrs Okafor</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r>"
        "</w:p></w:txbxContent>"
    )
    document.add_paragraph("See the case study.")._p.append(
        parse_xml(
            f"<w:r {W_NS} {MC_NS} {WPS_NS} {V_NS}><mc:AlternateContent>"
            f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )
    # Content controls, as report templates use them: a whole block, and a field inside a sentence.
    document.element.body.sectPr.addprevious(
        parse_xml(
            f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Local authority: Calderdale. Lead: Hana Ali."
            "</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
    )
    document.add_paragraph("The child, ")._p.append(
        parse_xml(f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:r><w:t>Jaxon Pickles</w:t></w:r></w:sdtContent></w:sdt>")
    )
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Tracked case 4"
    outer.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Carer: Mrs Okonjo"
    notes = (
        f"<w:footnotes {W_NS}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Told to the inspector by Bernie Walsh, the LAC nurse.</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    # A first page headed differently from the rest, its header a table.
    section = document.sections[0]
    section.different_first_page_header_footer = True
    banner = section.first_page_header.add_table(rows=1, cols=2, width=section.page_width)
    banner.cell(0, 0).text = "DRAFT"
    banner.cell(0, 1).text = "Case reviewed with Gwen Parry"
    # What travels with the file without being on the page: its properties and a picture's alt text.
    document.core_properties.title = "Case file notes for Ellis Gregson"
    picture = document.add_paragraph().add_run().add_picture(io.BytesIO(_one_pixel_png()))
    picture._inline.docPr.set("descr", "Photo of Mia Gregson at the contact centre")
    reviewed = document.paragraphs[0].runs
    document.add_comment(reviewed, text="Please name no child here, not even Ruby. Add the missing children work.")
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(path))
    return path


def test_docx_tracked_changes_text_boxes_nested_tables_and_footnotes_are_read(tmp_path):
    from drafting.documents import COMMENTS, DELETED, DETAILS, read_report_text

    read = read_report_text(make_qa_docx(tmp_path / "qa.docx"))
    shown = read.report
    # What Word shows with the changes accepted, each place once.
    assert "Children who go missing are seen quickly, as Tyler-James said." in shown
    assert "Return home interviews are offered within 72 hours" in shown
    assert shown.count("Case study: Harper Bland, 15, placed with Mrs Okafor.") == 1
    assert "Local authority: Calderdale. Lead: Hana Ali." in shown
    assert "The child, Jaxon Pickles" in shown
    assert "Carer: Mrs Okonjo" in shown
    assert "Told to the inspector by Bernie Walsh, the LAC nurse." in shown
    assert "DRAFT | Case reviewed with Gwen Parry" in shown
    assert "Paisley" not in shown and "Oliwia" not in shown and "Ruby" not in shown
    # What the file still holds: a reviewer's comment, and text deleted or moved away under tracked changes.
    assert read.comments == "Please name no child here, not even Ruby. Add the missing children work."
    assert read.deleted.splitlines() == [", for example Paisley Fielding", " to Oliwia Nowak"]
    assert read.details.splitlines() == [
        "Case file notes for Ellis Gregson",
        "Photo of Mia Gregson at the contact centre",
    ]
    assert "Ellis" not in shown and "Mia" not in shown
    assert read.text == f"{read.report}\n{read.comments}\n{read.deleted}\n{read.details}"
    words = ("Kayden", "Bernie", "Ruby", "Paisley", "Oliwia", "Ellis", "Mia")
    regions = {word: read.region(read.text.index(word)) for word in words}
    assert regions == {
        "Kayden": None,
        "Bernie": None,
        "Ruby": COMMENTS,
        "Paisley": DELETED,
        "Oliwia": DELETED,
        "Ellis": DETAILS,
        "Mia": DETAILS,
    }


def test_a_draft_saved_by_libreoffice_is_read_whole():
    """`qa-libreoffice.docx` was written by LibreOffice 7.4 (`soffice --headless --convert-to docx` of the .fodt
    beside it): a real producer's tracked changes, footnote, text box, comment and header. The reader before
    session 20 found 4 of its 9 names."""
    from drafting.documents import COMMENTS, DELETED, read_report_text
    from drafting.identifiers import IdentifierScanner, default_detectors

    read = read_report_text(DATA / "qa-libreoffice.docx")
    found = {f.text: read.region(f.start) for f in IdentifierScanner(default_detectors()).scan(read.text)}
    assert found == {
        "Kayden": None,
        "Tyler-James": None,  # a tracked insertion
        "Okonjo": None,  # a table
        "Gwen Parry": None,  # the header
        "Harper Bland": None,  # a text box
        "Okafor": None,
        "Bernie Walsh": None,  # a footnote
        "Ruby": COMMENTS,
        "Paisley Fielding": DELETED,
    }


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _red_runs(element) -> list[str]:
    """The text of each run highlighted red (an identifying detail's mark) under an element, in order."""
    marked = [r for r in element.iter(f"{_W}r") if r.find(f"{_W}rPr/{_W}highlight[@{_W}val='red']") is not None]
    return ["".join(t.text for t in r.iter(f"{_W}t")) for r in marked]


def _footnotes(document):
    """The footnotes part of a saved copy, parsed."""
    from docx.oxml import parse_xml

    notes = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/footnotes"))
    return parse_xml(notes.blob)


def test_a_draft_saved_by_libreoffice_is_annotated_in_place(tmp_path):
    from drafting.annotate import annotate_docx
    from drafting.check import CheckOptions, ReportChecker
    from drafting.coverage import CoverageChecker
    from drafting.documents import read_report_text
    from drafting.identifiers import IdentifierScanner, default_detectors
    from tests.fakes import FakeEmbedder

    source = DATA / "qa-libreoffice.docx"
    checker = ReportChecker(IdentifierScanner(default_detectors()), CoverageChecker(FakeEmbedder()))
    checked = checker.check_file(source, CheckOptions())
    target = tmp_path / "annotated.docx"
    annotate_docx(source, checked.result, target)
    annotated = docx.Document(str(target))

    # Every name LibreOffice wrote in the body, a tracked insertion, a table, a text box, the header, the
    # footnote and the reviewer's comment is marked; the deleted one is counted in a comment at the top.
    assert _red_runs(annotated.element.body) == ["Kayden", "Tyler-James", "Harper Bland", "Okafor", "Okonjo"]
    assert _red_runs(annotated.sections[0].header._element) == ["Gwen Parry"]
    assert _red_runs(_footnotes(annotated)) == ["Bernie Walsh"]
    assert _red_runs(annotated.part._comments_part.element) == ["Ruby"]
    assert any(c.text.endswith("1 in text deleted under tracked changes (it stays in the file: accept the deletions).")
               for c in annotated.comments)  # fmt: skip
    assert read_report_text(target).report == read_report_text(source).report


def test_names_in_comments_and_deleted_text_are_found_but_credit_no_area(tmp_path):
    from drafting.check import CheckOptions, ReportChecker
    from drafting.coverage import CoverageChecker
    from drafting.documents import COMMENTS, DELETED, DETAILS
    from drafting.identifiers import IdentifierScanner, default_detectors
    from tests.fakes import FakeEmbedder

    checker = ReportChecker(IdentifierScanner(default_detectors()), CoverageChecker(FakeEmbedder()))
    checked = checker.check_file(make_qa_docx(tmp_path / "qa.docx"), CheckOptions())
    names = {f.text: checked.region(f) for f in checked.result.identifiers if f.type == "PERSON"}
    for shown in (
        "Kayden",
        "Tyler-James",
        "Harper Bland",
        "Okafor",
        "Okonjo",
        "Bernie Walsh",
        "Hana Ali",
        "Jaxon Pickles",
        "Gwen Parry",
    ):
        assert shown in names and names[shown] is None, (shown, names)
    assert names.get("Ruby") == COMMENTS, names
    assert names.get("Ellis Gregson") == DETAILS and names.get("Mia Gregson") == DETAILS, names
    for deleted in ("Paisley Fielding", "Oliwia Nowak"):
        assert names.get(deleted) == DELETED, (deleted, names)
    for f in checked.result.identifiers:
        assert checked.text[f.start : f.end] == f.text
    # Neither the deleted text nor the comment asking for missing children's work is read as the report's.
    assert not any(word in e.sentence for e in checked.evidence for word in ("Paisley", "Oliwia", "Ruby", "Mia"))


def test_annotating_marks_tracked_insertions_tables_headers_and_text_boxes_in_place(tmp_path):
    from drafting.annotate import annotate_docx
    from drafting.check import IdentifierOut, ReportCheck
    from drafting.coverage import Coverage
    from drafting.documents import read_report_text

    source = make_qa_docx(tmp_path / "qa.docx")
    text = read_report(source)
    # After the inserted, deleted and moved text, a paragraph is still marked exactly: its offset counts the
    # inserted and moved-in text but not the deleted or moved-away text.
    _annotate_one_name(source, text, "See", tmp_path / "one.docx")
    names = ["Tyler-James", "72 hours", "Okonjo", "Hana Ali", "Jaxon Pickles", "Gwen Parry", "Harper Bland"]
    names += ["Bernie Walsh", "Ruby", "Paisley", "Ellis Gregson"]
    starts = [text.index(name) for name in names]
    result = ReportCheck(
        file=str(source),
        identifiers=[
            IdentifierOut(type="PERSON", text=n, start=s, end=s + len(n), score=0.9)
            for n, s in zip(names, starts, strict=True)
        ],
        coverage=Coverage(covered=[], missing=[], not_applicable=[]),
        structure=[],
        style=[],
    )
    target = tmp_path / "two.docx"
    # Inserted and moved-in text, a nested table's cell, content controls, a header, a text box, a footnote and a
    # reviewer's comment are marked; deleted text and the file's title cannot be, and are counted at the top.
    assert annotate_docx(source, result, target) == 9
    annotated = docx.Document(str(target))
    body = annotated.element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    red = _red_runs(body)
    assert red == ["Tyler-James", "72 hours", "Harper Bland", "Hana Ali", "Jaxon Pickles", "Okonjo"]
    header = annotated.sections[0].first_page_header._element
    assert _red_runs(header) == ["Gwen Parry"]
    # In a header, a text box or a block content control the highlight alone marks it: Word anchors comments in
    # the body only, and one anchored in a block content control hid the paragraph's text in LibreOffice.
    # Elsewhere each mark has its comment.
    block = next(body.iter(f"{w}sdt"))
    assert "Hana Ali" in "".join(t.text for t in block.iter(f"{w}t"))
    assert not any(True for _ in block.iter(f"{w}commentRangeStart"))
    # Four marks, the reviewer's comment the draft had, and the count of what could not be marked.
    assert len(list(body.iter(f"{w}commentRangeStart"))) == 4 + 1 + 1
    top = annotated.comments.get(max(c.comment_id for c in annotated.comments))
    assert top.text == (
        "Identifying details this copy cannot mark (check-report lists them): 1 in text deleted under tracked"
        " changes (it stays in the file: accept the deletions); 1 in the file's title, subject or keywords or a"
        " picture's alt text (File > Info > Properties)."
    )
    assert "Paisley" not in top.text and "Ellis" not in top.text  # the copy names no one more than the draft did
    # The footnote and the reviewer's comment are highlighted in their own parts, which are saved with the copy.

    assert _red_runs(_footnotes(annotated)) == ["Bernie Walsh"]
    assert _red_runs(annotated.part._comments_part.element) == ["Ruby"]
    # The report's text is unchanged (only comments are added), so the annotated copy reads as the draft did.
    for region in ("report", "deleted", "details"):
        assert getattr(read_report_text(target), region) == getattr(read_report_text(source), region)
    assert read_report_text(source).comments in read_report_text(target).comments


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("bad.txt", b"caf\xe9 au lait", "not UTF-8"),
        ("report.pdf", b"%PDF", "unsupported file type"),
        ("broken.docx", b"PK\x03\x04 not really", "not a valid .docx"),
        ("blank.md", b"   \n\n", "no text"),
    ],
)
def test_unreadable_documents(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableDocumentError, match=message):
        read_report(path)


def test_oversized_and_zip_bomb_documents(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UnreadableDocumentError, match="20 MB"):
        read_report(big)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (210 * 1024 * 1024))
    with pytest.raises(UnreadableDocumentError, match="cap"):
        read_report(bomb)


def test_structure_findings():
    full = "\n".join(
        [
            "Executive summary", "Recommendations", "Summary for children and young people",
            "The experiences and progress of children who need help and protection",
            "The experiences and progress of children looked after and achieving permanence",
            "Adoption performance", "The experiences and progress of care leavers",
            "Leadership, management and governance",
        ]
    )  # fmt: skip
    assert check_structure(full) == []
    missing = {f.section for f in check_structure("Executive summary\nLeaders know their services.")}
    assert {"recommendations", "children-summary", "leadership"} <= missing
    long_report = full + "\n" + "word " * 7000
    assert any(f.ref == "para 216" for f in check_structure(long_report, post_monitoring=True))
    assert not any(f.ref == "para 216" for f in check_structure(long_report))
    # A list item is no heading: "• support for care leavers is weak" does not make a care leavers section.
    listed = {f.section for f in check_structure("Executive summary\n• support for care leavers is weak")}
    assert "care-leavers" in listed


def test_style_findings():
    text = (
        "Return home interviews were offered late. Some children wait too long. "
        "8 of 10 plans were reviewed on time. The MASH is effective."
    )
    kinds = {(f.type, f.sentence) for f in check_style(text)}
    assert ("passive", "Return home interviews were offered late.") in kinds
    assert ("unquantified", "Some children wait too long.") in kinds
    assert not any(s == "8 of 10 plans were reviewed on time." and k == "unquantified" for k, s in kinds)
    assert ("acronym", "The MASH is effective.") in kinds
    assert not any(
        f.type == "acronym" for f in check_style("The multi-agency safeguarding hub (MASH) works. The MASH is quick.")
    )


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        (
            "XX% of enquiries were completed on time [figure TBC from performance].",
            ["XX%", "[figure TBC from performance]"],
        ),
        ("Leaders know their services [CHECK: quote from DCS].", ["[CHECK: quote from DCS]"]),
        ("Inspectors found [insert example here].", ["[insert example here]"]),
        ("For one child [Kai, 13, case ref 4471902], risks were known.", ["[Kai, 13, case ref 4471902]"]),
        ("Plans are reviewed. [para 171: cover adoption too]", ["[para 171: cover adoption too]"]),
        ("There were ?? children in care and £xx was spent.", ["??", "xx"]),
        ("<insert name> is the director. This is TBC.", ["<insert name>", "TBC"]),
        ("Decisions are timely. [check]", ["[check]"]),
        ("A box [ ] to tick.", ["[ ]"]),
        ("Leaders met [name removed] weekly.", ["[name removed]"]),  # what `draft` leaves to be rewritten
        # Negatives: words changed in a quote, an elision, "[sic]", a note's number, words that hold "xx".
        ("One child said '[my social worker] listens to me'.", []),
        ("'[The council] has been brilliant,' a carer said.", []),
        ("He called it 'rubbish [sic]' and 'great […] really'.", []),
        ("See the note [2].", []),
        ("Boxx Hill and Exxon staff wore XXL shirts in Section XXI.", []),
        ("The local authority's [the council's] plan is clear.", []),
    ],
)
def test_what_is_left_from_drafting(text, markers):
    from drafting.style import UNFINISHED, unfinished_markers

    assert [text[f.start : f.end] for f in unfinished_markers(text)] == markers
    found = [f for f in check_style(text) if f.type == UNFINISHED]
    assert [(f.start, f.end, f.ref) for f in found] == [(f.start, f.end, "para 162") for f in unfinished_markers(text)]
    # What is inside a marker is not advised on again as an undefined acronym ("TBC", "CHECK", "DCS").
    acronyms = {f.advice.split("'")[1] for f in check_style(text) if f.type == "acronym"}
    assert not acronyms & {"TBC", "CHECK", "DCS", "XX"}


def test_a_placeholder_left_in_is_a_problem_not_advice(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Executive summary\nLeaders know their services well [CHECK: quote from DCS].\n", encoding="utf-8")
    result = run(["check-report", str(draft), "--json"])
    assert result.returncode == 1
    style = json.loads(result.stdout)["style"]
    assert {
        k: v
        for k, v in next(s for s in style if s["type"] == "unfinished").items()
        if k in ("type", "ref", "start", "end")
    } == {"type": "unfinished", "ref": "para 162", "start": 51, "end": 74}
    shown = run(["check-report", str(draft)]).stdout.decode()
    assert "Left from drafting (1) — para 162" in shown and "“[CHECK: quote from DCS]” (chars 51–74)" in shown


@pytest.fixture(scope="module")
def sentence_memo(real_retrieval):
    """The coverage evaluations build thirty drafts per set from the same sentences: each sentence is encoded
    once (the leave-one-set-out test took 4 min encoding the same sentences again)."""
    from retrieval.embedder import MemoEmbedder

    return MemoEmbedder(real_retrieval.embedder)


@pytest.mark.model
def test_coverage_on_drafts_with_areas_left_out(real_retrieval, sentence_memo):
    from drafting.coverage import CoverageChecker, load_examples
    from drafting.coverage_eval import evaluate_coverage

    # Measured without the set's own paragraphs among the example findings.
    checker = CoverageChecker(
        sentence_memo,
        examples=load_examples(exclude=frozenset({"coverage_paragraphs"})),
        cache_dir=real_retrieval.settings.cache_dir,
    )
    result = evaluate_coverage(checker, DATA / "coverage_paragraphs.jsonl", DATA / "coverage_distractors.txt")
    assert result.f1 >= 0.90, result.errors


# Measured F1 per held-out set (MEASUREMENTS.md); each floor sits a little under its figure so a regression shows.
HELD_OUT_COVERAGE_FLOORS = {
    # Measured leave-one-set-out: each set without its own paragraphs among the example findings (MEASUREMENTS.md).
    "coverage_heldout": 0.98,
    "coverage_heldout2": 0.97,
    "coverage_heldout3": 0.94,
    "coverage_heldout4": 0.96,
    "coverage_heldout5": 0.98,
    "coverage_heldout6": 0.98,
    "coverage_heldout7": 0.92,
    # 1.000 until session 11's sets joined the example findings: its leaders-know paragraph ("performance
    # reports focus on timeliness") sits at 0.539 once "timeliness" is used by a third area's examples.
    "coverage_heldout8": 0.90,
    # 1.000 until session 8's sets joined the example findings: 0.976; 0.871 after session 11's (its rights
    # paragraph scores 0.599 against the 0.60 bar).
    "coverage_heldout9": 0.86,
    "coverage_heldout10": 0.95,
    # 0.918 until session 9's last two sets joined the example findings: 0.896.
    "coverage_heldout11": 0.88,
    "coverage_heldout12": 0.92,
    "coverage_heldout13": 0.95,
    "coverage_heldout14": 0.92,
    "coverage_heldout15": 0.98,
    # Terse, acronym-heavy findings ("ICPCs are timely", "the A1 and A2 indicators"): first 0.584.
    "coverage_heldout16": 0.98,
    "coverage_heldout17": 0.96,
    # First 0.566: plain sentences the model placed with a neighbour; 0.891, then 0.945 once session 10's
    # sets joined the example findings.
    "coverage_heldout18": 0.93,
    # Written after the example findings were added, measured once: 0.863 (0.783 without them).
    "coverage_heldout19": 0.88,
    # Session 8, each measured once first: weakness-led findings 0.961; a summary for children in the second
    # person 0.652 (the model's weakest voice; held at what it reaches); three- and four-sentence paragraphs
    # 0.976; terse evaluation notes 0.822 (the clear-lead rule was made for it).
    "coverage_heldout20": 0.94,
    # 0.744 until session 9's sets joined the example findings: 0.843; 0.811 after session 10's; 0.863 with
    # session 11's distinctive-word rule, 0.838 once held-out 31 joined; 0.902 with the neutral findings.
    "coverage_heldout21": 0.89,
    # 0.976 until session 9's sets joined the example findings: 0.924; 0.961 after session 10's.
    "coverage_heldout22": 0.94,
    # 1.000 until session 9's sets joined the example findings: 0.910. Its front-door note ("Sample of 12
    # contacts: right outcome in 11 …") leads its neighbour by 0.14, just under the clear-lead margin. 0.895
    # after session 10's sets joined.
    "coverage_heldout23": 0.88,
    # Session 9, each measured once first: published-report paragraphs of four or five sentences 0.918 (a
    # sentence about home visits or MARAC in another area's paragraph credits out-of-area or exploitation);
    # a letter in inspectors' voice with paraphrase ("toxic trio", "run away") 0.971.
    "coverage_heldout24": 0.90,
    "coverage_heldout25": 0.95,
    # Written after those two joined the example findings, measured once: paraphrase-heavy paragraphs
    # ("step-across", "reunification") 0.971; long sentences opening with a generic evaluation ("This is an
    # area of relative strength.") 0.966.
    "coverage_heldout26": 0.95,
    "coverage_heldout27": 0.94,
    # Session 10, measured once first: audit-led paragraphs that open with figures ("Of the 40 episodes …")
    # 0.890; voice-led paragraphs ("A young woman told inspectors that her worker 'never gave up' on her")
    # 0.797, where exploitation and child protection are implied, never named. Leave-one-set-out after both
    # joined: 0.798 (the second set's foster-carer paragraph draws "fewer in-house foster placements than the
    # sufficiency strategy predicted") and 0.797.
    # A word an area keeps using stays distinctive despite single mentions elsewhere (session 11): 28 rose to
    # 0.918, 29 fell to 0.792.
    "coverage_heldout28": 0.90,
    "coverage_heldout29": 0.78,
    # Session 11, measured once first: improvement-led paragraphs ("Leaders need to make sure that …") 0.976,
    # the one error a MARAC sentence about perpetrators crediting exploitation when its paragraph is out.
    "coverage_heldout30": 0.95,
    # Written after that change, measured once first: case-illustration-led paragraphs ("A 13-year-old boy who
    # had gone missing from his foster home four times in a month was seen …") 1.000.
    "coverage_heldout31": 0.98,
    # Session 12, measured once first: paragraphs that compare with the last inspection ("Since the previous
    # inspection, the police and the council have set up a joint team …") 0.966; its one error a sentence about
    # "the places children go when they are away" crediting children placed at a distance. Not among the
    # example findings (below), so its figure stays the first one.
    "coverage_heldout32": 0.95,
    # Written after it, measured once first: findings in inspectors' technical shorthand ("RHIs", "the MACE
    # panel", "Reg 28 visits", "the ASGSF") 0.976; its one error "Supervising social workers visit carers …"
    # crediting the social work environment. Not among the example findings either (below).
    "coverage_heldout33": 0.95,
    # Session 13, both written before the code was read and measured once first: terse QA-feedback bullets with
    # no full stop ("- Return home interviews: offered in 9 of 10 episodes, but …") 1.000; partner-led report
    # paragraphs ("The police notify social care of every episode in which a child goes missing …") 1.000. Not
    # among the example findings, so these figures stay the first ones.
    "coverage_heldout34": 0.98,
    "coverage_heldout35": 0.98,
    # Session 19, written after a candidate rule was fixed and measured once each way: one paragraph per area,
    # paraphrased away from the area names ("cutting", "children who run away", "the national measures of
    # timeliness") 1.000 with and without it. Not among the example findings, so the figure stays the first one.
    "coverage_heldout36": 0.98,
}

# Sets kept out of the example findings, with the measurement that decided it: joining held-out 32 left the
# leave-one-set-out mean of the other 31 sets where it was (0.957 → 0.958) and made two more of the 30 generic
# sentences count as coverage ("The local authority responded positively to inspectors' feedback." reaches
# leaders-know through its "Leaders have a much better grip … than at the time of the last inspection").
# Held-out 33 joined: the mean of the other 32 fell 0.957 → 0.956 and held-out 28 to 0.890, under its floor.
NOT_EXAMPLES = frozenset(
    {"coverage_heldout32", "coverage_heldout33", "coverage_heldout34", "coverage_heldout35", "coverage_heldout36"}
)


@pytest.mark.parametrize(
    ("probes", "expected"),
    [
        # Used by one or two areas: distinctive of each; by three areas once each: of none.
        ([("a", ["scorecard"]), ("b", ["scorecard"])], [{"scorecard"}, {"scorecard"}, set()]),
        ([("a", ["plan"]), ("b", ["plan"]), ("c", ["plan"])], [set(), set(), set()]),
        # An area that keeps using a word keeps it despite one mention in each of two other areas ...
        ([("a", ["timeli"])] * 4 + [("b", ["timeli"]), ("c", ["timeli"])], [{"timeli"}, set(), set()]),
        # ... but not with three mentions only, nor when three areas use it repeatedly.
        ([("a", ["timeli"])] * 3 + [("b", ["timeli"]), ("c", ["timeli"])], [set(), set(), set()]),
        ([("a", ["audit"])] * 4 + [("b", ["audit"])] * 2 + [("c", ["audit"])] * 2, [set(), set(), set()]),
    ],
)
def test_distinctive_terms(probes, expected):
    from drafting.coverage import distinctive_terms

    owners = ["abc".index(area) for area, _ in probes]
    assert [set(t) for t in distinctive_terms([tokens for _, tokens in probes], owners, 3)] == expected


def test_example_findings_are_the_labelled_draft_sets():
    """corpus/area_examples.jsonl is the labelled paragraphs of every coverage set but those NOT_EXAMPLES names,
    each tagged with its set, so that each set can be measured without its own paragraphs."""
    from drafting.coverage import load_examples

    expected = [
        (json.loads(line)["area"], json.loads(line)["text"], path.stem)
        for path in [DATA / "coverage_paragraphs.jsonl", *sorted(DATA.glob("coverage_heldout*.jsonl"))]
        if path.stem not in NOT_EXAMPLES
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert sorted((e.area, e.text, e.source) for e in load_examples()) == sorted(expected)
    assert all(e.source != "coverage_heldout19" for e in load_examples(exclude=frozenset({"coverage_heldout19"})))


@pytest.mark.model
def test_coverage_on_held_out_drafts_holds_its_floors(real_retrieval, sentence_memo):
    """Thirty-five sets of paragraphs written apart from the probes; each was measured once before any change
    it prompted (MEASUREMENTS.md gives both figures)."""
    from drafting.coverage import CoverageChecker, load_examples
    from drafting.coverage_eval import evaluate_coverage

    f1 = {}
    for name, floor in HELD_OUT_COVERAGE_FLOORS.items():
        # Each set is measured without its own paragraphs among the example findings (leave one set out).
        checker = CoverageChecker(
            sentence_memo,
            cache_dir=real_retrieval.settings.cache_dir,
            examples=load_examples(exclude=frozenset({name})),
        )
        result = evaluate_coverage(checker, DATA / f"{name}.jsonl", DATA / "coverage_distractors.txt")
        assert result.f1 >= floor, (name, result.errors)
        f1[name] = result.f1
    assert sum(f1.values()) / len(f1) >= 0.90, f1


# Thirty sentences any report holds (sampling, recording, morale, offices), written apart from the descriptions:
# each one credited to an area would hide that area's absence. The first set: 3 of 30, then 4 once session 10's
# sets joined the example findings, 3 with the neutral findings (session 13; "Inspectors identified some practice
# that needs to improve." no longer reaches leaders-know). The second, written in session 13 before the neutral
# findings and measured once first: 4 of 30, then 3 with them; three of the six left credit out-of-area with
# "social workers visit children regularly", which its examples say almost word for word.
# The third and fourth (session 19), findings about services outside para 171-173 (out-of-hours, disabled
# children, youth justice, private fostering, health services), each measured once when written: 8 and 5 of 30,
# some arguable ("Paediatricians provide timely child protection medicals" credits abuse-neglect). Fourteen
# neutral findings on those services, fixed before the fourth set was written, did not lower it (5 of 30). The
# fifth, a mix of both kinds, measured once: 3 of 30 ("Most children's plans are reviewed at the right time."
# credits permanence).
# The sixth and seventh (session 23), judgement statements and summaries every report holds ("The experiences and
# progress of care leavers are good."): the sixth, measured first, credited 18 of 30; fourteen judgement statements
# were then written into the neutral findings (8 of 30). The seventh, written after them and measured once: 17 of
# 30 without them, 11 with them. The eighth, written before judgement statements were recognised by their form
# (drafting/judgement_statements.py) and measured once each way: 11 of 30, then 6 (the sixth 5, the seventh 6).
# Every other set, and every held-out draft set's F1, was unchanged by both.
@pytest.mark.model
@pytest.mark.parametrize(
    ("name", "most"),
    [
        ("coverage_generic.txt", 3),
        ("coverage_generic2.txt", 3),
        ("coverage_generic3.txt", 8),
        ("coverage_generic4.txt", 5),
        ("coverage_generic5.txt", 3),
        ("coverage_generic6.txt", 5),
        ("coverage_generic7.txt", 6),
        ("coverage_generic8.txt", 6),
    ],
)
def test_generic_report_sentences_rarely_count_as_coverage(real_retrieval, name, most):
    from drafting.coverage import CoverageChecker

    checker = CoverageChecker(real_retrieval.embedder, cache_dir=real_retrieval.settings.cache_dir)
    sentences = (DATA / name).read_text(encoding="utf-8").splitlines()
    credited = {s: checker.check(s)[0].covered for s in sentences if s.strip()}
    assert len(credited) == 30
    assert sum(bool(areas) for areas in credited.values()) <= most, {s: a for s, a in credited.items() if a}


@pytest.mark.model
def test_a_sentence_closest_to_the_neutral_findings_credits_no_area(real_retrieval):
    from drafting.coverage import CoverageChecker, load_neutral

    sentence = "Inspectors identified some practice that needs to improve."
    assert sentence not in load_neutral()
    on = CoverageChecker(real_retrieval.embedder, cache_dir=real_retrieval.settings.cache_dir)
    off = CoverageChecker(real_retrieval.embedder, cache_dir=real_retrieval.settings.cache_dir, neutral=[])
    assert off.check(sentence)[0].covered == ["leaders-know"]
    assert on.check(sentence)[0].covered == []


@pytest.mark.model
def test_coverage_reads_shorthand_and_short_findings(real_retrieval):
    from drafting.coverage import CoverageChecker

    checker = CoverageChecker(real_retrieval.embedder, cache_dir=real_retrieval.settings.cache_dir)
    coverage, evidence = checker.check(
        "The authority has clear procedures for concerns about FGM.\nPost-adoption support is weak."
    )
    assert {"fgm", "adoption-support"} <= set(coverage.covered)
    assert {e.sentence for e in evidence} >= {"Post-adoption support is weak."}


def test_list_items_count_as_findings_and_their_lead_in_does_not():
    """Drafts list what needs to improve without full stops; the line that introduces the list reports nothing."""
    from drafting.coverage import _paragraphs

    text = (
        "What needs to improve in this local authority's services for children:\n"
        "• the timeliness of return home interviews\n- the quality of personal education plans\n"
        "2) supervision for social workers\n• Ok then\nChildren in care\n"
        "1. Improve the quality of plans. Review them often\n3. Short one"
    )
    groups = _paragraphs(text)
    assert [[s.text for s in group] for group in groups] == [
        ["the timeliness of return home interviews"],
        ["the quality of personal education plans"],
        ["supervision for social workers"],
        ["Improve the quality of plans."],
    ]
    assert all(text[s.start : s.end] == s.text for group in groups for s in group)


@pytest.mark.model
def test_coverage_reads_a_bulleted_draft(real_retrieval):
    from drafting.coverage import CoverageChecker

    checker = CoverageChecker(real_retrieval.embedder, cache_dir=real_retrieval.settings.cache_dir)
    coverage, _ = checker.check(
        "What needs to improve in this local authority's services for children:\n"
        "• the timeliness of return home interviews for children who go missing from care\n"
        "• the quality of personal education plans for children in care\n"
        "• the consistency of supervision for social workers in the assessment teams"
    )
    assert sorted(coverage.covered) == ["education-cla", "missing-home-care", "social-work-environment"]


def test_docx_list_items_are_read_with_their_bullet_and_annotated_in_place(tmp_path):
    source = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_paragraph("What needs to improve:")
    document.add_paragraph("the timeliness of return home interviews for Kayden", style="List Bullet")
    document.save(str(source))
    text = read_report(source)
    assert text.splitlines() == ["What needs to improve:", "• the timeliness of return home interviews for Kayden"]
    reopened = _annotate_one_name(source, text, "Kayden", tmp_path / "annotated.docx")
    assert reopened.paragraphs[1].text == "the timeliness of return home interviews for Kayden"


def test_paragraph_grouping_keeps_offsets_and_drops_headings():
    from drafting.coverage import _paragraphs

    text = "Children missing from home\nThe response is swift when children run away. Return interviews are offered every time.\nOk.\nLeaders know their services well and act on it."
    groups = _paragraphs(text)
    assert [[s.text for s in group] for group in groups] == [
        ["The response is swift when children run away.", "Return interviews are offered every time."],
        ["Leaders know their services well and act on it."],
    ]
    for group in groups:
        for sentence in group:
            assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.model
def test_a_paragraph_is_matched_whole_and_quotes_its_closest_sentence(real_retrieval):
    from drafting.coverage import CoverageChecker

    # The mechanism, with the area descriptions alone (the example findings recognise either sentence alone).
    checker = CoverageChecker(real_retrieval.embedder, cache_dir=real_retrieval.settings.cache_dir, examples=[])
    # Neither sentence alone is close enough to "missing from home or care"; together they are.
    first = "Police and social workers share information quickly when a child is reported missing."
    second = (
        "Independent return interviews take place within 72 hours for most children, and the learning is used "
        "to plan their safety."
    )
    for sentence in (first, second):
        assert "missing-home-care" not in checker.check(sentence)[0].covered
    paragraph = f"{first} {second}"
    coverage, evidence = checker.check(paragraph)
    assert "missing-home-care" in coverage.covered
    quoted = next(e for e in evidence if e.area == "missing-home-care")
    assert paragraph[quoted.start : quoted.end] == quoted.sentence == first


@pytest.mark.model
def test_conditional_areas_need_a_flag(real_retrieval):
    from drafting.coverage import CoverageChecker

    checker = CoverageChecker(real_retrieval.embedder, cache_dir=real_retrieval.settings.cache_dir)
    coverage, _ = checker.check("Leaders know their services well and act on what they find.")
    assert {"prevent", "delegated-governance"} <= set(coverage.not_applicable)
    coverage, _ = checker.check("Leaders know their services well.", prevent_priority=True, delegated=True)
    assert {"prevent", "delegated-governance"} <= set(coverage.missing)


@pytest.mark.model
def test_check_report_cli_contract(tmp_path):
    clean_free = make_docx(
        tmp_path / "draft.docx",
        ["Executive summary", "Tayo, aged 9, told inspectors he feels safe with his foster carer, Mrs Kowalski."],
    )
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF")
    # A cache of its own: the first check stores the area descriptions' vectors there, the second reads them.
    cache = tmp_path / "cache"
    result = run(["check-report", str(clean_free), str(bad), "--json"], env={"HANDBOOK_CACHE_DIR": str(cache)})
    assert len(list(cache.glob("area-descriptions-*.npz"))) == 1
    again = run(["check-report", str(clean_free), "--json"], env={"HANDBOOK_CACHE_DIR": str(cache)})
    assert again.stdout == result.stdout
    assert result.returncode == 1, result.stderr.decode()
    assert "unsupported file type" in result.stderr.decode()
    objs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(objs) == 1
    obj = objs[0]
    assert set(obj) == {"file", "identifiers", "coverage", "structure", "style"}
    assert set(obj["coverage"]) == {"covered", "missing", "not_applicable"}
    text = read_report(clean_free)
    found = {(i["type"], i["text"]) for i in obj["identifiers"]}
    assert {("PERSON", "Tayo"), ("PERSON", "Kowalski")} <= found
    for item in obj["identifiers"]:
        assert text[item["start"] : item["end"]] == item["text"]
        assert set(item) == {"type", "text", "start", "end", "score"}


@pytest.mark.model
def test_check_report_readable_output_marks_possible_identifiers(tmp_path, model_cache_dir, real_retrieval):
    draft = tmp_path / "draft.txt"
    draft.write_text("Inspectors spoke about Oluwatimilehin at length. Mrs Kowalski agreed.\n", encoding="utf-8")
    qa = make_qa_docx(tmp_path / "qa.docx")
    result = run(["check-report", str(draft), str(qa)], env={"HANDBOOK_CACHE_DIR": str(model_cache_dir)})
    out = result.stdout.decode()
    assert result.returncode == 1, result.stderr.decode()
    assert "PERSON?         “Oluwatimilehin”" in out  # an unfamiliar word alone: possible
    assert "PERSON          “Kowalski”" in out  # after a title: certain
    assert "a type ending in ? is possible" in out
    # A name deleted under tracked changes is still in the file, and the row says so.
    deleted = [line for line in out.splitlines() if "“Paisley Fielding”" in line]
    assert len(deleted) == 1 and "deleted under tracked changes, still in the file" in deleted[0], out
    assert not any("deleted under tracked changes" in line for line in out.splitlines() if "“Kayden”" in line)
    assert any("“Ruby” (chars" in line and "in a reviewer's comment" in line for line in out.splitlines()), out


def test_check_report_exit_2_with_one_line_when_the_file_is_unreadable(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF")
    result = run(["check-report", str(bad)])
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert "bad.pdf" in lines[0] and lines[0].startswith("error: ")


def test_check_report_exit_2_when_no_file_of_several_is_readable(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF")
    missing = tmp_path / "missing.txt"
    result = run(["check-report", str(bad), str(missing)])
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 3, lines  # one per file, then the summary
    assert "bad.pdf" in lines[0] and "missing.txt" in lines[1]
    assert "no file could be read" in lines[2]


def test_annotated_copy_highlights_and_comments_findings(tmp_path):
    from docx.enum.text import WD_COLOR_INDEX

    from drafting.annotate import annotate_docx
    from drafting.check import CheckOptions, IdentifierOut, ReportCheck
    from drafting.coverage import Coverage
    from drafting.identifiers import IdentifierScanner, default_detectors

    source = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_paragraph("Executive summary")
    paragraph = document.add_paragraph("Leaders know their services. ")
    paragraph.add_run("Tayo, aged 9, told inspectors").bold = True
    paragraph.add_run(" he feels safe with Mrs Kowalski. Some children wait too long.")
    document.save(str(source))
    text = read_report(source)
    findings = IdentifierScanner(default_detectors()).scan(text, CheckOptions().mode)
    result = ReportCheck(
        file=str(source),
        identifiers=[IdentifierOut(**f.model_dump(exclude={"detector"})) for f in findings],
        coverage=Coverage(covered=[], missing=[], not_applicable=[]),
        structure=[],
        style=check_style(text),
    )
    target = tmp_path / "annotated.docx"
    assert annotate_docx(source, result, target) == 3
    reopened = docx.Document(str(target))
    assert (
        reopened.paragraphs[1].text
        == "Leaders know their services. Tayo, aged 9, told inspectors he feels safe with Mrs Kowalski. Some children wait too long."
    )
    red = [r.text for p in reopened.paragraphs for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.RED]
    assert red == ["Tayo", "Kowalski"]
    tayo = next(r for r in reopened.paragraphs[1].runs if r.text == "Tayo")
    assert tayo.bold, "formatting of the split run is kept"
    comments = [c.text for c in reopened.comments]
    assert sum("Identifying detail (PERSON)" in c for c in comments) == 2
    assert any("Style (unquantified" in c for c in comments)


def test_annotation_offsets_survive_a_table_before_the_finding(tmp_path):
    """Reading and annotating walk the body with one function: a table (merged cells included) ahead of a
    finding must not shift where the highlight lands."""
    source = tmp_path / "draft.docx"
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Judgement"
    table.cell(0, 2).text = "Grade"
    table.cell(1, 0).text, table.cell(1, 1).text, table.cell(1, 2).text = "Help", "and protection", "Good"
    document.add_paragraph("Inspectors spoke with Mrs Kowalski about the plan.")
    document.save(str(source))
    text = read_report(source)
    assert text.splitlines()[:2] == ["Judgement | Grade", "Help | and protection | Good"]
    _annotate_one_name(source, text, "Kowalski", tmp_path / "annotated.docx")


def _annotate_one_name(source, text, name, target):
    """Annotates `name`'s first place in the extracted text; the copy must highlight exactly that word."""
    from docx.enum.text import WD_COLOR_INDEX

    from drafting.annotate import annotate_docx
    from drafting.check import IdentifierOut, ReportCheck
    from drafting.coverage import Coverage

    start = text.index(name)
    result = ReportCheck(
        file=str(source),
        identifiers=[IdentifierOut(type="PERSON", text=name, start=start, end=start + len(name), score=0.9)],
        coverage=Coverage(covered=[], missing=[], not_applicable=[]),
        structure=[],
        style=[],
    )
    assert annotate_docx(source, result, target) == 1
    reopened = docx.Document(str(target))
    red = [r.text for p in reopened.paragraphs for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.RED]
    assert red == [name]
    return reopened


@pytest.mark.parametrize(
    ("text", "start", "end", "width", "expected"),
    [
        ("Mrs Kowalski said", 4, 12, 40, "Mrs Kowalski said"),  # near the start: no wrap-around
        ("a\n\nb  Tayo   c d", 6, 10, 4, "b Tayo c"),  # whitespace and line breaks collapsed
        ("x" * 50 + " Sam " + "y" * 50, 51, 54, 2, "x Sam y"),
    ],
)
def test_finding_context(text, start, end, width, expected):
    from drafting.check import finding_context

    assert finding_context(text, start, end, width) == expected


@pytest.mark.parametrize(
    ("prevent", "delegated", "expected"),
    [
        (False, False, set()),
        (True, False, {"prevent"}),
        (False, True, {"delegated"}),
        (True, True, {"prevent", "delegated"}),
    ],
)
def test_conditional_areas_are_required_only_when_flagged(prevent, delegated, expected):
    from drafting.areas import load_areas

    areas = load_areas().areas
    assert all(a.required(prevent, delegated) for a in areas if a.conditional is None)
    assert {a.conditional for a in areas if a.conditional and a.required(prevent, delegated)} == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The experiences and progress of care leavers are good.", True),
        ("Leadership, management and governance: inadequate.", True),
        ("Adoption performance requires improvement to be good.", True),
        ("Judgement: children looked after and achieving permanence – outstanding", True),
        ("The overall effectiveness of children's services is judged to be requires improvement to be good.", True),
        ("Overall, help and protection for children is good.", True),
        # A finding about an area within a judgement is no judgement statement.
        ("Care leavers' accommodation is good.", False),
        ("Adoption support is good.", False),
        ("The experiences and progress of care leavers are good because personal advisers stay in touch.", False),
        ("Children who go missing from care are good at avoiding return interviews.", False),
        ("Help and protection", False),
    ],
)
def test_judgement_statements(sentence, expected):
    from drafting.judgement_statements import is_judgement_statement

    assert is_judgement_statement(sentence) is expected
