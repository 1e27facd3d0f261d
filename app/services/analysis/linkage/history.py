"""Review decisions as records: every change kept, the last ones undone (issue 15).

`linkage_decisions` holds the decision that applies to each pair now (what clustering and every
run re-apply); `linkage_decision_log` keeps each change to it with what it replaced. A person's
action (one decision; a split writes several) is one action number. Undo takes the latest action
not yet undone, writes back what its rows replaced (a decision, or none), and is itself an action
in the log that names the one it undid: nothing is erased, and undoing again goes one further
back. Because undo only ever takes the latest standing action, every pair it touches still holds
what that action wrote.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.database import Connection

Decision = tuple[str, str, str, str, str | None]  # left ref, right ref, left hash, right hash, decision


@dataclass(frozen=True)
class Action:
    """One person's action, as the log has it."""

    action: int
    kind: str  # "decide" or "split"
    at: str
    pairs: tuple[tuple[str, str, str | None, str | None], ...]  # left, right, before, after

    def to_json(self) -> dict:
        return {"action": self.action, "kind": self.kind, "at": self.at,
                "pairs": [{"left_ref": a, "right_ref": b, "before": before, "after": after}
                          for a, b, before, after in self.pairs]}


def _next_action(conn: Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(action), 0) + 1 FROM linkage_decision_log").fetchone()[0])


def write(conn: Connection, kind: str, decisions: Iterable[Decision], at: str, undoes: int | None = None) -> int:
    """Apply decisions (decision None removes the pair's decision) inside the caller's transaction,
    logging what each replaced; returns the action number."""
    action = _next_action(conn)
    for left, right, left_hash, right_hash, decision in decisions:
        before = conn.execute(
            "SELECT decision, left_hash, right_hash, decided_at FROM linkage_decisions "
            "WHERE left_ref = ? AND right_ref = ?", (left, right)).fetchone() or (None, None, None, None)
        conn.execute(
            "INSERT INTO linkage_decision_log (action, kind, undoes, left_ref, right_ref, before_decision, "
            "before_left_hash, before_right_hash, before_at, after_decision, after_left_hash, after_right_hash, at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (action, kind, undoes, left, right, *before, decision,
             left_hash if decision else None, right_hash if decision else None, at))
        if decision is None:
            conn.execute("DELETE FROM linkage_decisions WHERE left_ref = ? AND right_ref = ?", (left, right))
        else:
            conn.execute(
                "INSERT OR REPLACE INTO linkage_decisions (left_ref, right_ref, left_hash, right_hash, decision, "
                "decided_at) VALUES (?,?,?,?,?,?)", (left, right, left_hash, right_hash, decision, at))
    return action


def standing(conn: Connection, limit: int = 20) -> list[Action]:
    """The latest actions not undone, newest first: what Undo would take back, in order."""
    undone = {r[0] for r in conn.execute(
        "SELECT DISTINCT undoes FROM linkage_decision_log WHERE kind = 'undo'")}
    rows = conn.execute(
        "SELECT action, kind, at, left_ref, right_ref, before_decision, after_decision FROM linkage_decision_log "
        "WHERE kind != 'undo' ORDER BY action DESC, seq").fetchall()
    actions: dict[int, list] = {}
    meta: dict[int, tuple[str, str]] = {}
    for action, kind, at, left, right, before, after in rows:
        if action in undone:
            continue
        if action not in actions and len(actions) >= limit:
            break
        actions.setdefault(action, []).append((left, right, before, after))
        meta[action] = (kind, at)
    return [Action(a, meta[a][0], meta[a][1], tuple(p)) for a, p in actions.items()]


def undo_last(conn: Connection, at: str) -> tuple[Action, int] | None:
    """Write back what the latest standing action replaced (inside the caller's transaction);
    returns that action and the undo's own action number, or None when nothing is left to undo."""
    latest = standing(conn, limit=1)
    if not latest:
        return None
    action = latest[0]
    rows = conn.execute(
        "SELECT left_ref, right_ref, before_decision, before_left_hash, before_right_hash, before_at "
        "FROM linkage_decision_log WHERE action = ? ORDER BY seq DESC", (action.action,)).fetchall()
    number = write(conn, "undo", [(a, b, lh, rh, d) for a, b, d, lh, rh, _at in rows], at, undoes=action.action)
    for left, right, decision, _lh, _rh, decided_at in rows:
        if decision is not None:  # the decision comes back as it was made, with its own time
            conn.execute("UPDATE linkage_decisions SET decided_at = ? WHERE left_ref = ? AND right_ref = ?",
                         (decided_at, left, right))
    return action, number
