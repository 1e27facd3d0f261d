"""`link`, `link review`, `link decide PAIR accept|reject|unsure`, `link undo` (coordinator).

`link [--json] [--engine duckdb|spark]` runs linkage (skipped when nothing changed) and prints the summary; with
--json: {"summary": {...}, "clusters": [victims recorded more than once]}.
`link review [--json]` lists the pairs waiting for a person, strongest first, from the last run
(it does not run linkage: `tawthiq link` or an import does).
`link decide PAIR DECISION` records a decision; it is kept and re-applied on every run.
`link undo` takes back the latest decision still standing (again: the one before); the pair gets
back what it had (a decision or none) and the undo is itself kept in the decision and audit logs.
`link show CLUSTER [--json]` says why a victim's records are one person: each record, and each
pair between two of them with its level and match weight per field, band and decision.
`link split CLUSTER RECORD` takes a record out of a victim (a decision kept like the others:
rejected pairs between it and each other record, each undone by `link decide PAIR accept`).
`link incidents [--json]` lists the incident pairs (two cases that may report one incident, on
place, date, act and perpetrator) waiting for a person; `link incident-decide PAIR DECISION`
decides one (kept and re-applied on every run).
"""

from __future__ import annotations

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.analysis import linkage, linkage_extra
from app.services.analysis.linkage import engine
from storage.errors import TawthiqError
from storage.vault import Vault


def register(sub: Subcommands) -> None:
    p = sub.add_parser("link", help="find the same victim across documenters; review candidate pairs")
    p.add_argument("--json", action="store_true")
    p.add_argument("--force", action="store_true", help="score again even if nothing changed")
    p.add_argument("--engine", choices=engine.ENGINES, default="duckdb",
                   help="where the model runs: DuckDB in memory (default) or Spark (local[2]; the spark "
                        "extra and Java; docs/linkage.md)")
    p.set_defaults(handler=run)
    lsub = p.add_subparsers(dest="link_command", metavar="ACTION", parser_class=type(p))
    a = lsub.add_parser("review", help="list the pairs waiting for review")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=review)
    a = lsub.add_parser("decide", help="accept, reject or mark unsure one candidate pair")
    a.add_argument("pair", help="the pair id shown by `link review`")
    a.add_argument("decision", choices=linkage.DECISIONS)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=decide)
    a = lsub.add_parser("undo", help="take back the latest review decision still standing (kept in the log)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=undo)
    a = lsub.add_parser("show", help="why a victim's records are one person: pairs, levels, weights")
    a.add_argument("cluster", help="the cluster id shown by `link --json` (v-…)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=show)
    a = lsub.add_parser("split", help="take a record out of a victim (kept and re-applied on every run)")
    a.add_argument("cluster", help="the cluster id shown by `link --json` (v-…)")
    a.add_argument("record", help="the record's reference (or its case id) shown by `link show`")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=split)
    a = lsub.add_parser("incidents", help="list the incident pairs waiting for review (place, date, act, perpetrator)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=incidents)
    a = lsub.add_parser("incident-decide", help="accept, reject or mark unsure one incident pair")
    a.add_argument("pair", help="the incident pair id shown by `link incidents` (i-…)")
    a.add_argument("decision", choices=linkage.DECISIONS)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=incident_decide)


def _coordinator(ctx: Context) -> Vault:
    linkage_extra.require()  # before the passphrase: without the extra, say so at once
    if getattr(ctx.args, "engine", "duckdb") == "spark":
        linkage_extra.require_spark()
    vault = ctx.vault()
    if vault.role != "coordinator":
        raise TawthiqError("linkage.coordinator_only")
    return vault


def run(ctx: Context) -> int:
    vault = _coordinator(ctx)
    summary = linkage.run_linkage(vault, force=ctx.args.force, engine_name=ctx.args.engine)
    if ctx.args.json:
        pairs = linkage.cluster_pair_ids(vault)
        clusters = [c.to_json(pairs.get(c.cluster_id, [])) for c in linkage.victim_clusters(vault)
                    if len(c.members) > 1]
        ctx.print_json({"summary": summary.to_json(), "clusters": clusters})
        return 0
    print(f"{summary.records} victim records; {summary.clusters} unique victims "
          f"({summary.linked_clusters} recorded more than once)")
    print(f"{summary.auto_pairs} automatic links; {summary.review_pairs} pairs in the review band, "
          f"{summary.pending_review} waiting for review; {summary.decisions} decisions applied")
    return 0


def _side(details: dict, key: str) -> dict:
    side = details[key]
    record = side["record"] or {}
    return {"ref": side["ref"], "case_id": side["case_id"], "name_ar": record.get("name_ar"),
            "name_latin": record.get("name_latin"),
            "documenters": sorted({s["documenter"] for s in side["sources"]})}


_QUEUE_KEYS = ("pair_id", "left_ref", "right_ref", "probability", "previous_decision", "changed", "reason")
# Why each pair waits for a person (linkage.REVIEW_REASONS), as the text output says it.
_REASONS = {"rival": "matches someone else nearly as well", "differs": "a clear difference",
            "weak": "too little in common"}


def review(ctx: Context) -> int:
    vault = _coordinator(ctx)
    if ctx.args.json:
        ctx.print_json([{k: item[k] for k in _QUEUE_KEYS} | {"left": _side(item, "left"), "right": _side(item, "right")}
                        for item in linkage.review_items(vault)])
        return 0
    queue = linkage.review_queue(vault)
    if not queue:
        print("no pairs waiting for review")
    for item in queue:
        mark = " (changed since decided)" if item["changed"] else ""
        left, right = shown(item["left_ref"]), shown(item["right_ref"])
        why = _REASONS.get(item["reason"], "")
        print(f"{item['pair_id']}  {item['probability']:.3f}  {left}  {right}  ({why}){mark}")
    return 0


def decide(ctx: Context) -> int:
    vault = _coordinator(ctx)
    result = linkage.decide(vault, ctx.args.pair, ctx.args.decision)
    if ctx.args.json:
        ctx.print_json(result)
    else:
        print(f"{result['pair_id']}: {result['decision']}")
    return 0


def undo(ctx: Context) -> int:
    vault = _coordinator(ctx)
    result = linkage.undo(vault)
    if ctx.args.json:
        ctx.print_json(result)
    else:
        undone = result["undone"]
        for pid, pair in zip(undone["pair_ids"], undone["pairs"], strict=True):
            print(f"{pid}: {pair['after'] or 'no decision'} undone; now {pair['before'] or 'no decision'}")
    return 0


def _name(member: dict) -> str:
    record = member["record"] or {}
    return shown(record.get("name_ar") or record.get("name_latin") or "(no name)")


def _evidence_line(pair: dict) -> str:
    fields = [f"{name} {level} {bits:+.1f}" for name, (level, bits) in pair["fields"].items() if level != "null"]
    if pair["prior"] is not None:
        fields.append(f"prior {pair['prior']:+.1f}")
    return " · ".join(fields)


def show(ctx: Context) -> int:
    vault = _coordinator(ctx)
    details = linkage.cluster_details(vault, ctx.args.cluster)
    if ctx.args.json:
        ctx.print_json(details)
        return 0
    members = details["members"]
    number = {m["ref"]: i for i, m in enumerate(members, 1)}
    print(f"victim {shown(details['cluster_id'])}: {len(members)} records")
    for i, m in enumerate(members, 1):
        who = ", ".join(shown(d) for d in m["documenters"]) or "?"
        print(f"  [{i}] {shown(m['ref'])}  {_name(m)}  (from {who})")
    print("pairs between these records, strongest first:" if details["pairs"] else "no pairs link these records")
    for pair in details["pairs"]:
        a, b = number.get(pair["left_ref"], "?"), number.get(pair["right_ref"], "?")
        state = "links" if pair["links"] else "does not link"
        if pair["probability"] is None:
            score = "not scored"
        else:
            score = f"probability {pair['probability']:.3f}, weight {pair['match_weight']:+.1f}, {pair['band']}"
        decision = f", decided: {pair['decision']}" if pair["decision"] else ""
        conflict = ", a clear difference keeps it from automatic links" if pair["conflict"] else ""
        rival = (", one of the two also matches another record, someone else: put to a person"
                 if pair.get("rival") else "")
        print(f"  {pair['pair_id']}  [{a}]-[{b}]  {score}{decision}{conflict}{rival}: {state}")
        if pair["fields"]:
            print(f"      {_evidence_line(pair)}")
    for pair in details["kept_apart"]:
        inside = pair["left_ref"] if pair["left_ref"] in number else pair["right_ref"]
        outside = pair["right_ref"] if inside == pair["left_ref"] else pair["left_ref"]
        print(f"  {pair['pair_id']}  [{number[inside]}] kept apart from {shown(outside)} (rejected)")
    return 0


def split(ctx: Context) -> int:
    vault = _coordinator(ctx)
    result = linkage.split(vault, ctx.args.cluster, ctx.args.record)
    if ctx.args.json:
        ctx.print_json(result)
        return 0
    print(f"{shown(result['record'])} taken out of {shown(result['cluster_id'])}: now victim "
          f"{shown(result['record_cluster_id'])}; {len(result['rejected_pairs'])} pairs rejected "
          "(undo one with `tawthiq link decide PAIR accept`)")
    return 0


def incidents(ctx: Context) -> int:
    vault = _coordinator(ctx)
    queue = linkage.incident_review_queue(vault)
    if ctx.args.json:
        ctx.print_json(queue)
        return 0
    if not queue:
        print("no incident pairs waiting for review")
    for item in queue:
        left, right = item["left"], item["right"]
        agree = ", ".join(f"{k}: {v}" for k, v in item["evidence"].items())
        print(f"{item['pair_id']}  {shown(left['case_id'])}  {shown(right['case_id'])}  {shown(agree)}")
    return 0


def incident_decide(ctx: Context) -> int:
    vault = _coordinator(ctx)
    result = linkage.incident_decide(vault, ctx.args.pair, ctx.args.decision)
    if ctx.args.json:
        ctx.print_json(result)
    else:
        print(f"{result['pair_id']}: {result['decision']}")
    return 0
