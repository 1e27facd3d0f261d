"""`link`, `link review`, `link decide PAIR accept|reject|unsure` (coordinator).

`link [--json] [--engine duckdb|spark]` runs linkage (skipped when nothing changed) and prints the summary; with
--json: {"summary": {...}, "clusters": [victims recorded more than once]}.
`link review [--json]` lists the pairs waiting for a person, strongest first, from the last run
(it does not run linkage: `tawthiq link` or an import does).
`link decide PAIR DECISION` records a decision; it is kept and re-applied on every run.
"""

from __future__ import annotations

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.analysis import linkage, linkage_extra
from storage.errors import TawthiqError
from storage.vault import Vault


def register(sub: Subcommands) -> None:
    p = sub.add_parser("link", help="find the same victim across documenters; review candidate pairs")
    p.add_argument("--json", action="store_true")
    p.add_argument("--force", action="store_true", help="score again even if nothing changed")
    p.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb",
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


def _coordinator(ctx: Context) -> Vault:
    linkage_extra.require()  # before the passphrase: without the extra, say so at once
    if getattr(ctx.args, "engine", "duckdb") == "spark":
        linkage_extra.require_spark()
    vault = ctx.vault()
    if vault.role != "coordinator":
        raise TawthiqError("linkage runs on a coordinator vault (this vault is a documenter's)")
    return vault


def run(ctx: Context) -> int:
    vault = _coordinator(ctx)
    summary = linkage.run_linkage(vault, force=ctx.args.force, engine_name=ctx.args.engine)
    if ctx.args.json:
        clusters = [c.to_json() for c in linkage.victim_clusters(vault) if len(c.members) > 1]
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


_QUEUE_KEYS = ("pair_id", "left_ref", "right_ref", "probability", "previous_decision", "changed")


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
        print(f"{item['pair_id']}  {item['probability']:.3f}  {left}  {right}{mark}")
    return 0


def decide(ctx: Context) -> int:
    vault = _coordinator(ctx)
    result = linkage.decide(vault, ctx.args.pair, ctx.args.decision)
    if ctx.args.json:
        ctx.print_json(result)
    else:
        print(f"{result['pair_id']}: {result['decision']}")
    return 0
