from commentdesk.ops.checks import check_metrics_folder


def test_it_passes_without_a_multiprocess_folder(monkeypatch):
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    assert check_metrics_folder() == []


def test_it_passes_with_a_writable_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    assert check_metrics_folder() == []


def test_it_warns_of_a_missing_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "missing"))
    [warning] = check_metrics_folder()
    assert warning.id == "commentdesk.ops.W001"
