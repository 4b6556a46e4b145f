"""The name lists kept in the cache directory: built once, read back by later processes, rebuilt when damaged."""

from __future__ import annotations

import pytest

from drafting.identifiers import lexicon as lexicon_module
from drafting.identifiers.lexicon import Lexicon, load_lexicon

SMALL = Lexicon(
    first_names=frozenset({"Kayden", "Grace"}),
    surnames=frozenset({"Ferreira"}),
    name_words=frozenset({"Grace"}),
    cue_only_names=frozenset(),
    never_names=frozenset({"Ofsted"}),
    phrases=("Signs of Safety", "Staying Put"),  # longest first: the order is kept
    acronyms=frozenset({"IRO"}),
    towns=frozenset({"Kendal"}),
)


@pytest.fixture
def builds(monkeypatch):
    """Counts builds of a small lexicon, so the store is tested without the 2 s build of the real one."""
    calls: list[int] = []

    def build() -> Lexicon:
        calls.append(1)
        return SMALL

    monkeypatch.setattr(lexicon_module, "_build_lexicon", build)
    load_lexicon.cache_clear()
    yield calls
    load_lexicon.cache_clear()


def test_a_later_process_reads_the_stored_lists_instead_of_building(tmp_path, builds):
    assert load_lexicon(tmp_path) == SMALL
    load_lexicon.cache_clear()  # as a new process would start
    assert load_lexicon(tmp_path) == SMALL
    assert len(builds) == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"lexicon-{lexicon_module._sources_key()}.json"]


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"first_names": []}', b"[1, 2]"])
def test_damaged_lists_are_built_again_and_replaced(tmp_path, builds, damage):
    path = tmp_path / f"lexicon-{lexicon_module._sources_key()}.json"
    path.write_bytes(damage)
    assert load_lexicon(tmp_path) == SMALL
    load_lexicon.cache_clear()
    assert load_lexicon(tmp_path) == SMALL
    assert len(builds) == 1


def test_a_cache_that_cannot_be_written_still_gives_the_lists(tmp_path, builds):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    assert load_lexicon(blocked) == SMALL


def test_the_real_lists_survive_the_round_trip(tmp_path):
    built = load_lexicon()
    assert lexicon_module._lexicon_from_json(lexicon_module._lexicon_to_json(built)) == built


def test_the_key_changes_when_a_list_changes(tmp_path, monkeypatch):
    import shutil

    from retrieval.corpus import default_corpus_dir

    corpus = tmp_path / "corpus"
    shutil.copytree(default_corpus_dir(), corpus, ignore=shutil.ignore_patterns("*.json*", "*.md"))
    monkeypatch.setattr(lexicon_module, "default_corpus_dir", lambda: corpus)
    before = lexicon_module._sources_key()
    with (corpus / "lexicon" / "given_names_extra.txt").open("a", encoding="utf-8") as handle:
        handle.write("Zebedee\n")
    assert lexicon_module._sources_key() != before


def test_names_a_dictionary_lists_as_words_are_kept_apart():
    """Webster's Second keeps proper nouns' capitals: "gemma" (a bud) is a word, "priya" is not; plurals count
    by their singular, but a two-letter singular is no plural's ("wes")."""
    built = load_lexicon()
    assert {"Dale", "Gemma", "Riley"} <= built.dictionary_names
    assert not {"Priya", "Bogdan", "Wes", "Kwame", "Tracey"} & built.dictionary_names
    assert {"Puffer", "Baker"} <= built.dictionary_surnames
    assert not {"Marsden", "Gregg", "Okafor"} & built.dictionary_surnames
    dictionary = frozenset({"ant", "we", "hint"})
    assert [w for w in ("ants", "wes", "hints", "priya") if lexicon_module._in_dictionary(w, dictionary)] == [
        "ants",
        "hints",
    ]
