"""Writes internal/ingest/textdate/ummalqura.txt, the Umm al-Qura calendar's month
lengths, from the hijridate package (MIT licence, https://github.com/dralshehri/hijridate),
whose table comes from the King Abdulaziz City for Science and Technology's.

Run once when the table should change (never at build or run time):
    pip install hijridate==2.6.0 && python3 scripts/ummalqura/generate.py
"""
import datetime
import pathlib

from hijridate import ummalqura

first_year = ummalqura.HIJRI_RANGE[0][0]
starts = ummalqura.MONTH_STARTS
rjd0 = datetime.date(1858, 11, 16)  # reduced Julian day 0
lines = [
    "# The Umm al-Qura calendar (Saudi Arabia's lunar Hijri calendar): one line a year,",
    "# the year then the days of each month, Muharram to Dhu al-Hijja (29 or 30; a few",
    "# early months of the published table have 28 or 31). Written by",
    "# scripts/ummalqura/generate.py from hijridate 2.6.0 (MIT).",
    f"# 1 Muharram {first_year} is {rjd0 + datetime.timedelta(days=starts[0])}.",
]
for y in range(len(starts) // 12):
    days = [starts[y * 12 + m + 1] - starts[y * 12 + m] for m in range(12)]
    lines.append(f"{first_year + y} " + " ".join(str(d) for d in days))
out = pathlib.Path(__file__).resolve().parents[2] / "internal/ingest/textdate/ummalqura.txt"
out.write_text("\n".join(lines) + "\n")
