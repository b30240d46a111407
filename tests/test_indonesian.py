from datetime import date

import pytest

from monev_cli import indonesian as id_
from monev_cli.charts import bar_chart
from monev_cli.period import Period
from monev_cli.template_filters import md


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2023, 1, 1), date(2023, 12, 31), "Januari – Desember 2023"),
        (date(2023, 1, 1), date(2024, 5, 31), "Januari 2023 – Mei 2024"),
        (date(2024, 1, 1), date(2024, 5, 31), "Januari – Mei 2024"),
        (date(2024, 2, 1), date(2024, 2, 29), "Februari 2024"),
        (date(2024, 5, 3), date(2024, 5, 20), "3 – 20 Mei 2024"),
        (date(2023, 12, 15), date(2024, 1, 14), "15 Desember 2023 – 14 Januari 2024"),
        (date(2024, 5, 3), date(2024, 5, 3), "3 Mei 2024"),
    ],
)
def test_period_text(start, end, text):
    assert id_.period_text(start, end) == text


def test_dates_and_numbers():
    assert id_.long_date(date(2026, 11, 28)) == "28 November 2026"
    assert id_.month_year(date(2024, 5, 31)) == "Mei 2024"
    assert id_.number(1234567) == "1.234.567"
    assert id_.percent(33.3) == "33,3%"
    assert id_.percent(100.0) == "100%"
    assert id_.decimal(12.5) == "12,5"
    assert id_.decimal(1234.0) == "1.234"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "nol"), (3, "tiga"), (10, "sepuluh"), (11, "sebelas"),
        (12, "dua belas"), (21, "dua puluh satu"), (100, "seratus"),
        (151, "seratus lima puluh satu"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"), (1001, "seribu satu"), (2023, "dua ribu dua puluh tiga"),
        (101000, "seratus satu ribu"), (1_000_000, "satu juta"),
        (2_500_000, "dua juta lima ratus ribu"),
    ],
)  # fmt: skip
def test_words(value, text):
    assert id_.words(value) == text


def test_counted_and_joined():
    assert id_.counted(3) == "3 (tiga)"
    assert id_.joined(["a", "b", "c"]) == "a, b dan c"
    assert id_.joined(["a"]) == "a"


def test_period_months_cross_the_year():
    period = Period(date(2023, 11, 15), date(2024, 2, 1))
    assert period.months() == [(2023, 11), (2023, 12), (2024, 1), (2024, 2)]
    assert period.year is None
    assert Period.of_year(2023).year == 2023


def test_chart_escapes_labels_and_draws_a_bar_each():
    svg = bar_chart([("<b>A</b> & B", 3), ("Kosong", 0)], "Judul <x>", id_.number)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "&lt;b&gt;A&lt;/b&gt; &amp; B" in svg and "<b>" not in svg
    assert "<title>Judul &lt;x&gt;</title>" in svg
    assert svg.count("<rect") == 2
    assert 'width="0.0"' in svg  # a zero is a bar of no length, not an error


def test_md_keeps_user_text_literal_in_one_cell():
    assert md("a | b\nc") == "a \\| b<br>c"
    assert md("<script>") == "\\<script\\>"
    assert md("*x* _y_ [z](u)") == "\\*x\\* \\_y\\_ \\[z\\](u)"
