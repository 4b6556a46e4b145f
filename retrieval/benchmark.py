"""`handbook bench`: speed figures measured in one run (medians and ratios, not single timings).

The batch ratio compares two fresh processes doing the same amount of model work: `handbook search`
on N queries from stdin versus a bare script that loads the model and encodes the same N queries.
The bare model is the floor; the goal is a ratio of at most 1.5.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from retrieval.embedder import SentenceTransformerEmbedder
from retrieval.index import build_index, load_index
from retrieval.service import open_retrieval
from retrieval.settings import RetrievalSettings

SAMPLE_QUESTIONS = [
    "what must I report on missing children?",
    "how many cases should each social care HMI track?",
    "what should foster carers always be asked about?",
    "when must SEA entries be made?",
    "what goes in the executive summary?",
    "how does a council complain about an inspection?",
    "what is the role of the quality assurance manager?",
    "what must the report say about care leavers in B&B?",
    "when is the DCS told about the inspection?",
    "what data does the LA provide on day one?",
    "what do inspectors check about PEPs for CLA?",
    "how are Annex H cases referred back?",
]

_BARE_MODEL = """
import os, sys, time
os.environ["HF_HUB_OFFLINE"] = "1"
from sentence_transformers import SentenceTransformer
queries = [line.strip() for line in sys.stdin if line.strip()]
model = SentenceTransformer(sys.argv[1], device="cpu", local_files_only=True)
model.encode(queries, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
"""


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _timed_process(args: list[str], stdin: str, env: dict[str, str], ok: tuple[int, ...] = (0,)) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, input=stdin.encode(), env=env, capture_output=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in ok:
        raise subprocess.CalledProcessError(done.returncode, args, done.stdout, done.stderr)
    return elapsed


def run_benchmark(
    settings: RetrievalSettings, batch_size: int = 300, log: Callable[[str], None] = print
) -> dict[str, str | float]:
    figures: dict[str, str | float] = {}
    embedder = SentenceTransformerEmbedder(settings.model_dir)

    log("building a fresh index in a temporary cache …")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        build_index(Path(tmp), embedder, settings.corpus_dir, adapt=settings.adapt_queries)
        figures["index_build_s"] = round(time.perf_counter() - started, 2)
    retrieval = open_retrieval(settings, embedder=embedder)
    loads = []
    for _ in range(5):
        started = time.perf_counter()
        load_index(settings.cache_dir, embedder.model_id, settings.corpus_dir, settings.adapt_queries)
        loads.append(time.perf_counter() - started)
    figures["index_load_median_s"] = round(statistics.median(loads), 3)

    log("timing warm searches …")
    queries = [f"{q}" for q in SAMPLE_QUESTIONS] * 10
    retrieval.searcher.search(queries[0])  # warm-up: model loaded, caches filled
    latencies = []
    for query in queries:
        started = time.perf_counter()
        retrieval.searcher.search(query, k=5, mode="hybrid")
        latencies.append((time.perf_counter() - started) * 1000)
    figures["search_hybrid_warm_p50_ms"] = round(_percentile(latencies, 0.5), 1)
    figures["search_hybrid_warm_p95_ms"] = round(_percentile(latencies, 0.95), 1)
    asks = []
    for query in SAMPLE_QUESTIONS:
        started = time.perf_counter()
        retrieval.answerer.answer(query)
        asks.append((time.perf_counter() - started) * 1000)
    figures["ask_warm_p50_ms"] = round(_percentile(asks, 0.5), 1)

    env = dict(os.environ)
    env["HANDBOOK_CACHE_DIR"] = str(settings.cache_dir)
    handbook = [sys.executable, "-m", "bot"]
    log("timing cold one-shot ask (3 runs) …")
    colds = [_timed_process([*handbook, "ask", SAMPLE_QUESTIONS[0]], "", env) for _ in range(3)]
    figures["ask_cold_one_shot_median_s"] = round(statistics.median(colds), 2)

    log(f"timing a {batch_size}-query batch against the bare model (3 runs each) …")
    batch = "\n".join((SAMPLE_QUESTIONS * (batch_size // len(SAMPLE_QUESTIONS) + 1))[:batch_size]) + "\n"
    ours, bare = [], []
    for _ in range(3):
        ours.append(_timed_process([*handbook, "search", "--json"], batch, env))
        bare.append(_timed_process([sys.executable, "-c", _BARE_MODEL, str(embedder.model_dir)], batch, env))
    figures[f"batch_{batch_size}_search_median_s"] = round(statistics.median(ours), 2)
    figures[f"bare_model_load_encode_{batch_size}_median_s"] = round(statistics.median(bare), 2)
    figures["batch_to_bare_model_ratio"] = round(statistics.median(ours) / statistics.median(bare), 2)
    figures.update(_check_report_speed(settings, embedder, handbook, env, log))
    figures.update(_draft_speed(log))
    # ru_maxrss is in KiB on Linux: this process, which built and loaded the index and ran the model.
    figures["peak_memory_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    figures["units"] = len(retrieval.index.units)
    figures["passages"] = len(retrieval.index.passages)
    return figures


def _check_report_speed(
    settings: RetrievalSettings, embedder, handbook: list[str], env: dict[str, str], log: Callable[[str], None]
) -> dict[str, float]:
    """check-report on a 12-page report (about 6,000 words): warm in this process and cold as a one-shot
    command, median of 3 runs each."""
    from drafting.check import CheckOptions, ReportChecker
    from drafting.coverage import CoverageChecker
    from drafting.identifiers import IdentifierScanner, default_detectors

    log("timing check-report on a 6,000-word report …")
    text = _report_text(settings)
    checker = ReportChecker(
        IdentifierScanner(default_detectors()), CoverageChecker(embedder, cache_dir=settings.cache_dir)
    )
    checker.check_text("bench", text, CheckOptions())  # warm-up
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        checker.check_text("bench", text, CheckOptions())
        runs.append(time.perf_counter() - started)
    log("timing cold one-shot check-report of the same report (3 runs) …")
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.txt"
        draft.write_text(text, encoding="utf-8")
        # Exit 1 means findings, as expected of handbook text checked as a report.
        colds = [
            _timed_process([*handbook, "check-report", str(draft), "--json"], "", env, ok=(0, 1)) for _ in range(3)
        ]
    return {
        "check_report_6000_words_warm_median_s": round(statistics.median(runs), 2),
        "check_report_words": len(text.split()),
        "check_report_cold_one_shot_median_s": round(statistics.median(colds), 2),
    }


def _report_text(settings: RetrievalSettings) -> str:
    """A 12-page report's length of prose: the handbook's numbered paragraphs up to 6,000 words."""
    from retrieval.corpus import load_units

    words, body = 0, []
    for unit in load_units(settings.corpus_dir):
        if unit.kind != "para":
            continue
        body.append(unit.text)
        words += len(unit.text.split())
        if words >= 6000:
            break
    return "\n".join(body)


def _draft_speed(log: Callable[[str], None]) -> dict[str, float]:
    """200 SEA entries read from CSV, imported into a fresh SQLite store and a section drafted: warm median of 3."""
    import csv

    from drafting.draft import Drafter
    from drafting.identifiers import IdentifierScanner, default_detectors
    from drafting.sea import FIELDS
    from drafting.sea_readers import read_sea
    from drafting.store import EvidenceStore

    log("timing SEA import of 200 entries and a leadership draft …")
    sample = Path(__file__).resolve().parent.parent / "tests" / "data" / "sea-sample.csv"
    base = list(csv.DictReader(sample.open(encoding="utf-8")))
    drafter = Drafter(IdentifierScanner(default_detectors()))
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sea.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(FIELDS))
            writer.writeheader()
            for n in range(200):
                row = dict(base[n % len(base)])
                row["id"] = f"SEA-{n:03d}"
                writer.writerow(row)
        for attempt in range(4):
            started = time.perf_counter()
            entries = read_sea(path).entries
            store = EvidenceStore(f"sqlite:///{Path(tmp) / f'store-{attempt}.db'}")
            store.import_entries("bench", entries, actor="bench")
            drafter.draft("leadership", store.entries("bench"))
            if attempt:  # the first run warms imports and the name lists
                runs.append(time.perf_counter() - started)
    return {"sea_import_200_and_draft_warm_median_s": round(statistics.median(runs), 2)}
