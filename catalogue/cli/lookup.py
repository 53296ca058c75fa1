"""Commands that read the built catalogue: `search`, `stats` and `check-links`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from catalogue.cli.common import db_option, existing_db


@click.command()
@click.argument("query")
@click.option("--limit", "-n", type=click.IntRange(1, 50), default=5, show_default=True,
              help="Number of hits.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def search(query: str, limit: int, as_json: bool) -> None:
    """Search the catalogue the way the assistant does (hybrid semantic + lexical).

    Uses the database named by WEGWEISER_DB_PATH (default var/catalogue.db).

    Example:

    \b
        catalogue search "Auto abmelden"
        catalogue search "Führerschein verloren" --limit 3 --json
    """
    from catalogue.search import QueryError, get_search_engine

    try:
        result = get_search_engine().search(query, limit=limit)
    except QueryError as exc:
        raise click.ClickException(f"unusable query: {exc}") from exc
    if as_json:
        click.echo(json.dumps({
            "query": result.query,
            "decision": result.decision,
            "hits": [{"score": round(float(hit.score), 4), "id": hit.procedure.id,
                      "title": hit.procedure.title,
                      "responsible_level": hit.procedure.responsible_level,
                      "responsible": hit.procedure.responsible, "link": hit.procedure.link}
                     for hit in result.hits],
        }, ensure_ascii=False, indent=2))
        return
    click.echo(f"decision: {result.decision}")
    if not result.hits:
        click.echo("no hits")
    for rank, hit in enumerate(result.hits, 1):
        p = hit.procedure
        click.echo(f"{rank}. [{float(hit.score):.3f}] {p.title} ({p.id})")
        click.echo(f"   {p.responsible} [{p.responsible_level}] {p.link}")


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.option("--max-age-days", type=click.IntRange(1), default=None,
              help="Reviews older than this are stale (default: WEGWEISER_REVIEW_MAX_AGE_DAYS).")
def stats(db_path: Path | None, as_json: bool, max_age_days: int | None) -> None:
    """Count procedures by level and department, gemeinden, and the coverage: online
    forms, LeiKa keys, verified links, sourced fields, stale reviews.

    Example:

    \b
        catalogue stats
        catalogue stats --json --max-age-days 180
    """
    from catalogue.settings import get_catalogue_settings
    from catalogue.stats import catalogue_stats

    age = max_age_days or get_catalogue_settings().review_max_age_days
    with existing_db(db_path) as db:
        counts = catalogue_stats(db, max_age_days=age)
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    click.echo(f"procedures:     {counts['procedures']}")
    click.echo(f"  landratsamt:  {counts['landratsamt']}")
    click.echo(f"  elsewhere:    {counts['elsewhere']}")
    for level, n in counts["by_level"].items():
        click.echo(f"    {level}: {n}")
    click.echo("by department:")
    for department, n in counts["by_department"].items():
        click.echo(f"  {department}: {n}")
    click.echo(f"gemeinden:      {counts['gemeinden']}")
    click.echo(f"url_verified:   {counts['url_verified']['true']} true, "
               f"{counts['url_verified']['false']} false")
    click.echo(f"online_url:     {counts['online_url']['with']} with, "
               f"{counts['online_url']['without']} without")
    click.echo(f"leika:          {counts['leika']['with']} with, "
               f"{counts['leika']['without']} without")
    c = counts["coverage"]
    click.echo(f"consultation:   {c['consultation_url']} with an appointment/consultation link")
    click.echo(f"sources:        {c['provenance']['fields']} sourced fields in "
               f"{c['provenance']['procedures_with_sources']} procedures "
               f"({c['provenance']['verified']} verified, {c['provenance']['unverified']} "
               f"unverified, {c['provenance']['confirmed']} confirmed by a second reviewer)")
    click.echo("unsourced:      " + ", ".join(f"{n} {name}" for name, n in c["unsourced"].items()))
    click.echo(f"review:         {c['review']['stale']} older than {c['review']['max_age_days']} "
               f"days, {c['review']['never']} never reviewed")


@click.command("check-links")
@db_option
@click.option("--concurrency", "-c", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Requests in flight at once.")
@click.option("--timeout", "-t", type=click.FloatRange(0.1, 120), default=10.0,
              show_default=True, help="Seconds per request.")
@click.option("--only-unverified", is_flag=True,
              help="Skip procedures marked url_verified (gemeinde websites are always checked).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Where to write the report that `catalogue validate` reads "
                                 "(default: WEGWEISER_LINK_REPORT).")
def check_links_command(db_path: Path | None, concurrency: int, timeout: float,
                        only_unverified: bool, report_path: Path | None) -> None:
    """Check every online_url, info_url, consultation_url and gemeinde website.

    Sends HEAD (GET where the server answers 405/501), follows redirects, and reports
    each URL. Writes a report (status, redirect target, date per link) that
    `catalogue validate` reads. Exit code 1 if any link is broken (HTTP >= 400,
    timeout, network error).

    Example:

    \b
        catalogue check-links
        catalogue check-links --only-unverified --concurrency 4 --timeout 5
        catalogue check-links --report /tmp/links.json
    """
    from catalogue.link_report import write_report
    from catalogue.links import check_links, collect_targets
    from catalogue.settings import get_catalogue_settings

    with existing_db(db_path) as db:
        targets = collect_targets(db, only_unverified=only_unverified)
    if not targets:
        click.echo("no links to check")
        return
    results = check_links(targets, concurrency=concurrency, timeout=timeout)
    report = report_path or get_catalogue_settings().link_report
    write_report(report, results)
    broken = [r for r in results if not r.ok]
    for r in results:
        label = "ok    " if r.ok else "BROKEN"
        status = r.status if r.status is not None else r.error
        extra = f" -> {r.final_url}" if r.redirected else ""
        if r.ok and r.method == "GET":
            extra += " (GET; HEAD refused)"
        if r.status is not None and r.error is None and not r.ok:
            extra += f" HTTP {r.status}"
        click.echo(f"{label} {status} {r.target.url}{extra}  [{r.target.owner}.{r.target.field}]")
    distinct = len({r.target.url for r in results})
    click.echo(f"{len(results)} links ({distinct} distinct URLs): "
               f"{len(results) - len(broken)} ok, {len(broken)} broken; report: {report}")
    if broken:
        sys.exit(1)
