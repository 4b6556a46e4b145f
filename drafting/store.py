"""The evidence store: inspections (one per Slack channel), their SEA entries and an audit log of who
added, changed, drafted or purged what. SQLAlchemy; SQLite by default, any SQLAlchemy URL by setting."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from drafting.sea import SeaEntry

RETRIES = 3


class Base(DeclarativeBase):
    pass


class InspectionRow(Base):
    __tablename__ = "inspections"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # a Slack channel id, or a name from the CLI
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class EntryRow(Base):
    __tablename__ = "entries"
    __table_args__ = (UniqueConstraint("inspection_id", "sea_id"),)
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    sea_id: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)  # the validated entry as JSON
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditRow(Base):
    __tablename__ = "audit"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inspection_id: Mapped[str] = mapped_column(String(80), index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(20))  # added, changed, drafted, purged
    detail: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class FeedbackRow(Base):
    __tablename__ = "feedback"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(80))
    user: Mapped[str] = mapped_column(String(80))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    refs: Mapped[str] = mapped_column(Text)  # JSON list
    rating: Mapped[str] = mapped_column(String(10))  # up or down
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class ThreadRow(Base):
    """The last question asked in a Slack thread, so a follow-up keeps the conversation's context."""

    __tablename__ = "threads"
    channel: Mapped[str] = mapped_column(String(80), primary_key=True)
    thread_ts: Mapped[str] = mapped_column(String(40), primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


def default_database_url() -> str:
    path = Path.home() / ".local" / "share" / "handbook-assistant" / "store.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers and one writer work at once; foreign keys make purges cascade.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class EvidenceStore:
    def __init__(self, url: str | None = None, clock: Callable[[], dt.datetime] | None = None) -> None:
        url = url or default_database_url()
        kwargs: dict = {}
        if url.startswith("sqlite"):
            # Writers queue on SQLite's lock for up to 30 s rather than failing.
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine: Engine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        Base.metadata.create_all(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def _inspection(self, session: Session, inspection: str) -> None:
        if session.get(InspectionRow, inspection) is None:
            session.add(InspectionRow(id=inspection, created_at=self.clock()))
            session.flush()

    def import_entries(self, inspection: str, entries: list[SeaEntry], actor: str) -> dict[str, int]:
        """All entries or none: one transaction. An id already stored is updated ("changed").
        Two writers creating the same inspection or entry at once collide on a unique key: the loser's
        transaction is rolled back whole and run again, now seeing the winner's rows."""
        for attempt in range(RETRIES):
            try:
                return self._import_once(inspection, entries, actor)
            except IntegrityError:
                if attempt == RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def _import_once(self, inspection: str, entries: list[SeaEntry], actor: str) -> dict[str, int]:
        counts = {"added": 0, "changed": 0, "unchanged": 0}
        with self._transaction() as session:
            self._inspection(session, inspection)
            existing = {
                row.sea_id: row for row in session.scalars(select(EntryRow).where(EntryRow.inspection_id == inspection))
            }
            now = self.clock()
            for entry in entries:
                payload = entry.model_dump_json()
                row = existing.get(entry.id)
                if row is None:
                    session.add(EntryRow(inspection_id=inspection, sea_id=entry.id, payload=payload, updated_at=now))
                    action = "added"
                elif row.payload != payload:
                    row.payload, row.updated_at = payload, now
                    action = "changed"
                else:
                    counts["unchanged"] += 1
                    continue
                counts[action] += 1
                session.add(AuditRow(inspection_id=inspection, actor=actor, action=action, detail=entry.id, at=now))
        return counts

    def add_new_entry(self, inspection: str, entry: SeaEntry, actor: str) -> SeaEntry:
        """Store an entry typed in Slack under the next free id (SEA-001, SEA-002 …); never overwrites."""
        for _ in range(RETRIES * 3):
            try:
                with self._transaction() as session:
                    self._inspection(session, inspection)
                    taken = set(session.scalars(select(EntryRow.sea_id).where(EntryRow.inspection_id == inspection)))
                    number = len(taken) + 1
                    while f"SEA-{number:03d}" in taken:
                        number += 1
                    stored = entry.model_copy(update={"id": f"SEA-{number:03d}"})
                    now = self.clock()
                    session.add(
                        EntryRow(
                            inspection_id=inspection, sea_id=stored.id, payload=stored.model_dump_json(), updated_at=now
                        )
                    )
                    session.add(
                        AuditRow(inspection_id=inspection, actor=actor, action="added", detail=stored.id, at=now)
                    )
                return stored
            except IntegrityError:
                continue
        raise RuntimeError("could not allocate a SEA id; try again")

    def entries(self, inspection: str) -> list[SeaEntry]:
        with self._sessions() as session:
            rows = session.scalars(
                select(EntryRow).where(EntryRow.inspection_id == inspection).order_by(EntryRow.sea_id)
            )
            return [SeaEntry.model_validate_json(row.payload) for row in rows]

    def inspections(self) -> list[str]:
        with self._sessions() as session:
            return list(session.scalars(select(InspectionRow.id).order_by(InspectionRow.id)))

    def record_draft(self, inspection: str, section: str, actor: str) -> None:
        with self._transaction() as session:
            session.add(
                AuditRow(inspection_id=inspection, actor=actor, action="drafted", detail=section, at=self.clock())
            )

    def purge(self, inspection: str, actor: str) -> int:
        """Delete an inspection's evidence (para 161, retention); the audit keeps that it happened."""
        with self._transaction() as session:
            removed = session.execute(delete(EntryRow).where(EntryRow.inspection_id == inspection)).rowcount
            session.execute(delete(InspectionRow).where(InspectionRow.id == inspection))
            session.add(
                AuditRow(
                    inspection_id=inspection, actor=actor, action="purged", detail=f"{removed} entries", at=self.clock()
                )
            )
        return removed

    def add_feedback(self, channel: str, user: str, question: str, answer: str, refs: list[str], rating: str) -> None:
        with self._transaction() as session:
            session.add(
                FeedbackRow(
                    channel=channel, user=user, question=question, answer=answer, refs=json.dumps(refs), rating=rating,
                    at=self.clock(),
                )
            )  # fmt: skip

    def feedback(self) -> list[dict[str, object]]:
        with self._sessions() as session:
            rows = session.scalars(select(FeedbackRow).order_by(FeedbackRow.pk))
            return [
                {
                    "question": r.question, "answer": r.answer, "refs": json.loads(r.refs), "rating": r.rating,
                    "channel": r.channel, "at": r.at.isoformat(timespec="seconds"),
                }
                for r in rows
            ]  # fmt: skip

    def remember_thread(self, channel: str, thread_ts: str, question: str) -> None:
        with self._transaction() as session:
            row = session.get(ThreadRow, (channel, thread_ts))
            if row is None:
                session.add(ThreadRow(channel=channel, thread_ts=thread_ts, question=question, at=self.clock()))
            else:
                row.question, row.at = question, self.clock()

    def thread_question(self, channel: str, thread_ts: str) -> str | None:
        with self._sessions() as session:
            row = session.get(ThreadRow, (channel, thread_ts))
            return row.question if row else None

    def audit(self, inspection: str) -> list[dict[str, str]]:
        with self._sessions() as session:
            rows = session.scalars(select(AuditRow).where(AuditRow.inspection_id == inspection).order_by(AuditRow.pk))
            return [
                {"actor": r.actor, "action": r.action, "detail": r.detail, "at": r.at.isoformat(timespec="seconds")}
                for r in rows
            ]


__all__ = ["EvidenceStore", "default_database_url"]
