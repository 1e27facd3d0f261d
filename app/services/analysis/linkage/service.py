"""Linkage use cases on a coordinator vault: run, read clusters, review queue, decide.

Linkage runs when asked: after an import (the import front ends call `run_linkage`) and on demand
(`tawthiq link`, the review view's button). `run_linkage` reads the victims of every case's
current version, scores candidate pairs (engine), clusters automatic links together with the
reviewers' decisions (clusters), and stores pairs and clusters in one transaction. Everything
else here only reads that stored result: statistics, exports, the review queue. Decisions are
keyed on victim references and re-applied on every run, so a new bundle never undoes a person's
judgement. Source records are only read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from app.services import changes
from app.services.analysis.linkage import engine
from app.services.analysis.linkage.clusters import cluster, group
from app.services.analysis.linkage.records import VictimRecord, date_days, read_records
from storage import audit
from storage.database import Connection, transaction
from storage.errors import TawthiqError, UsageError
from storage.vault import Vault

DECISIONS = ("accept", "reject", "unsure")
Progress = Callable[[str, float], None]


class PairNotFound(TawthiqError):
    pass


@dataclass(frozen=True)
class VictimCluster:
    """One victim as linkage sees them: the records that are the same person."""

    cluster_id: str
    members: tuple[VictimRecord, ...]

    def __iter__(self):
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    @property
    def case_ids(self) -> tuple[str, ...]:
        return tuple(sorted({m.case_id for m in self.members}))

    @property
    def documenters(self) -> tuple[str, ...]:
        return tuple(sorted({d for m in self.members for d in m.documenters}))

    def to_json(self) -> dict:
        return {"cluster_id": self.cluster_id, "members": [m.to_json() for m in self.members],
                "documenters": list(self.documenters)}


@dataclass
class LinkageSummary:
    records: int
    clusters: int
    linked_clusters: int
    auto_pairs: int
    review_pairs: int
    pending_review: int
    decisions: int
    ran: bool = True
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "extra"} | self.extra


def pair_id(left_ref: str, right_ref: str) -> str:
    a, b = sorted((left_ref, right_ref))
    return hashlib.sha256(f"{a}\n{b}".encode()).hexdigest()[:12]


def cluster_id(refs: list[str]) -> str:
    return "v-" + hashlib.sha256(min(refs).encode()).hexdigest()[:12]


def _fingerprint(records: list[VictimRecord], model: dict) -> str:
    h = hashlib.sha256(json.dumps(model, sort_keys=True).encode())
    for r in sorted(records, key=lambda r: r.ref):
        h.update(f"{r.ref}\t{r.content_hash}\t{','.join(r.documenters)}\n".encode())
    return h.hexdigest()


def _decisions(conn: Connection) -> list[tuple[str, str, str, str, str]]:
    return conn.execute(
        "SELECT left_ref, right_ref, decision, left_hash, right_hash FROM linkage_decisions"
    ).fetchall()


Member = tuple[str, int, str]  # case id, victim index, content hash


def _stored_members(conn: Connection) -> dict[str, Member]:
    return {ref: (case_id, index, content_hash) for ref, case_id, index, content_hash in conn.execute(
        "SELECT victim_ref, case_id, victim_index, content_hash FROM linkage_members")}


def _store_clusters(conn: Connection, records: dict[str, Member]) -> int:
    """Re-cluster from the stored pairs and the decisions; replaces linkage_members."""
    links = conn.execute(
        "SELECT left_ref, right_ref, probability FROM linkage_pairs WHERE band = 'auto'").fetchall()
    decisions = _decisions(conn)
    groups = cluster(
        records.keys(), links,
        accepted=[(a, b) for a, b, d, *_ in decisions if d == "accept"],
        rejected=[(a, b) for a, b, d, *_ in decisions if d == "reject"],
        apart={ref: member[0] for ref, member in records.items()},
    )
    conn.execute("DELETE FROM linkage_members")
    conn.executemany(
        "INSERT INTO linkage_members (victim_ref, cluster_id, case_id, victim_index, content_hash) "
        "VALUES (?,?,?,?,?)",
        [(ref, cluster_id(g), *records[ref]) for g in groups for ref in g],
    )
    return len(groups)


def run_linkage(vault: Vault, progress: Progress | None = None, force: bool = False,
                engine_name: str = "duckdb") -> LinkageSummary:
    """Score, cluster and store; skips the scoring when nothing changed since the last run.

    `engine_name` "spark" scores on Spark (spark_engine) instead of DuckDB: the same model."""
    report = progress or (lambda _stage, _fraction: None)
    conn = vault.connection()
    report("reading", 0.0)
    records = read_records(conn)[0]
    model = engine.load_model(len(records))
    fingerprint = _fingerprint(records, model)
    stored = conn.execute("SELECT fingerprint FROM linkage_state WHERE id = 1").fetchone()
    by_ref = {r.ref: r for r in records}
    if stored and stored[0] == fingerprint and not force:
        report("done", 1.0)
        return summary(vault, ran=False)
    report("scoring", 0.2)
    db = engine.backend(engine_name)
    try:
        scored = engine.score_pairs([r.row() for r in records], threshold=engine.REVIEW_THRESHOLD,
                                    settings=model, on=db)
    finally:
        db.close()
    report("clustering", 0.8)
    with transaction(conn):
        conn.execute("DELETE FROM linkage_pairs")
        conn.executemany(
            "INSERT INTO linkage_pairs (pair_id, left_ref, right_ref, left_hash, right_hash, probability, "
            "weight, band) VALUES (?,?,?,?,?,?,?,?)",
            [(pair_id(s.left, s.right), s.left, s.right, by_ref[s.left].content_hash,
              by_ref[s.right].content_hash, s.probability, s.weight, "auto" if s.auto else "review")
             for s in scored],
        )
        n_clusters = _store_clusters(conn, {r.ref: (r.case_id, r.victim_index, r.content_hash) for r in records})
        conn.execute(
            "INSERT OR REPLACE INTO linkage_state (id, fingerprint, ran_at, model, records, clusters) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            (fingerprint, audit.now_iso(), f"splink-{engine_name}", len(records), n_clusters),
        )
    report("done", 1.0)
    return summary(vault)


def summary(vault: Vault, ran: bool = True) -> LinkageSummary:
    conn = vault.connection()
    one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return LinkageSummary(
        records=one("SELECT count(*) FROM linkage_members"),
        clusters=one("SELECT count(DISTINCT cluster_id) FROM linkage_members"),
        linked_clusters=one("SELECT count(*) FROM (SELECT cluster_id FROM linkage_members "
                            "GROUP BY cluster_id HAVING count(*) > 1)"),
        auto_pairs=one("SELECT count(*) FROM linkage_pairs WHERE band = 'auto'"),
        review_pairs=one("SELECT count(*) FROM linkage_pairs WHERE band = 'review'"),
        pending_review=len(review_queue(vault)),
        decisions=one("SELECT count(*) FROM linkage_decisions"),
        ran=ran,
    )


def state(conn: Connection, records: list[VictimRecord]) -> str:
    """"linked" when the stored linkage was made from exactly these records, "stale" when cases
    changed since (new records then count as their own victims until linkage runs again),
    "unlinked" when linkage never ran."""
    row = conn.execute("SELECT fingerprint FROM linkage_state WHERE id = 1").fetchone()
    if row is None:
        return "unlinked"
    return "linked" if row[0] == _fingerprint(records, engine.load_model(len(records))) else "stale"


def victim_clusters(vault: Vault, records: list[VictimRecord] | None = None) -> list[VictimCluster]:
    """Every victim as a cluster of the records that are that person, from the last linkage run.

    Only reads: records that run did not see are clusters of one, records it saw that are gone
    are left out. Each member names its case and the documenter(s) who sent that case; largest
    clusters first. `records` are the vault's current records when the caller has read them."""
    conn = vault.connection()
    if records is None:
        records = read_records(conn)[0]
    stored: dict[str, list[str]] = {}
    for ref, cid in conn.execute("SELECT victim_ref, cluster_id FROM linkage_members ORDER BY victim_ref"):
        stored.setdefault(cid, []).append(ref)
    ids = {refs[0]: cid for cid, refs in stored.items()}
    out = []
    for members in group(sorted(records, key=lambda r: r.ref), stored.values(), lambda r: r.ref):
        first = members[0].ref
        out.append(VictimCluster(ids.get(first) or cluster_id([first]), tuple(members)))
    out.sort(key=lambda c: (-len(c.members), c.members[0].ref))
    return out


INCIDENT_DAYS = 31


def incident_clusters(vault: Vault, clusters: list[VictimCluster] | None = None,
                      case_ids: list[str] | None = None) -> list[list[str]]:
    """Cases that record the same incident: lists of case ids (every case once, singletons too).

    Two cases are one incident when they share a linked victim, their dates are at most a month
    apart (or one is unknown) and their governorates agree (or one is unknown). Incidents are not
    scored on their own: an incident without a linked victim is only ever itself. Reads the
    stored victim clusters (or takes the caller's)."""
    conn = vault.connection()
    if clusters is None:
        clusters = victim_clusters(vault)
    if case_ids is None:
        case_ids = [r[0] for r in conn.execute("SELECT id FROM cases ORDER BY id")]
    parent = {c: c for c in case_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for victim in clusters:
        members = victim.members
        for a, b in zip(members, members[1:], strict=False):
            da, db = date_days(a.incident_date), date_days(b.incident_date)
            near = da is None or db is None or abs(da - db) <= INCIDENT_DAYS
            same_place = a.governorate is None or b.governorate is None or a.governorate == b.governorate
            if near and same_place and a.case_id in parent and b.case_id in parent:
                parent[find(a.case_id)] = find(b.case_id)
    groups: dict[str, list[str]] = {}
    for c in case_ids:
        groups.setdefault(find(c), []).append(c)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def review_queue(vault: Vault) -> list[dict]:
    """Pairs waiting for a person: in the review band and undecided or unsure, or decided on
    records that have changed since."""
    conn = vault.connection()
    members = dict(conn.execute("SELECT victim_ref, content_hash FROM linkage_members").fetchall())
    decided = {(a, b): (d, lh, rh) for a, b, d, lh, rh in _decisions(conn)}
    queue = []
    for pid, a, b, p, band in conn.execute(
        "SELECT pair_id, left_ref, right_ref, probability, band FROM linkage_pairs ORDER BY probability DESC"
    ):
        previous = decided.get((a, b))
        changed = previous is not None and (members.get(a), members.get(b)) != previous[1:]
        if (band == "review" and (previous is None or previous[0] == "unsure")) or changed:
            queue.append({"pair_id": pid, "left_ref": a, "right_ref": b, "probability": round(p, 4),
                          "previous_decision": previous[0] if previous else None, "changed": changed})
    return queue


def decide(vault: Vault, pid: str, decision: str) -> dict:
    """Record a person's decision on a pair and re-cluster at once (no re-scoring)."""
    if decision not in DECISIONS:
        raise UsageError("linkage.decision_unknown", choices=", ".join(DECISIONS))
    conn = vault.connection()
    row = conn.execute("SELECT left_ref, right_ref FROM linkage_pairs WHERE pair_id = ?", (pid,)).fetchone()
    if row is None:
        raise PairNotFound("linkage.no_pair_run_link")
    left, right = row
    records = _records_of(conn, [left, right])
    if left not in records or right not in records:
        raise PairNotFound("linkage.pair_not_current")
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO linkage_decisions (left_ref, right_ref, left_hash, right_hash, decision, "
            "decided_at) VALUES (?,?,?,?,?,?)",
            (left, right, records[left].content_hash, records[right].content_hash, decision, audit.now_iso()),
        )
        _store_clusters(conn, _stored_members(conn))
        audit.record(conn, "linkage.decide", pid, decision=decision)
    changes.publish(vault, changes.DECISIONS)
    return {"pair_id": pid, "decision": decision}


def _case_of(ref: str) -> str:
    return ref.rsplit("/", 1)[0]


def _records_of(conn: Connection, refs: list[str]) -> dict[str, VictimRecord]:
    """The current records with these references, reading only their cases."""
    wanted = set(refs)
    victims, _ = read_records(conn, sorted({_case_of(r) for r in refs}))
    return {r.ref: r for r in victims if r.ref in wanted}


def _provenance(conn: Connection, case_ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {c: [] for c in case_ids}
    marks = ",".join("?" * len(case_ids))
    for case_id, v, d, b, s, t in conn.execute(
        "SELECT case_id, version, documenter, bundle_id, sequence, received_at FROM case_provenance "  # noqa: S608
        f"WHERE case_id IN ({marks}) ORDER BY case_id, version, documenter", case_ids):
        out[case_id].append({"documenter": d, "bundle_id": b, "sequence": s, "received_at": t, "version": v})
    return out


def _details(conn: Connection, rows: list[tuple], records: dict[str, VictimRecord],
             provenance: dict[str, list[dict]]) -> list[dict]:
    decisions = {(a, b): d for a, b, d, *_ in _decisions(conn)}

    def side(ref: str) -> dict:
        rec = records.get(ref)
        return {"ref": ref, "case_id": _case_of(ref), "record": rec.display if rec else None,
                "sources": provenance.get(_case_of(ref), [])}

    return [{"pair_id": pid, "probability": p, "weight": w, "band": band,
             "decision": decisions.get((left, right)), "left": side(left), "right": side(right)}
            for pid, left, right, p, w, band in rows]


def _pair_rows(conn: Connection, pair_ids: list[str]) -> list[tuple]:
    marks = ",".join("?" * len(pair_ids))
    found = {row[0]: row for row in conn.execute(
        "SELECT pair_id, left_ref, right_ref, probability, weight, band FROM linkage_pairs "  # noqa: S608
        f"WHERE pair_id IN ({marks})", pair_ids)}
    return [found[p] for p in pair_ids if p in found]


def pair_details(vault: Vault, pid: str) -> dict:
    """Both records of a pair side by side, with their sources, for the review view."""
    conn = vault.connection()
    rows = _pair_rows(conn, [pid])
    if not rows:
        raise PairNotFound("linkage.no_pair")
    refs = [rows[0][1], rows[0][2]]
    return _details(conn, rows, _records_of(conn, refs), _provenance(conn, [_case_of(r) for r in refs]))[0]


def review_items(vault: Vault) -> list[dict]:
    """The review queue with both records of each pair and their sources: each case in the
    queue is read once, whatever the number of pairs (the review view and `link review --json`)."""
    conn = vault.connection()
    queue = review_queue(vault)
    if not queue:
        return []
    rows = _pair_rows(conn, [item["pair_id"] for item in queue])
    refs = [ref for row in rows for ref in row[1:3]]
    details = _details(conn, rows, _records_of(conn, refs), _provenance(conn, sorted({_case_of(r) for r in refs})))
    return [detail | item for item, detail in zip(queue, details, strict=True)]
