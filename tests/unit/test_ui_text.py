"""The translation-format helper fills %1, %2… once: an argument is never re-substituted."""

from counsel_desk.ui.widgets.text import counted, fmt


def test_fills_numbered_placeholders_in_any_order():
    assert fmt("%2 of %1", "ten", "three") == "three of ten"
    assert fmt("%1 and %1 again", "x") == "x and x again"


def test_an_argument_that_holds_a_placeholder_is_left_as_typed():
    # a chain of str.replace would have turned the file name's "%2" into the second argument
    assert fmt("Exported to %1 (%2 rows)", "report %2.xlsx", 5) == "Exported to report %2.xlsx (5 rows)"


def test_a_placeholder_without_argument_stays():
    assert fmt("%1 – %3", "a") == "a – %3"
    assert fmt("100% done, %1", "ok") == "100% done, ok"


def test_a_count_picks_one_or_many_and_writes_thousands():
    assert counted(1, "%1 entry", "%1 entries") == "1 entry"
    assert counted(0, "%1 entry", "%1 entries") == "0 entries"
    assert counted(12345, "%1 entry", "%1 entries") == "12,345 entries"
    assert counted(1, "Exported %1 row to %2", "Exported %1 rows to %2", "a.csv") == "Exported 1 row to a.csv"
