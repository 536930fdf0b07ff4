"""Client folders and batch outputs behind fsspec URLs: URL handling, staging, publishing, and a batch
against a real S3-compatible server (moto's, over HTTP)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import english_sheets, write_xlsx
from svcwork import storage
from svcwork.cli import main
from svcwork.errors import UsageError


# =========================================================================== URLs
@pytest.mark.parametrize("text, url, remote", [
    ("s3://bucket/clients", True, True), ("file:///tmp/x", True, False), ("memory://x", True, True),
    ("/tmp/clients", False, False), ("clients", False, False), ("C:/clients", False, False),
])
def test_urls_are_told_from_paths(text, url, remote):
    assert storage.is_url(text) is url
    assert storage.is_remote(text) is remote
    assert storage.is_url(Path(text)) is False  # a Path is never a URL
    assert isinstance(storage.location_arg(text), str if url else Path)


def test_a_url_is_shown_without_credentials_query_or_fragment():
    assert storage.redact("s3://AKIAXX:s3cr3t@bucket/out?X-Amz-Signature=abc&key=1#frag") == "s3://bucket/out"
    assert storage.redact("https://user:pw@host:8443/a/b?token=t") == "https://host:8443/a/b"
    assert storage.redact(Path("/tmp/out")) == "/tmp/out"
    assert storage.redact("memory:///b/out?x=1") == "memory:///b/out"
    assert storage.join("s3://b/out/", "slug", "report.html") == "s3://b/out/slug/report.html"
    assert storage.join(Path("/o"), "slug") == Path("/o/slug")
    assert storage.local_path("file:///tmp/o") == Path("/tmp/o")
    with pytest.raises(ValueError):
        storage.local_path("s3://b/o")


def test_an_unknown_protocol_is_a_usage_error():
    with pytest.raises(UsageError, match="nosuchproto://b/x"):
        with storage.staged_input("nosuchproto://user:pw@b/x?k=1"):
            pass


def test_a_stamp_is_rebased_without_changing_the_original():
    stamp = {"fingerprint": "f", "inputs": [{"role": "intake", "path": "/tmp/a/client/intake.xlsx"},
                                            {"role": "cases", "path": "/elsewhere/cases.csv"}],
             "notebooks": ["/nb/00.ipynb"], "commentary": ["/tmp/a/client/commentary.md"]}
    moved = storage.rebase_stamp(stamp, frm="/tmp/a/client", to="s3://b/clients/client")
    assert moved["inputs"] == [{"role": "intake", "path": "s3://b/clients/client/intake.xlsx"},
                               {"role": "cases", "path": "/elsewhere/cases.csv"}]
    assert moved["commentary"] == ["s3://b/clients/client/commentary.md"]
    assert moved["notebooks"] == ["/nb/00.ipynb"] and moved["fingerprint"] == "f"
    assert stamp["inputs"][0]["path"] == "/tmp/a/client/intake.xlsx"  # input untouched
    assert storage.rebase_stamp(stamp, frm="/tmp/a/cli", to="/x")["inputs"] == stamp["inputs"]  # not a prefix folder


# =========================================================================== staging and publishing (memory://)
@pytest.fixture
def memory():
    import fsspec

    fs = fsspec.filesystem("memory")
    root = f"/svcwork-test-{os.getpid()}"
    yield fs, f"memory://{root}"
    if fs.exists(root):
        fs.rm(root, recursive=True)


def test_a_remote_folder_is_staged_and_removed_after(memory):
    fs, url = memory
    fs.pipe({f"{url}/clients/a/intake.xlsx": b"x", f"{url}/clients/a/sub/cases.csv": b"y",
             f"{url}/clients/b/intake.xlsx": b"z"})
    with storage.staged_input(f"{url}/clients") as local:
        assert local.name == "clients"
        assert (local / "a" / "sub" / "cases.csv").read_bytes() == b"y"
        assert sorted(p.name for p in local.iterdir()) == ["a", "b"]
    assert not local.exists()
    with pytest.raises(UsageError, match="nothing found"):
        with storage.staged_input(f"{url}/nothing"):
            pass


def test_publishing_replaces_the_clients_folder_and_writes_the_stamp_last(memory, tmp_path):
    fs, url = memory
    out = f"{url}/out"
    fs.pipe({f"{out}/c/report.html": b"old", f"{out}/c/units/gone.html": b"old unit", f"{out}/c/summary.json": b"{}",
             f"{out}/c/.svcwork-run.json": json.dumps({"inputs": [{"role": "intake", "path": "s3x://c/intake.xlsx"}]}
                                                      ).encode(),
             f"{out}/c/round/r.json": b"r", f"{out}/c/history/2025.json": b"h", f"{out}/c/figures/f.png": b"png"})
    staged = storage.StagedOutput(out, tmp_path / "out", {"c": ("/local/c", "s3x://c")})
    staged.fetch(["c", "absent"])
    local = tmp_path / "out" / "c"
    got = sorted(p.relative_to(local).as_posix() for p in local.rglob("*") if p.is_file())
    assert got == [".svcwork-run.json", "history/2025.json", "report.html", "round/r.json", "summary.json"]
    assert (local / "report.html").read_bytes() == b""  # only marks that a report exists
    assert json.loads((local / ".svcwork-run.json").read_text())["inputs"][0]["path"] == "/local/c/intake.xlsx"
    assert not (tmp_path / "out" / "absent").exists()

    # a new complete report replaces the old one; what it no longer has is deleted
    new = tmp_path / "new" / "out"
    (new / "c" / "round").mkdir(parents=True)
    (new / "c" / "report.html").write_text("new")
    (new / "c" / "summary.json").write_text('{"client": "c"}')
    (new / "c" / "round" / "r.json").write_text("r2")
    (new / "c" / ".svcwork-run.json").write_text(json.dumps({"inputs": [{"role": "intake",
                                                                         "path": "/local/c/intake.xlsx"}]}))
    order = []
    real_put, real_pipe = fs.put_file, fs.pipe_file
    publisher = storage.StagedOutput(out, new, {"c": ("/local/c", "s3x://c")})
    try:
        fs.put_file = lambda lpath, rpath, **kw: (order.append(rpath.rsplit("/c/", 1)[1]), real_put(lpath, rpath, **kw))
        fs.pipe_file = lambda path, value, **kw: (order.append(path.rsplit("/c/", 1)[1]), real_pipe(path, value, **kw))
        publisher.publish("c")
    finally:
        del fs.put_file, fs.pipe_file
    assert order[-2:] == ["summary.json", ".svcwork-run.json"]
    remote = sorted(p.split("/out/c/", 1)[1] for p in fs.find(f"{out}/c"))
    assert remote == [".svcwork-run.json", "report.html", "round/r.json", "summary.json"]
    assert fs.cat_file(f"{out}/c/report.html") == b"new"
    assert json.loads(fs.cat_file(f"{out}/c/.svcwork-run.json"))["inputs"][0]["path"] == "s3x://c/intake.xlsx"


def test_publishing_to_a_local_folder_swaps_it_whole(tmp_path):
    (tmp_path / "o" / "c" / "units").mkdir(parents=True)
    (tmp_path / "o" / "c" / "units" / "gone.html").write_text("old")
    (tmp_path / "s" / "c").mkdir(parents=True)
    (tmp_path / "s" / "c" / "report.html").write_text("new")
    storage.StagedOutput(f"file://{tmp_path / 'o'}", tmp_path / "s", {}).publish("c")
    assert sorted(p.name for p in (tmp_path / "o" / "c").rglob("*")) == ["report.html"]
    assert not [p for p in (tmp_path / "o").iterdir() if p.name.startswith(".")]


# =========================================================================== against an S3-compatible server
SECRET = "fake-secret-key-for-svcwork-tests"
KEY_ID = "AKIAFAKESVCWORKTEST"


@pytest.fixture
def s3(monkeypatch):
    """A real HTTP S3 endpoint (moto's server) with a bucket; credentials and endpoint from the environment."""
    moto_server = pytest.importorskip("moto.server")
    s3fs = pytest.importorskip("s3fs")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    import urllib.request

    urllib.request.urlopen(urllib.request.Request(f"http://{host}:{port}/moto-api/reset", method="POST")).close()
    for name, value in {"AWS_ACCESS_KEY_ID": KEY_ID, "AWS_SECRET_ACCESS_KEY": SECRET, "AWS_DEFAULT_REGION": "us-east-1",
                        "AWS_ENDPOINT_URL": f"http://{host}:{port}"}.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "FSSPEC_S3_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    s3fs.S3FileSystem.clear_instance_cache()
    fs = s3fs.S3FileSystem()
    fs.mkdir("svcwork-test")
    yield fs
    s3fs.S3FileSystem.clear_instance_cache()
    server.stop()


def _upload_clients(fs, tmp_path: Path) -> None:  # noqa: ANN001
    write_xlsx(tmp_path / "clients" / "good-en" / "intake.xlsx", english_sheets())
    bad = english_sheets()
    bad["Services"].append(["S1", "Duplicate id", "Parking", 9, 5, 5, 10, None])
    write_xlsx(tmp_path / "clients" / "broken" / "intake.xlsx", bad)
    fs.put(str(tmp_path / "clients"), "svcwork-test/clients", recursive=True)


@pytest.mark.slow
def test_a_batch_from_s3_to_s3_writes_every_report_there(s3, tmp_path, capsys):
    _upload_clients(s3, tmp_path)
    assert main(["validate", "s3://svcwork-test/clients/good-en"]) == 0
    assert main(["validate", "s3://svcwork-test/clients/broken"]) == 1
    capsys.readouterr()

    url = "s3://svcwork-test/out"
    assert main(["batch", "s3://svcwork-test/clients", "-o", url, "--no-pdf", "--timeout", "600"]) == 1  # broken fails
    printed = capsys.readouterr()
    assert "s3://svcwork-test/out/index.html" in printed.out
    s3.invalidate_cache()
    for name in ("report.html", "summary.json", "results.xlsx", ".svcwork-run.json"):
        assert s3.isfile(f"svcwork-test/out/good-en/{name}"), name
    assert not s3.exists("svcwork-test/out/broken")  # a failed client publishes nothing
    manifest = json.loads(s3.cat_file("svcwork-test/out/batch.json"))
    assert {c["client"]: (c["status"], c["folder"]) for c in manifest["clients"]} == {
        "good-en": ("ok", "s3://svcwork-test/clients/good-en"), "broken": ("failed", "s3://svcwork-test/clients/broken")}
    summary = json.loads(s3.cat_file("svcwork-test/out/good-en/summary.json"))
    assert summary["client"] == "good-en"
    stamp = json.loads(s3.cat_file("svcwork-test/out/good-en/.svcwork-run.json"))
    assert {i["path"] for i in stamp["inputs"]} == {"s3://svcwork-test/clients/good-en/intake.xlsx"}
    for name in ("batch.json", "index.html", "good-en/summary.json", "good-en/.svcwork-run.json", "good-en/report.html"):
        text = s3.cat_file(f"svcwork-test/out/{name}").decode("utf-8")
        assert SECRET not in text and KEY_ID not in text and "127.0.0.1" not in text, name
        assert "svcwork-input-" not in text and "svcwork-out-" not in text, name  # no staging folder named

    # the same batch again: the client is unchanged (its stamp names the S3 folder), nothing is rerun
    assert main(["batch", "s3://svcwork-test/clients", "-o", url, "--no-pdf"]) == 1
    assert "good-en: s3://svcwork-test/out/good-en/report.html (unchanged, skipped)" in capsys.readouterr().out
    again = json.loads(s3.cat_file("svcwork-test/out/batch.json"))
    assert [c["status"] for c in again["clients"]] == ["failed", "skipped"]

    # the portfolio reads the summaries from S3 and writes its files there
    assert main(["portfolio", url]) == 0
    s3.invalidate_cache()
    assert s3.isfile("svcwork-test/out/portfolio.html") and s3.isfile("svcwork-test/out/portfolio.xlsx")

    # one client from S3 into a local folder, and back from local into S3
    assert main(["run", "s3://svcwork-test/clients/good-en", "-o", str(tmp_path / "local"), "--no-pdf"]) == 0
    assert (tmp_path / "local" / "good-en" / "summary.json").read_bytes() == \
        s3.cat_file("svcwork-test/out/good-en/summary.json")


def test_an_s3_output_that_cannot_be_written_is_a_clear_error(s3, tmp_path, capsys):
    _upload_clients(s3, tmp_path)
    status = main(["batch", "s3://svcwork-test/clients", "-o", "s3://no-such-bucket/out", "--no-pdf"])
    err = capsys.readouterr().err
    assert status == 2 and "s3://no-such-bucket/out" in err and SECRET not in err


def test_a_batch_on_urls_stages_inputs_and_earlier_rounds_and_publishes_what_completes(memory, monkeypatch):
    from svcwork import batch

    fs, url = memory
    fs.pipe({f"{url}/clients/c/intake.xlsx": b"form", f"{url}/clients/d/intake.xlsx": b"form",
             f"{url}/before/c/summary.json": b'{"client": "c"}', f"{url}/before/c/round/r.json": b"{}",
             f"{url}/before/c/report.html": b"<html>", f"{url}/out/d/report.html": b"kept"})
    seen = {}

    def fake_run_batch(clients, output, *, since, progress, **options):  # the runs themselves: test_batch
        seen.update(since=sorted(p.relative_to(since).as_posix() for p in since.rglob("*") if p.is_file()),
                    options=options)
        results = []
        for folder in batch.find_clients(clients):
            if folder.name == "c":
                (output / "c").mkdir()
                (output / "c" / "report.html").write_text("new")
                (output / "c" / "summary.json").write_text('{"client": "c"}')
                (output / "c" / ".svcwork-run.json").write_text(json.dumps(
                    {"inputs": [{"role": "intake", "path": str(folder.resolve() / "intake.xlsx")}]}))
                result = batch.ClientResult(folder, "c", "ok", output=output / "c")
            else:
                result = batch.ClientResult(folder, "d", "failed", error="bad form", code="intake_invalid")
            results.append(result)
            progress(result, len(results), 2)
        return batch.BatchResult(Path(output), tuple(results), 1.0)

    monkeypatch.setattr(batch, "run_batch", fake_run_batch)
    got = storage.run_batch_at(f"{url}/clients", f"{url}/out", since=f"{url}/before", jobs=2)
    assert seen == {"since": ["c/round/r.json", "c/summary.json"], "options": {"jobs": 2}}
    assert [(c.slug, c.status, c.source) for c in got.clients] == [("c", "ok", f"{url}/clients/c"),
                                                                   ("d", "failed", f"{url}/clients/d")]
    assert fs.cat_file(f"{url}/out/c/report.html") == b"new"
    assert fs.cat_file(f"{url}/out/d/report.html") == b"kept"  # a failed client's earlier report stays
    stamp = json.loads(fs.cat_file(f"{url}/out/c/.svcwork-run.json"))
    assert stamp["inputs"][0]["path"] == f"{url}/clients/c/intake.xlsx"
    manifest = json.loads(fs.cat_file(f"{url}/out/batch.json"))
    assert [c["folder"] for c in manifest["clients"]] == [f"{url}/clients/c", f"{url}/clients/d"]
    assert f"{url}/out/index.html" in got.describe()
    with pytest.raises(UsageError, match="memory://"):
        storage.run_batch_at(f"{url}/clients", f"{url}/out", since=f"{url}/no-such-batch")


@pytest.mark.slow
def test_a_batch_from_s3_runs_on_a_cluster_too(s3, tmp_path):
    distributed = pytest.importorskip("distributed")
    from svcwork import batch

    _upload_clients(s3, tmp_path)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                                  processes=True) as cluster:
        got = batch.run_batch("s3://svcwork-test/clients", "s3://svcwork-test/out", scheduler=cluster.scheduler_address,
                              pdf=False)
    assert [(c.slug, c.status) for c in got.clients] == [("broken", "failed"), ("good-en", "ok")], got.describe()
    s3.invalidate_cache()
    stamp = json.loads(s3.cat_file("svcwork-test/out/good-en/.svcwork-run.json"))
    assert {i["path"] for i in stamp["inputs"]} == {"s3://svcwork-test/clients/good-en/intake.xlsx"}
    local = batch.run_batch(tmp_path / "clients", tmp_path / "local", pdf=False)
    assert s3.cat_file("svcwork-test/out/good-en/summary.json") == \
        (tmp_path / "local" / "good-en" / "summary.json").read_bytes()
    assert [c.status for c in local.clients] == ["failed", "ok"]
