"""The handbook as citable units: counts, refs, clean text, specific units."""

from __future__ import annotations

import re

import pytest

from retrieval.cleaning import extract_footnotes, has_debris, html_cell, table_line
from retrieval.corpus import load_units
from retrieval.parse_annex_m import parse_annex_m
from retrieval.parse_handbook import parse_handbook
from retrieval.parse_plain import parse_plain

HANDBOOK = "sif-inspection-handbook"
ANNEX_M = "annex-m-required-evidence-and-reporting"

HANDBOOK_ANNEX_M_ROWS = [
    "Key threshold/decision-making points",
    "Young people who are homeless and aged 16/17",
    "Missing from home or care",
    "Missing from education",
    "Children and young people who have been or who are neglected or physically, sexually or emotionally abused",
    "Those at risk of sexual exploitation or who are known to be being exploited",
    "Girls at risk of or who are known to have suffered female genital mutilation (FGM)",
    "Children who are looked after and are living outside of the local authority area",
    "Achieving permanence",
    "Educational progress of looked after children",
    "Rights and entitlements as a looked after child or care leaver",
    "Those waiting for adoption and those in need of adoption support services",
    "The effectiveness of the local authority in meeting the ‘Prevent Duty’ in relation to safeguarding children",
    "Recruitment, retention and sufficiency in respect of foster carers",
    "the local authority’s knowledge about domestic abuse, parental substance misuse and the mental ill health "
    "of parents or carers",
    "How well the leaders and managers know the strengths and weaknesses of their services",
    "how effective leaders are at creating the right environment for social work to flourish "
    "(including management oversight, guidance and direction)",
    "The impact of commissioning and sufficiency arrangements",
    "The effectiveness of leadership, management and governance arrangements where social care functions "
    "have been delegated",
]

FULL_ANNEX_M_ROWS = [
    "Key threshold / decision-making points",
    "Young people who are homeless and aged 16/17",
    "Missing from home or care",
    "Missing from education",
    "Children who are neglected or physically, sexually or emotionally abused",
    "Children at risk of or being sexually exploited (CSE)",
    "Domestic abuse, parental substance misuse and mental ill-health",
    "Looked after children living outside the local authority area",
    "Achieving the right permanence option",
    "Educational progress of children looked after",
    "Rights and entitlements as a child or young person looked after or as a care leaver",
    "Waiting for adoption and adoption scorecard thresholds",
    "In need of adoption support services",
    "Recruitment, retention and sufficiency in respect of foster carers",
    "How well leaders and managers know the strengths and weaknesses of the service and of frontline practice",
    "Creating the right environment for social work to flourish",
    "Workloads",
    "Commissioning arrangements",
    "Diversity within communities",
]


@pytest.fixture(scope="module")
def units():
    return load_units()


def by_ref(units, doc):
    return {u.ref: u for u in units if u.doc == doc}


def test_all_218_paragraphs_in_order(units):
    paras = [u for u in units if u.kind == "para"]
    assert [u.ref for u in paras] == [f"para {n}" for n in range(1, 219)]


def test_refs_unique_within_each_document(units):
    for doc in (HANDBOOK, ANNEX_M):
        refs = [u.ref for u in units if u.doc == doc]
        assert len(refs) == len(set(refs))


def test_no_conversion_debris_in_any_unit(units):
    dirty = {u.ref: has_debris(u.text) for u in units if has_debris(u.text)}
    assert dirty == {}
    for unit in units:
        assert "  " not in unit.text
        assert unit.text == unit.text.strip()


def test_handbook_annex_m_rows_by_name(units):
    rows = [u.ref for u in units if u.doc == HANDBOOK and u.kind == "annex-m-row"]
    assert rows == [f"Annex M: {name}" for name in HANDBOOK_ANNEX_M_ROWS]


def test_full_annex_m_rows_by_name_with_continuations_merged(units):
    rows = [u.ref for u in units if u.doc == ANNEX_M and u.kind == "annex-m-row"]
    assert rows == [f"Annex M: {name}" for name in FULL_ANNEX_M_ROWS]


def test_split_row_is_one_unit_with_its_continued_sentence(units):
    missing = by_ref(units, ANNEX_M)["Annex M: Missing from home or care"]
    # The sentence cut by the page break ("These" | "data must be considered") is whole again.
    assert "These data must be considered by inspectors with the local authority lead" in missing.text
    assert "patterns of missing episodes" in missing.text
    assert "Judgement area/s: Help and protection" in missing.text
    # Its footnotes (¹, ²) are attached to the row that cites them.
    assert "Footnote 1: For further information, see paragraph 23" in missing.text
    assert "Footnote 2: Statutory guidance on children who run away" in missing.text


def test_specific_paragraph_text(units):
    hb = by_ref(units, HANDBOOK)
    assert hb["para 160"].text.startswith("The SEA should not include anything that could identify")
    para_171 = hb["para 171"].text
    assert para_171.startswith("Inspectors must report the key strengths and weaknesses")
    # The bullet list stays with its paragraph.
    assert "\nmissing from home or care\n" in para_171
    assert para_171.endswith("in need of adoption support services.")
    assert "Writing the report" in hb["para 171"].section


def test_timeline_table_belongs_to_para_15(units):
    para_15 = by_ref(units, HANDBOOK)["para 15"].text
    assert "Deadline for all inspectors to submit their notebooks" in para_15
    assert "Lead inspector notifies the DCS of the inspection by 9.30am" in para_15
    assert "Footnote 4: A separate timeline for a post monitoring re-inspection" in para_15


def test_footnotes_attached_to_citing_paragraph(units):
    para_4 = by_ref(units, HANDBOOK)["para 4"].text
    assert "Footnote 1: Under Part 1 of the Children and Young Persons Act 2008" in para_4
    assert "Footnote 2: Under section 497A of the Education Act 1996" in para_4


def test_annex_a_items_and_subheadings(units):
    hb = by_ref(units, HANDBOOK)
    items = [u.ref for u in units if u.doc == HANDBOOK and u.kind == "annex-item"]
    assert items[0] == "Annex A 1.01" and items[-1] == "Annex A 3.10"
    assert len(items) == 13 + 7 + 10
    assert hb["Annex A 2.07"].text.startswith("a report on all children missing from home or care")
    assert "details about whether they are known to be vulnerable to sexual exploitation" in hb["Annex A 2.07"].text
    assert "Annex A: Information about the local authority area" in hb


def test_every_annex_b_to_p_present(units):
    hb = by_ref(units, HANDBOOK)
    for letter in "BCDEFGHIJKLNOP":
        assert f"Annex {letter}" in hb, letter
    assert hb["Annex I"].text.startswith("Records must be kept for at least 10 years")
    assert "The adoption scorecard" in hb["Annex K"].text
    assert hb["Annex K"].section == "Annex K. Adoption – key timescales"


@pytest.mark.parametrize(
    ("raw", "clean", "notes"),
    [
        ("text[footnoteRef:3] [3:  A note.] more", "text more", [("3", "A note.")]),
        ("no notes here", "no notes here", []),
        ("a[footnoteRef:1] [1:  one] b[footnoteRef:2] [2:  two]", "a b", [("1", "one"), ("2", "two")]),
    ],
)
def test_extract_footnotes(raw, clean, notes):
    text, found = extract_footnotes(raw)
    assert " ".join(text.split()) == clean
    assert found == notes


def test_table_and_html_cells():
    assert table_line("\tWeek One\t\tWeek Two") == "Week One | Week Two"
    assert table_line("\t· a bullet") == "- a bullet"
    assert html_cell('<ul style="list-style-type: none"> ■ one ■ two</ul>') == "- one\n- two"
    assert html_cell("<p>Help</p> <p>Care</p>") == "Help\nCare"


def test_handbook_parser_on_small_synthetic_document():
    text = (
        "Section 1. Intro\n1. First para.\nbullet one\nbullet two\nA heading\n2. Second[footnoteRef:1] [1:  note.]\n"
        "Annex A. Data\nSome intro.\n1.01 first item\ncontinued line\nAnnex B. Letters\nDear DCS"
    )
    units = parse_handbook(text, "doc")
    refs = [u.ref for u in units]
    assert refs == ["para 1", "para 2", "Annex A", "Annex A 1.01", "Annex B"]
    assert units[0].text == "First para.\nbullet one\nbullet two"
    assert units[1].section == "Section 1. Intro › A heading"
    assert units[1].text == "Second\nFootnote 1: note."
    assert units[3].text == "first item\ncontinued line"


def test_annex_m_parser_merges_lowercase_continuation():
    header = "Item\tJudgement area/s\tInspectors are required to evaluate:\tInspectors are required to report on:"
    text = "\n".join(
        [
            "Annex M. Required evidence",
            "Intro text.",
            header,
            "Rights and entitlements as a child\tChildren looked after\t<ul> ■ cases</ul>\t<ul> ■ the extent",
            header,
            "person looked after\tCare leavers\t\t<p>to which they know</p>",
            "Workloads\tLeadership\t<ul> ■ caseloads</ul>\t<ul> ■ whether</ul>",
        ]
    )
    units = parse_annex_m(text, "m")
    assert [u.ref for u in units] == [
        "Annex M",
        "Annex M: Rights and entitlements as a child person looked after",
        "Annex M: Workloads",
    ]
    assert "- the extent to which they know" in units[1].text
    assert re.search(r"Judgement area/s: Children looked after Care leavers", units[1].text)


def test_plain_parser_for_added_documents():
    units = parse_plain("# Scope\nThis covers X.\n\n# Timing\nIt takes Y.", "extra", "Extra guide")
    assert [(u.ref, u.text) for u in units] == [
        ("Extra guide: Scope", "This covers X."),
        ("Extra guide: Timing", "It takes Y."),
    ]
