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
from app.services.analysis.linkage import engine, history, incidents
from app.services.analysis.linkage.clusters import cluster, group
from app.services.analysis.linkage.records import IncidentRecord, VictimRecord, read_records
from storage import audit
from storage.database import Connection, transaction
from storage.errors import TawthiqError, UsageError
from storage.vault import Vault

DECISIONS = ("accept", "reject", "unsure")
Progress = Callable[[str, float], None]


class PairNotFound(TawthiqError):
    pass


class ClusterNotFound(TawthiqError):
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

    def to_json(self, pairs: list[str] | None = None) -> dict:
        out = {"cluster_id": self.cluster_id, "members": [m.to_json() for m in self.members],
               "documenters": list(self.documenters)}
        if pairs is not None:
            out["pairs"] = pairs
        return out


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


def _fingerprint(records: list[VictimRecord], model: dict, cases: list[IncidentRecord] | None = None) -> str:
    """What the stored result was made from: "<victims>" and, with `cases`, ":<incidents>" (a
    case's perpetrators change no victim record). `state` compares the victims' part only, so a
    statistics read need not parse the cases twice."""
    h = hashlib.sha256(json.dumps(model, sort_keys=True).encode())
    for r in sorted(records, key=lambda r: r.ref):
        h.update(f"{r.ref}\t{r.content_hash}\t{','.join(r.documenters)}\n".encode())
    if cases is None:
        return h.hexdigest()
    i = hashlib.sha256()
    for c in sorted(cases, key=lambda c: c.case_id):
        i.update(f"{c.case_id}\t{c.date_days}\t{c.date_precision}\t{c.governorate}\t{c.place}\t"
                 f"{','.join(c.acts)}\t{','.join(c.perpetrator_groups)}\t{c.victims}\n".encode())
    return f"{h.hexdigest()}:{i.hexdigest()}"


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
    accepted = [(a, b) for a, b, d, *_ in decisions if d == "accept"]
    # A pair with a clear difference is a cannot-link unless a person accepted it: no chain of
    # other links (through a record that gives no given name, say) may join brothers or namesakes.
    conflicting = set(conn.execute("SELECT left_ref, right_ref FROM linkage_pairs WHERE conflict = 1").fetchall())
    groups = cluster(
        records.keys(), links,
        accepted=accepted,
        rejected=[(a, b) for a, b, d, *_ in decisions if d == "reject"] + sorted(conflicting - set(accepted)),
        apart={ref: member[0] for ref, member in records.items()},
    )
    conn.execute("DELETE FROM linkage_members")
    conn.executemany(
        "INSERT INTO linkage_members (victim_ref, cluster_id, case_id, victim_index, content_hash) "
        "VALUES (?,?,?,?,?)",
        [(ref, cluster_id(g), *records[ref]) for g in groups for ref in g],
    )
    return len(groups)


def _band(s: engine.Scored) -> str:
    return "auto" if s.auto else "apart" if s.apart else "review"


def _evidence_json(s: engine.Scored) -> str | None:
    """What the pair was scored on: each comparison's level and weight, the prior's weight (the
    match weight is their sum), and whether a clear name difference kept it from an automatic link."""
    if s.evidence is None:
        return None
    fields = {name: [level, bits] for name, (level, bits) in s.evidence.items()}
    prior = round(s.weight - sum(bits for _level, bits in s.evidence.values()), 2)
    return json.dumps({"fields": fields, "prior": prior, "conflict": s.conflict, "rival": s.rival},
                      ensure_ascii=False, separators=(",", ":"))


def run_linkage(vault: Vault, progress: Progress | None = None, force: bool = False,
                engine_name: str = "duckdb") -> LinkageSummary:
    """Score, cluster and store; skips the scoring when nothing changed since the last run.

    `engine_name` "spark" scores on Spark (spark_engine) instead of DuckDB: the same model."""
    report = progress or (lambda _stage, _fraction: None)
    conn = vault.connection()
    report("reading", 0.0)
    records, cases = read_records(conn)
    model = engine.load_model(len(records))
    fingerprint = _fingerprint(records, model, cases)
    stored = conn.execute("SELECT fingerprint FROM linkage_state WHERE id = 1").fetchone()
    by_ref = {r.ref: r for r in records}
    if stored and stored[0] == fingerprint and not force:
        report("done", 1.0)
        return _summary(conn, ran=False)
    report("scoring", 0.2)
    scored = engine.score_pairs([r.row() for r in records], threshold=engine.REVIEW_THRESHOLD,
                                settings=model, evidence=True, engine=engine_name)
    report("clustering", 0.8)
    with transaction(conn):
        conn.execute("DELETE FROM linkage_pairs")
        conn.executemany(
            "INSERT INTO linkage_pairs (pair_id, left_ref, right_ref, left_hash, right_hash, probability, "
            "weight, band, conflict, evidence) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(pair_id(s.left, s.right), s.left, s.right, by_ref[s.left].content_hash,
              by_ref[s.right].content_hash, s.probability, s.weight, _band(s), int(s.conflict),
              _evidence_json(s)) for s in scored],
        )
        n_clusters = _store_clusters(conn, {r.ref: (r.case_id, r.victim_index, r.content_hash) for r in records})
        conn.execute("DELETE FROM linkage_incident_pairs")
        conn.executemany(
            "INSERT INTO linkage_incident_pairs (pair_id, left_case, right_case, band, evidence) VALUES (?,?,?,?,?)",
            [(p.pair_id, p.left, p.right, p.band, json.dumps(p.evidence, separators=(",", ":")))
             for p in incidents.incident_pairs(cases)])
        conn.execute(
            "INSERT OR REPLACE INTO linkage_state (id, fingerprint, ran_at, model, records, clusters) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            (fingerprint, audit.now_iso(), f"splink-{engine_name}", len(records), n_clusters),
        )
    report("done", 1.0)
    return _summary(conn)


def summary(vault: Vault, ran: bool = True) -> LinkageSummary:
    return _summary(vault.connection(), ran)


def _summary(conn: Connection, ran: bool = True) -> LinkageSummary:
    one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return LinkageSummary(
        records=one("SELECT count(*) FROM linkage_members"),
        clusters=one("SELECT count(DISTINCT cluster_id) FROM linkage_members"),
        linked_clusters=one("SELECT count(*) FROM (SELECT cluster_id FROM linkage_members "
                            "GROUP BY cluster_id HAVING count(*) > 1)"),
        auto_pairs=one("SELECT count(*) FROM linkage_pairs WHERE band = 'auto'"),
        review_pairs=one("SELECT count(*) FROM linkage_pairs WHERE band = 'review'"),
        pending_review=len(_review_queue(conn)),
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
    return "linked" if row[0].split(":")[0] == _fingerprint(records, engine.load_model(len(records))) else "stale"


def victim_clusters(vault: Vault, records: list[VictimRecord] | None = None) -> list[VictimCluster]:
    """Every victim as a cluster of the records that are that person, from the last linkage run.

    Only reads: records that run did not see are clusters of one, records it saw that are gone
    are left out. Each member names its case and the documenter(s) who sent that case; largest
    clusters first. `records` are the vault's current records when the caller has read them."""
    return _victim_clusters(vault.connection(), records)


def _victim_clusters(conn: Connection, records: list[VictimRecord] | None) -> list[VictimCluster]:
    if records is None:
        records = read_records(conn)[0]
    stored: dict[str, list[str]] = {}
    for ref, cid in conn.execute("SELECT victim_ref, cluster_id FROM linkage_members ORDER BY victim_ref"):
        stored.setdefault(cid, []).append(ref)
    ids = {refs[0]: cid for cid, refs in stored.items()}
    out = []
    for members in group({r.ref: r for r in sorted(records, key=lambda r: r.ref)}, stored.values()):
        first = members[0].ref
        out.append(VictimCluster(ids.get(first) or cluster_id([first]), tuple(members)))
    out.sort(key=lambda c: (-len(c.members), c.members[0].ref))
    return out


INCIDENT_DAYS = 31


def incident_clusters(vault: Vault, clusters: list[VictimCluster] | None = None,
                      case_ids: list[str] | None = None) -> list[list[str]]:
    """Cases that record the same incident: lists of case ids (every case once, singletons too).

    Two cases are one incident when they share a linked victim, their dates are at most a month
    apart (or one is unknown) and their governorates agree (or one is unknown); or when incident
    linkage linked them on place, date, act and perpetrator (linkage/incidents.py), or a person
    accepted the pair. A pair a person rejected is never one incident, through any chain. Reads
    the stored victim clusters (or takes the caller's) and the stored incident pairs."""
    return _incident_clusters(vault.connection(), clusters, case_ids)


def _incident_clusters(conn: Connection, clusters: list[VictimCluster] | None,
                       case_ids: list[str] | None) -> list[list[str]]:
    if clusters is None:
        clusters = _victim_clusters(conn, None)
    if case_ids is None:
        case_ids = [r[0] for r in conn.execute("SELECT id FROM cases ORDER BY id")]
    known = set(case_ids)
    links: list[tuple[str, str, float]] = []
    for victim in clusters:
        members = victim.members
        for a, b in zip(members, members[1:], strict=False):
            da, db = a.date_days, b.date_days
            near = da is None or db is None or abs(da - db) <= INCIDENT_DAYS
            same_place = a.governorate is None or b.governorate is None or a.governorate == b.governorate
            if near and same_place and a.case_id in known and b.case_id in known and a.case_id != b.case_id:
                links.append((a.case_id, b.case_id, 1.0))
    links += [(a, b, 0.9) for a, b in conn.execute(
        "SELECT left_case, right_case FROM linkage_incident_pairs WHERE band = 'auto'")]
    decided = conn.execute("SELECT left_case, right_case, decision FROM linkage_incident_decisions").fetchall()
    groups = cluster(case_ids, links, accepted=[(a, b) for a, b, d in decided if d == "accept"],
                     rejected=[(a, b) for a, b, d in decided if d == "reject"])
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def stored_groups(conn: Connection, records: list[VictimRecord], cases: list[IncidentRecord]
                  ) -> tuple[list[list[VictimRecord]], list[list[IncidentRecord]], str]:
    """What statistics read of the last run, in one call: `records` grouped into victims, `cases`
    into incidents, and the state (`state`). Records and cases that run did not see are groups of
    one; when linkage never ran, every record and every case is."""
    linked = state(conn, records)
    if linked == "unlinked":
        return [[r] for r in records], [[c] for c in cases], linked
    clusters = _victim_clusters(conn, records)
    by_case = _incident_clusters(conn, clusters, [c.case_id for c in cases])
    return [list(c.members) for c in clusters], group({c.case_id: c for c in cases}, by_case), linked


def incident_review_queue(vault: Vault) -> list[dict]:
    """Incident pairs waiting for a person (review band, undecided or unsure), each with both
    cases' date, governorate, place, acts, perpetrator groups, victims and documenters."""
    conn = vault.connection()
    decided = dict(((a, b), d) for a, b, d in conn.execute(
        "SELECT left_case, right_case, decision FROM linkage_incident_decisions"))
    rows = [(pid, a, b, ev) for pid, a, b, ev in conn.execute(
        "SELECT pair_id, left_case, right_case, evidence FROM linkage_incident_pairs WHERE band = 'review' "
        "ORDER BY left_case, right_case") if decided.get((a, b)) in (None, "unsure")]
    if not rows:
        return []
    # Cases already one incident (a victim in common, or linked through other cases) need no one.
    together = {case: i for i, group in enumerate(incident_clusters(vault)) for case in group}
    rows = [r for r in rows if together.get(r[1]) is None or together.get(r[1]) != together.get(r[2])]
    wanted = sorted({c for _pid, a, b, _ev in rows for c in (a, b)})
    cases = {c.case_id: c for c in read_records(conn, wanted)[1]}

    def side(case_id: str) -> dict:
        c = cases.get(case_id)
        if c is None:
            return {"case_id": case_id}
        return {"case_id": case_id, "month": c.month, "governorate": c.governorate, "place": c.place,
                "acts": list(c.acts), "perpetrator_groups": list(c.perpetrator_groups), "victims": c.victims,
                "documenters": list(c.documenters)}

    return [{"pair_id": pid, "evidence": json.loads(ev), "previous_decision": decided.get((a, b)),
             "left": side(a), "right": side(b)} for pid, a, b, ev in rows]


def incident_decide(vault: Vault, pid: str, decision: str) -> dict:
    """A person's decision on an incident pair; kept and re-applied on every run."""
    if decision not in DECISIONS:
        raise UsageError("linkage.decision_unknown", choices=", ".join(DECISIONS))
    conn = vault.connection()
    row = conn.execute("SELECT left_case, right_case FROM linkage_incident_pairs WHERE pair_id = ?",
                       (pid,)).fetchone()
    if row is None:
        raise PairNotFound("linkage.no_pair_run_link")
    with transaction(conn):
        conn.execute("INSERT OR REPLACE INTO linkage_incident_decisions (left_case, right_case, decision, decided_at) "
                     "VALUES (?,?,?,?)", (row[0], row[1], decision, audit.now_iso()))
        audit.record(conn, "linkage.decide", pid, decision=decision, kind="incident")
    changes.publish(vault, changes.DECISIONS)
    return {"pair_id": pid, "decision": decision}


def review_queue(vault: Vault) -> list[dict]:
    """Pairs waiting for a person: in the review band and undecided or unsure, or decided on
    records that have changed since."""
    return _review_queue(vault.connection())


def _review_queue(conn: Connection) -> list[dict]:
    members = dict(conn.execute("SELECT victim_ref, content_hash FROM linkage_members").fetchall())
    decided = {(a, b): (d, lh, rh) for a, b, d, lh, rh in _decisions(conn)}
    queue = []
    # The evidence (for the reason) only of review-band pairs: automatic pairs are most of the
    # table, and their evidence is neither needed nor read.
    for pid, a, b, p, band, evidence in conn.execute(
        "SELECT pair_id, left_ref, right_ref, probability, band, "
        "CASE WHEN band = 'review' THEN evidence END FROM linkage_pairs ORDER BY probability DESC"
    ):
        previous = decided.get((a, b))
        changed = previous is not None and (members.get(a), members.get(b)) != previous[1:]
        if (band == "review" and (previous is None or previous[0] == "unsure")) or changed:
            queue.append({"pair_id": pid, "left_ref": a, "right_ref": b, "probability": round(p, 4),
                          "previous_decision": previous[0] if previous else None, "changed": changed,
                          "reason": review_reason(band, evidence)})
    return queue


# Why a pair waits for a person rather than being linked by itself, for the reviewer:
REVIEW_REASONS = (
    "rival",    # one of the records matches another record, known to be someone else, nearly as well
    "differs",  # a name, the grandfather's or mother's name or the birth year clearly differs
    "weak",     # the records agree, but on too little to link them without a person
)


def review_reason(band: str | None, evidence: str | None) -> str | None:
    """One of REVIEW_REASONS for a pair in the review band; None for other bands (an automatic pair
    is in the queue only when its records changed since a person decided it)."""
    if band != "review":
        return None
    parsed = json.loads(evidence) if evidence else {}
    if parsed.get("rival"):
        return "rival"
    return "differs" if parsed.get("conflict") else "weak"


def decide(vault: Vault, pid: str, decision: str) -> dict:
    """Record a person's decision on a pair and re-cluster at once (no re-scoring)."""
    if decision not in DECISIONS:
        raise UsageError("linkage.decision_unknown", choices=", ".join(DECISIONS))
    conn = vault.connection()
    row = conn.execute("SELECT left_ref, right_ref FROM linkage_pairs WHERE pair_id = ?", (pid,)).fetchone()
    if row is None:  # a pair linkage did not score but a person decided (a split): may be decided again
        row = next(((a, b) for a, b, *_ in _decisions(conn) if pair_id(a, b) == pid), None)
    if row is None:
        raise PairNotFound("linkage.no_pair_run_link")
    left, right = row
    records = _records_of(conn, [left, right])
    if left not in records or right not in records:
        raise PairNotFound("linkage.pair_not_current")
    with transaction(conn):
        history.write(conn, "decide", [(left, right, records[left].content_hash, records[right].content_hash,
                                        decision)], audit.now_iso())
        _store_clusters(conn, _stored_members(conn))
        audit.record(conn, "linkage.decide", pid, decision=decision)
    changes.publish(vault, changes.DECISIONS)
    return {"pair_id": pid, "decision": decision}


class NothingToUndo(TawthiqError):
    pass


def undo(vault: Vault) -> dict:
    """Take back the latest review decision still standing: each pair it decided gets back what it
    had before (a decision, or none, and then it waits in the queue again), and the clusters are
    made again from the decisions, as after any decision. The undo is itself kept in the decision
    log and the audit log; undoing again takes back the decision before."""
    conn = vault.connection()
    with transaction(conn):
        undone = history.undo_last(conn, audit.now_iso())
        if undone is None:
            raise NothingToUndo("linkage.nothing_to_undo")
        action, _number = undone
        _store_clusters(conn, _stored_members(conn))
        audit.record(conn, "linkage.undo", str(action.action), pairs=len(action.pairs))
    changes.publish(vault, changes.DECISIONS)
    return {"undone": action.to_json() | {"pair_ids": [pair_id(a, b) for a, b, *_ in action.pairs]}}


def recent_decisions(vault: Vault, limit: int = 20) -> list[dict]:
    """The latest decisions still standing, newest first (what Undo takes back, in order)."""
    return [a.to_json() | {"pair_ids": [pair_id(a_ref, b_ref) for a_ref, b_ref, *_ in a.pairs]}
            for a in history.standing(vault.connection(), limit)]


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


# ---- every cluster explainable and reversible (issue 17 item 5) --------------------------------

def cluster_pair_ids(vault: Vault) -> dict[str, list[str]]:
    """The pairs that hold each cluster together, by cluster id: the automatic links and the
    accepted pairs between two of its members (a rejected pair never joins a cluster)."""
    conn = vault.connection()
    decided = {(a, b): d for a, b, d, *_ in _decisions(conn)}
    out: dict[str, list[str]] = {}
    for cid, pid, a, b, band in conn.execute(
        "SELECT ml.cluster_id, p.pair_id, p.left_ref, p.right_ref, p.band FROM linkage_pairs p "
        "JOIN linkage_members ml ON ml.victim_ref = p.left_ref "
        "JOIN linkage_members mr ON mr.victim_ref = p.right_ref "
        "WHERE ml.cluster_id = mr.cluster_id ORDER BY p.probability DESC, p.pair_id"):
        decision = decided.pop((a, b), None)
        if decision == "accept" or (band == "auto" and decision != "reject"):
            out.setdefault(cid, []).append(pid)
    members = dict(conn.execute("SELECT victim_ref, cluster_id FROM linkage_members").fetchall())
    for (a, b), decision in decided.items():  # accepted pairs linkage did not score
        if decision == "accept" and members.get(a) is not None and members.get(a) == members.get(b):
            out.setdefault(members[a], []).append(pair_id(a, b))
    return out


def _cluster_refs(conn: Connection, cid: str) -> list[str]:
    refs = [r for (r,) in conn.execute(
        "SELECT victim_ref FROM linkage_members WHERE cluster_id = ? ORDER BY victim_ref", (cid,))]
    if not refs:
        raise ClusterNotFound("linkage.no_cluster", cluster=cid)
    return refs


def cluster_details(vault: Vault, cid: str) -> dict:
    """One victim and why linkage thinks its records are one person: the records with their
    sources, every scored or decided pair between two of them (level and match weight per
    field, band, decision, whether it links), and the decisions that keep records out of it."""
    conn = vault.connection()
    refs = _cluster_refs(conn, cid)
    inside = set(refs)
    records = _records_of(conn, refs)
    provenance = _provenance(conn, sorted({_case_of(r) for r in refs}))
    marks = ",".join("?" * len(refs))
    rows = conn.execute(
        "SELECT pair_id, left_ref, right_ref, probability, weight, band, evidence FROM linkage_pairs "  # noqa: S608
        f"WHERE left_ref IN ({marks}) AND right_ref IN ({marks}) ORDER BY probability DESC, pair_id",
        refs + refs).fetchall()
    decided = {(a, b): (d, at) for a, b, d, at in conn.execute(
        "SELECT left_ref, right_ref, decision, decided_at FROM linkage_decisions "  # noqa: S608
        f"WHERE left_ref IN ({marks}) OR right_ref IN ({marks})", refs + refs)}
    pairs = []
    for pid, a, b, p, w, band, evidence in rows:
        decision = decided.pop((a, b), (None, None))[0]
        parsed = json.loads(evidence) if evidence else {}
        pairs.append({"pair_id": pid, "left_ref": a, "right_ref": b, "probability": round(p, 4),
                      "match_weight": round(w, 2), "band": band, "decision": decision,
                      "links": decision == "accept" or (band == "auto" and decision != "reject"),
                      "fields": parsed.get("fields", {}), "prior": parsed.get("prior"),
                      "conflict": parsed.get("conflict", False), "rival": parsed.get("rival", False)})
    kept_apart = []
    for (a, b), (decision, at) in sorted(decided.items()):
        if decision == "accept" and a in inside and b in inside:
            pairs.append({"pair_id": pair_id(a, b), "left_ref": a, "right_ref": b, "probability": None,
                          "match_weight": None, "band": None, "decision": "accept", "links": True,
                          "fields": {}, "prior": None, "conflict": False, "rival": False})
        elif decision == "reject":
            kept_apart.append({"pair_id": pair_id(a, b), "left_ref": a, "right_ref": b, "decided_at": at})

    def member(ref: str) -> dict:
        rec = records.get(ref)
        return {"ref": ref, "case_id": _case_of(ref), "record": rec.display if rec else None,
                "documenters": list(rec.documenters) if rec else [],
                "sources": provenance.get(_case_of(ref), [])}

    return {"cluster_id": cid, "members": [member(r) for r in refs], "pairs": pairs, "kept_apart": kept_apart}


def _member_ref(refs: list[str], record: str) -> str:
    """A member named by its reference, or by an unambiguous start of it (a case id)."""
    if record in refs:
        return record
    found = [r for r in refs if r.startswith(record)] if record else []
    if len(found) != 1:
        raise ClusterNotFound("linkage.not_in_cluster", record=record)
    return found[0]


def split(vault: Vault, cid: str, record: str) -> dict:
    """Take a record out of a victim cluster: a person's decision that it is none of the others.

    Stored as a rejected pair between the record and each other member, so it is kept and
    re-applied on every run as any rejection is (no chain of links can bring it back); `undo` takes
    the whole split back, and each pair can be changed alone with `decide`. Re-clusters at once,
    without scoring."""
    conn = vault.connection()
    refs = _cluster_refs(conn, cid)
    ref = _member_ref(refs, record)
    if len(refs) < 2:
        raise ClusterNotFound("linkage.alone_in_cluster", record=ref)
    others = [r for r in refs if r != ref]
    current = _records_of(conn, refs)
    if any(r not in current for r in refs):
        raise PairNotFound("linkage.pair_not_current")
    at = audit.now_iso()
    pairs = [tuple(sorted((ref, other))) for other in others]
    with transaction(conn):
        # Through the decision log: a split is one action, which Undo takes back as a whole.
        history.write(conn, "split", [(a, b, current[a].content_hash, current[b].content_hash, "reject")
                                      for a, b in pairs], at)
        _store_clusters(conn, _stored_members(conn))
        audit.record(conn, "linkage.split", cid, record=ref, rejected=len(others))
    changes.publish(vault, changes.DECISIONS)
    after = dict(conn.execute("SELECT victim_ref, cluster_id FROM linkage_members").fetchall())
    return {"cluster_id": cid, "record": ref, "record_cluster_id": after.get(ref),
            "remaining_cluster_ids": sorted({after[r] for r in others if r in after}),
            "rejected_pairs": [pair_id(ref, o) for o in others]}
