"""The speakers suite: on a tiny GUM-layout document written here, and its floors on the shared sets."""

from __future__ import annotations

import pytest
from default_evals import assert_meets_baseline

from wirewatch.errors import EvalDataError
from wirewatch.eval import speakers as suite

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

# Measured 2026-12-04 on the default sets; they may only go up.
CONLLU = """# newdoc id = GUM_news_toy
# newpar
# sent_id = GUM_news_toy-1
# text = Mayor Anna Berg said the bridge would reopen.
1\tMayor\tmayor\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-sssss-cf1-1-coref
2\tAnna\tAnna\tPROPN\tNNP\t_\t3\tcompound\t_\t_
3\tBerg\tBerg\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)
4\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-object-new-sssss-cf1-1-coref
6\tbridge\tbridge\tNOUN\tNN\t_\t8\tnsubj\t_\tEntity=2)
7\twould\twould\tAUX\tMD\t_\t8\taux\t_\t_
8\treopen\treopen\tVERB\tVB\t_\t4\tccomp\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# sent_id = GUM_news_toy-2
# text = She added that it would cost less.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-sssss-cf1-1-ana)
2\tadded\tadd\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_
4\tit\tit\tPRON\tPRP\t_\t6\tnsubj\t_\tEntity=(2-object-giv-sssss-cf1-1-ana)
5\twould\twould\tAUX\tMD\t_\t6\taux\t_\t_
6\tcost\tcost\tVERB\tVB\t_\t2\tccomp\t_\t_
7\tless\tless\tADV\tRBR\t_\t6\tadvmod\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def test_reads_gum_text_and_coreference(tmp_path):
    (tmp_path / "dep").mkdir()
    (tmp_path / "dep" / "GUM_news_toy.conllu").write_text(CONLLU, encoding="utf-8")
    [doc] = suite.read_gum(tmp_path)
    assert doc.text == "Mayor Anna Berg said the bridge would reopen. She added that it would cost less.\n"
    people = [m for m in doc.mentions if m.entity == "1"]
    assert [(m.text, m.proper) for m in people] == [("Mayor Anna Berg", True), ("She", False)]


def test_scores_a_resolved_pronoun(tmp_path, settings):
    (tmp_path / "dep").mkdir()
    (tmp_path / "dep" / "GUM_news_toy.conllu").write_text(CONLLU, encoding="utf-8")
    report = suite.evaluate(tmp_path, settings)
    assert report.figures["n"] == 2
    assert report.figures["accuracy"] == 1.0, report.misses
    assert report.figures["accuracy_pronoun"] == 1.0


def test_names_entity_rules():
    berg = [suite.Mention("1", 0, 15, True, "Mayor Anna Berg"), suite.Mention("1", 20, 23, False, "She")]
    assert suite.names_entity("Anna Berg", berg)
    assert suite.names_entity("Berg", berg)
    assert not suite.names_entity("She", berg)
    assert not suite.names_entity(None, berg)
    group = [suite.Mention("2", 0, 15, False, "the researchers")]
    assert suite.names_entity("researchers", group)
    assert suite.half_of("GUM_news_nasa") in ("tune", "held")


def test_rejects_an_unknown_layout(tmp_path, settings):
    with pytest.raises(EvalDataError):
        suite.evaluate(tmp_path, settings)


def test_floor_on_gum():
    assert_meets_baseline("speakers")


def test_an_entity_marked_only_with_pronouns_and_their_forms_is_not_scored():
    # "you ... your", "we ... our ... each other": nothing in the text to resolve it to.
    assert all(suite._norm(w) in suite._PRONOUN_FORMS for w in ("You", "your", "our", "each other", "themselves"))
    assert suite._norm("The Gliders") not in suite._PRONOUN_FORMS


def test_lists_the_misses_of_the_tune_half_outside_the_test_partition_only():
    names = [f"GUM_news_toy{i}" for i in range(20)]
    tune = next(n for n in names if suite.half_of(n) == "tune")
    held = next(n for n in names if suite.half_of(n) == "held")
    assert suite.listed(suite.GumDocument(tune, "train", ""))
    assert not suite.listed(suite.GumDocument(tune, "test", ""))  # the test partition is only counted
    assert not suite.listed(suite.GumDocument(held, "train", ""))
    assert not suite.listed(suite.GumDocument(held, "dev", ""))
