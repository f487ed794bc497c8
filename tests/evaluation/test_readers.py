"""The gold readers, on tiny files made here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tidings.evaluation.readers import (
    GoldActor,
    GoldQuote,
    read_agnews,
    read_conflibert,
    read_ggt,
    read_ngec,
    read_plover_gsr,
    read_plv,
    unmark,
)


def test_unmark_returns_text_and_spans() -> None:
    text, source, target = unmark("<s>Iran</s> has condemned <t>the US</t>.")
    assert text == "Iran has condemned the US."
    assert source is not None and text[source[0] : source[1]] == "Iran"
    assert target is not None and text[target[0] : target[1]] == "the US"


def _agnews_event(
    source: str, target: str, root: str, plover: str, optional: bool
) -> dict[str, object]:
    return {
        "source_country": source,
        "target_country": target,
        "cameo_root": root,
        "plover_event": plover,
        "optional": optional,
    }


def test_agnews_reader_keeps_optional_tuples_apart(tmp_path: Path) -> None:
    path = tmp_path / "agnews.jsonl"
    items = [
        {
            "id": "a-1",
            "text": "Ruritania shelled Freedonia and warned it.",
            "date": "2004-08-15",
            "no_event": False,
            "events": [
                _agnews_event("RUR", "FRE", "19", "FIGHT", False),
                _agnews_event("RUR", "FRE", "01", "", False),
                _agnews_event("RUR", "FRE", "13", "THREATEN", True),
            ],
        },
        {"id": "a-2", "text": "Nothing.", "date": "", "no_event": True, "events": []},
    ]
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    first, quiet = read_agnews(path)
    assert first.published == date(2004, 8, 15)
    assert first.cameo == {("RUR", "FRE", "19"), ("RUR", "FRE", "01")}
    # A statement (01) has no PLOVER event; old PLOVER names are read as tidings writes them.
    assert first.plover == {("RUR", "FRE", "ASSAULT")}
    assert (first.roots, first.optional_roots) == ({"19", "01"}, {"13"})
    assert first.optional_plover == {("RUR", "FRE", "THREATEN")}
    assert quiet.no_event and quiet.published is None


def test_plover_gsr_dyads_conflibert_and_plv_readers(tmp_path: Path) -> None:
    gsr = tmp_path / "gsr.json"
    gsr.write_text(
        json.dumps(
            [
                {"id": "D", "event": "DOCUMENT"},
                {
                    "id": "X-1",
                    "event": "DISAPPROVE",
                    "text": "A criticised B.",
                    "source": [{"code": "AAA"}, {"code": "CCC"}],
                    "target": "",
                },
                {
                    "id": "X-2",
                    "event": "CONSULT",
                    "text": "Russia hosted Japan's leader.",
                    "source": [{"code": "RUS"}],
                    "target": [{"code": "JAP"}],
                },
            ]
        ),
        encoding="utf-8",
    )
    sentence, spelled = read_plover_gsr(gsr)
    assert sentence.dyads == {("AAA", None, "ACCUSE"), ("CCC", None, "ACCUSE")}
    # Older CAMEO spellings of country codes are read as ISO codes, as tidings writes them.
    assert spelled.dyads == {("RUS", "JPN", "CONSULT")}
    conflibert = tmp_path / "c.tsv"
    conflibert.write_text("Troops shelled the town.\t4\nThey met.\t1\n", encoding="utf-8")
    assert [(s.text, s.penta) for s in read_conflibert(conflibert)] == [
        ("Troops shelled the town.", 4),
        ("They met.", 1),
    ]
    plv = tmp_path / "p.tsv"
    plv.write_text(
        "\tsentence_id\tsentence\tmarked_sentence\tgold_root\n"
        "\t7\tA hit B.\t<s>A</s> hit <t>B</t>.\tASSAULT\n",
        encoding="utf-8",
    )
    [item] = read_plv(plv)
    assert (item.text, item.event, item.source_span, item.target_span) == (
        "A hit B.",
        "ASSAULT",
        (0, 1),
        (6, 7),
    )


def test_ngec_plover_gsr_actor_and_ggt_readers(tmp_path: Path) -> None:
    ngec = tmp_path / "cases.tsv"
    ngec.write_text(
        "test\tmethod\ttext\tcontext\tdate\tknown_country\texpected\n"
        "a\tagent_to_code\tDefense Minister\tGerman\t2022-01-01\t\t"
        '"{""country"": ""DEU"", ""code_1"": ""GOV"", ""code_2"": ""MIL""}"\n'
        'b\tquery_wiki\tAbkhazia\t\t\t\t"{""title"": ""Abkhazia""}"\n'
        'c\tagent_to_code\tHe\t\t1 January 2003\t\t"{""country"": """", ""code_1"": ""UNK""}"\n',
        encoding="utf-8",
    )
    cases = read_ngec(ngec)
    assert [c.ident for c in cases] == ["a", "c"]
    assert cases[0].text == "German Defense Minister"
    assert cases[0].sectors == ("GOV", "MIL")
    assert (cases[1].country, cases[1].sectors, cases[1].published) == (None, (), date(2003, 1, 1))

    gsr = tmp_path / "gsr.json"
    gsr.write_text(
        json.dumps(
            [
                {"id": "d", "event": "DOCUMENT"},
                {
                    "id": "s",
                    "event": "AGREE",
                    "date": "2000-01-01",
                    "text": "Japan and the UN agreed.",
                    "source": [{"actorText": "Japan", "code": "JAP"}],
                    "target": [{"actorText": "UN", "code": "IGO"}],
                },
            ]
        ),
        encoding="utf-8",
    )
    (sentence,) = read_plover_gsr(gsr)
    assert sentence.actors == (GoldActor("Japan", "JPN", None),)

    ggt = tmp_path / "ggt.jsonl"
    quotes = [
        {"reference": "Ann Lee", "speaker_span": [0, 3], "speaker_is_pronoun": True},
        {"reference": "Ann Lee", "speaker_span": [5, 12], "speaker_is_pronoun": False},
    ]
    ggt.write_text(json.dumps({"doc_id": "g", "text": "She said.", "quotes": str(quotes)}) + "\n")
    (article,) = read_ggt(ggt)
    assert article.quotes == (
        GoldQuote((), ((0, 3),), "Ann Lee", pronoun=True),
        GoldQuote((), ((5, 12),), "Ann Lee", pronoun=False),
    )
