"""Link checker against a local HTTP server only."""

from __future__ import annotations

from catalogue.db import replace_catalogue
from catalogue.links import LinkTarget, check_links, collect_targets


def targets(base: str, *paths: str) -> list[LinkTarget]:
    return [LinkTarget(f"{base}{path}", f"p{i}", "info_url") for i, path in enumerate(paths)]


def test_statuses_redirects_and_get_fallback(local_server):
    results = check_links(targets(local_server, "/ok", "/missing", "/old", "/get-only"),
                          concurrency=4, timeout=5, trust_env=False)
    ok, missing, old, get_only = results
    assert (ok.ok, ok.status, ok.method) == (True, 200, "HEAD")
    assert (missing.ok, missing.status) == (False, 404)
    assert old.ok and old.redirected and old.final_url == f"{local_server}/ok"
    assert (get_only.ok, get_only.status, get_only.method) == (True, 200, "GET")


def test_timeout_is_reported_as_broken(local_server):
    [slow] = check_links(targets(local_server, "/slow"), timeout=0.3, trust_env=False)
    assert not slow.ok and slow.status is None and "timeout" in slow.error


def test_connection_error_is_broken():
    # port 9 on loopback: nothing listens there, so the connection is refused locally
    [result] = check_links([LinkTarget("http://127.0.0.1:9/", "x", "website")], timeout=2,
                           trust_env=False)
    assert not result.ok and result.error


def test_each_url_is_requested_once_but_reported_per_owner(local_server):
    url = f"{local_server}/ok"
    results = check_links([LinkTarget(url, "a", "info_url"), LinkTarget(url, "b", "online_url")],
                          trust_env=False)
    assert [r.target.owner for r in results] == ["a", "b"] and all(r.ok for r in results)


def test_collect_targets(memory_db, procedures, gemeinden):
    found = collect_targets(memory_db)
    assert {(t.owner, t.field) for t in found} >= {
        ("kfz-abmeldung", "online_url"), ("kfz-abmeldung", "info_url"),
        ("muehldorf", "website"), ("waldkraiburg", "website")}
    unverified = collect_targets(memory_db, only_unverified=True)
    assert "kfz-abmeldung" not in {t.owner for t in unverified}  # url_verified: true
    assert "muehldorf" in {t.owner for t in unverified}
    replace_catalogue(memory_db, [], [])
    assert collect_targets(memory_db) == []
