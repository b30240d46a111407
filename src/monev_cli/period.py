"""The period a recap or report covers. Pure: no clock, no I/O."""

from datetime import date
from typing import NamedTuple

from monev_cli.dates import check_year
from monev_cli.errors import InputError
from monev_cli.i18n import _


class Period(NamedTuple):
    """Complaints received from ``start`` to ``end``, both days included."""

    start: date
    end: date
    # The end asked for, when the period was cut short at the day it is
    # reported on (``up_to``): its year still names the report.
    asked_end: date | None = None

    @classmethod
    def of_year(cls, year: int) -> "Period":
        check_year(year)
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def from_options(
        cls, year: int | None, start: date | None, end: date | None, today: date
    ) -> "Period":
        """``--year``, or ``--from`` and ``--to``; this year when neither."""
        if year is not None and (start or end):
            raise InputError(_("Give either --year or --from and --to, not both."))
        if start is None and end is None:
            return cls.of_year(year if year is not None else today.year)
        if start is None or end is None:
            raise InputError(
                _(
                    "Give both ends of the period, e.g. --from 2023-01-01 --to "
                    "2024-05-31."
                )
            )
        if start > end:
            raise InputError(
                _(
                    "The period starts ({start}) after it ends ({end}): swap "
                    "--from and --to."
                ).format(start=start.isoformat(), end=end.isoformat())
            )
        return cls(start, end)

    def up_to(self, day: date) -> "Period":
        """The period as far as it has run by the end of ``day``."""
        if day < self.start:
            raise InputError(
                _(
                    "The period {start} to {end} has not begun on {day}: there is "
                    "nothing to report yet. Give a later --as-of or an earlier period."
                ).format(
                    start=self.start.isoformat(),
                    end=self.end.isoformat(),
                    day=day.isoformat(),
                )
            )
        if day >= self.end:
            return self
        return Period(self.start, day, self.asked_end or self.end)

    @property
    def is_cut(self) -> bool:
        """Whether the period is still running on the day it is reported on."""
        return self.asked_end is not None

    @property
    def year(self) -> int | None:
        """The calendar year when the period (as asked) is exactly one."""
        end = self.asked_end or self.end
        whole = self.start == date(self.start.year, 1, 1) and end == date(
            self.start.year, 12, 31
        )
        return self.start.year if whole else None

    @property
    def params(self) -> tuple[str, str]:
        """The bounds as the register stores dates (ISO text)."""
        return self.start.isoformat(), self.end.isoformat()

    def months(self) -> list[tuple[int, int]]:
        """Every (year, month) the period touches, in order."""
        first = self.start.year * 12 + self.start.month - 1
        last = self.end.year * 12 + self.end.month - 1
        return [(index // 12, index % 12 + 1) for index in range(first, last + 1)]

    def to_dict(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}
