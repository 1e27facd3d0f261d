"""`estimate`: how many victims no list recorded (multiple systems estimation, issue 19)."""

from __future__ import annotations

from pathlib import Path

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from storage.atomic import atomic_write_bytes
from storage.errors import TawthiqError, UsageError

STRATA = ("governorate", "period", "sex", "age_group")


def register(sub: Subcommands) -> None:
    p = sub.add_parser("estimate", help="coordinator: estimate the victims no list recorded, with intervals")
    p.add_argument("--list", action="append", default=[], metavar="NAME=DOC[,DOC…]", dest="lists",
                   help="one list made of these documenters (key id or name); repeatable; default: one list "
                        "per documenter. Lists must be reasonably independent and define a victim alike")
    p.add_argument("--by", default="", metavar="STRATA",
                   help="stratify by any of governorate,period,sex,age_group (comma-separated)")
    p.add_argument("--table-out", metavar="FILE.csv",
                   help="also write the capture-history table (one 0/1 column per list, then the strata) for R")
    p.add_argument("--json", action="store_true", help="the stable JSON of docs/estimation.md")
    p.set_defaults(handler=estimate)


def _strata(text: str) -> tuple[str, ...]:
    by = tuple(s.strip() for s in text.split(",") if s.strip())
    unknown = [s for s in by if s not in STRATA]
    if unknown or len(set(by)) != len(by):
        raise UsageError("estimate.by_usage", strata=", ".join(STRATA))
    return by


def _groups(specs: list[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for spec in specs:
        name, sep, members = spec.partition("=")
        documenters = [m.strip() for m in members.split(",") if m.strip()]
        if not sep or not name.strip() or not documenters or name.strip() in groups:
            raise UsageError("estimate.list_usage")
        groups[name.strip()] = documenters
    return groups


def _interval(e: dict | None) -> str:
    if e is None:
        return "–"
    low, high = e["interval"]
    return f"{e['estimate']:,} (95% interval {low:,}–{high:,})"


def estimate(ctx: Context) -> int:
    try:
        from app.services.analysis.estimation import from_vault, histories
    except ImportError:  # the optional estimation extra (NumPy) is not installed
        raise TawthiqError("estimate.extra_missing") from None
    by = _strata(ctx.args.by)
    groups = _groups(ctx.args.lists)
    vault = ctx.vault()
    inputs = from_vault.histories(vault, groups)  # EstimationRefused is a TawthiqError: one line, exit 1
    report = from_vault.estimate(inputs, by)
    if ctx.args.table_out:
        table = histories.table_csv(inputs.individuals, list(report.lists), by)
        atomic_write_bytes(Path(ctx.args.table_out), table.encode("utf-8"))
    figures = report.to_json()
    if ctx.args.json:
        ctx.print_json(figures)
        return 0
    lines = [f"Lists: {', '.join(report.lists)}  (each must record victims independently of the others, "
             "with one definition of a victim)"]
    lines.append("Estimate: the log-linear model allowing for heterogeneity (default); beside it the model "
                 "average over graphical models and the latent-class model")
    for s in figures["strata"]:
        where = ", ".join(f"{k}={v}" for k, v in s["stratum"].items()) or "all victims"
        if s["not_estimable"]:
            lines.append(f"  {where}: documented {s['documented']:,}; not estimable ({s['not_estimable']})")
            continue
        lines.append(f"  {where}: documented {s['documented']:,}; estimated {_interval(s['estimate'])}")
        lines.append(f"      model average {_interval(s['model_average'])}; latent class {_interval(s['latent_class'])}"
                     + ("; the estimators disagree: read with care" if s["estimators_disagree"] else ""))
    total = figures["total"]
    if total["estimate"] is not None:
        lines.append(f"Total over the estimable strata: documented {total['documented']:,}; estimated "
                     f"{_interval(total['estimate'])}")
    else:
        lines.append("Total: not estimable")
    if total["documented_not_estimable"]:
        lines.append(f"  and {total['documented_not_estimable']:,} documented victims in strata not estimable "
                     "(counted, not estimated)")
    lines.append("Caveats:")
    lines += [f"  - {text}" for text in figures["caveats"].values()]
    print("\n".join(shown(line) for line in lines))
    return 0
