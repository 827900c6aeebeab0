"""The models' matrix-multiply kernels are a setting, and the faster one changes no annotation."""

from __future__ import annotations

import pytest
from shared_paths import EXAMPLES, SEED
from threadpoolctl import threadpool_info

from wirewatch.errors import ModelError
from wirewatch.nlp.gemm import use_gemm
from wirewatch.nlp.pipeline import load_pipeline
from wirewatch.settings import Settings

pytestmark = [pytest.mark.slow]


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
            for t in doc]


def test_numpy_and_blis_kernels_annotate_alike() -> None:
    model = Settings.from_env().model
    texts = [EXAMPLES.joinpath("01_baltic_patrols.txt").read_text(encoding="utf-8")]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    numpy_nlp, blis_nlp = load_pipeline(model, "numpy"), load_pipeline(model, "blis")
    assert numpy_nlp.get_pipe("ner").model.ops.use_blis is False
    assert blis_nlp.get_pipe("ner").model.ops.use_blis is True
    for text in texts:
        assert _annotations(numpy_nlp(text)) == _annotations(blis_nlp(text))


def test_numpy_kernels_run_on_one_blas_thread() -> None:
    use_gemm("numpy")
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


def test_an_unknown_choice_names_the_setting(monkeypatch) -> None:
    with pytest.raises(ModelError, match="WIREWATCH_GEMM='mkl'"):
        use_gemm("mkl")
    monkeypatch.setenv("WIREWATCH_GEMM", "blis")
    assert Settings.from_env().gemm == "blis"
    monkeypatch.delenv("WIREWATCH_GEMM")
    assert Settings.from_env().gemm == "numpy"


def test_the_cli_reports_an_unknown_choice_in_one_line(tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from wirewatch.cli.app import app

    monkeypatch.setenv("WIREWATCH_GEMM", "mkl")
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES / "01_baltic_patrols.txt"), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code != 0
    assert "WIREWATCH_GEMM='mkl'" in result.output and "Traceback" not in result.output
