from types import SimpleNamespace

from commentdesk.ops import gunicorn_conf


def test_it_serves_threaded_workers_on_loopback():
    assert gunicorn_conf.worker_class == "gthread"
    assert gunicorn_conf.bind.startswith("127.0.0.1:")
    assert gunicorn_conf.workers >= 2


def test_it_empties_the_prometheus_folder_of_its_own_files_only(tmp_path, monkeypatch):
    (tmp_path / "histogram_123.db").write_text("stale")
    (tmp_path / "keep.txt").write_text("not ours")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "metrics"))
    gunicorn_conf.on_starting(server=None)
    assert (tmp_path / "metrics").is_dir()
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    gunicorn_conf.on_starting(server=None)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["keep.txt", "metrics"]


def test_a_dead_worker_is_marked(tmp_path, monkeypatch):
    (tmp_path / "gauge_liveall_77.db").write_text("")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    gunicorn_conf.child_exit(server=None, worker=SimpleNamespace(pid=77))
    assert not (tmp_path / "gauge_liveall_77.db").exists()
