"""The pseudonymisation key file made on first use by processes starting together (review3-privacy F2): each
gets the one whole key, never an empty one (an empty HMAC key is public: every pseudonym reversible).  And the
per-case round records stay private when copied alone (F7)."""

from __future__ import annotations

import multiprocessing as mp
import os
import stat

import pytest

from svcwork.paths import atomic_dir
from svcwork.privacy import pseudonymisation_key  # imported before the racers fork: they start at once


def _key_of(path: str, barrier, out) -> None:  # noqa: ANN001 - multiprocessing primitives
    os.environ.pop("SVCWORK_KEY", None)
    os.environ["SVCWORK_KEY_FILE"] = path
    barrier.wait()
    try:
        out.put(pseudonymisation_key())
    except Exception as exc:  # noqa: BLE001 - reported to the test
        out.put(repr(exc))


@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs fork to start the racers together")
def test_processes_making_the_key_together_all_get_the_one_whole_key(tmp_path):
    ctx = mp.get_context("fork")
    racers = 8
    for trial in range(12):
        path = str(tmp_path / f"k{trial}" / "secret.key")
        barrier, out = ctx.Barrier(racers), ctx.Queue()
        procs = [ctx.Process(target=_key_of, args=(path, barrier, out)) for _ in range(racers)]
        for p in procs:
            p.start()
        keys = [out.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert all(isinstance(k, bytes) and len(k) == 64 for k in keys), (trial, keys)
        assert len(set(keys)) == 1, trial
        with open(path, "rb") as fh:
            assert fh.read().strip() == keys[0]
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert not [n for n in os.listdir(os.path.dirname(path)) if n.startswith(".key-")]  # no temporary left


def test_a_private_folder_swapped_in_is_closed_throughout(tmp_path):
    with atomic_dir(tmp_path / "rounds" / "client", private=True) as tmp:
        (tmp / "round").mkdir()
        (tmp / "round" / "cases.parquet").write_bytes(b"x")
    for root, dirs, files in os.walk(tmp_path / "rounds" / "client"):
        assert stat.S_IMODE(os.stat(root).st_mode) == 0o700, root
        for f in files:
            assert stat.S_IMODE(os.stat(os.path.join(root, f)).st_mode) == 0o600, f


def test_the_run_stamp_makes_testing_a_guess_of_the_key_slow(monkeypatch):
    """review3-privacy F4: the stamp in the folder handed over held HMAC(key, "svcwork run stamp"), so a key
    typed as text could be guessed offline at millions a second; the tag is scrypt of the key now (RFC 7914,
    checked against hashlib's), the same on every machine (a Dask worker's stamp matches the coordinator's)."""
    import hashlib
    import hmac
    from pathlib import Path

    from svcwork.rerun import _key_tag

    monkeypatch.setenv("SVCWORK_KEY", "password")
    tag = _key_tag(Path("."))
    assert tag == hashlib.scrypt(b"password", salt=b"svcwork run stamp", n=2 ** 14, r=8, p=1, dklen=16).hex()
    assert tag != hmac.new(b"password", b"svcwork run stamp", hashlib.sha256).hexdigest()[:32]
    monkeypatch.setenv("SVCWORK_KEY", "another")
    assert _key_tag(Path(".")) != tag  # another key, another report


def test_a_project_key_others_may_write_is_refused_not_used(tmp_path, monkeypatch):
    """review3-privacy F6: any .svcwork/secret.key in a folder above the client's was used, whoever made it (one
    planted in a shared folder or in /tmp, where remote inputs are staged, would choose the key)."""
    from svcwork.errors import SvcworkError
    from svcwork.privacy import project_key_file

    monkeypatch.delenv("SVCWORK_KEY", raising=False)
    key = tmp_path / ".svcwork" / "secret.key"
    key.parent.mkdir()
    key.write_text("a" * 64)
    os.chmod(key, 0o600)
    client = tmp_path / "clients" / "x"
    client.mkdir(parents=True)
    assert project_key_file(client) == key  # the user's own, closed: used
    os.chmod(key, 0o666)
    with pytest.raises(SvcworkError) as caught:
        pseudonymisation_key(client)
    assert caught.value.code == "key_file" and str(key) in caught.value.message
