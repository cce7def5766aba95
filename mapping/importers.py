"""Reading reference and mapping files into plain records, with every error named by file, row and field.

Nothing here writes to the database: the services in `mapping.services` apply what these functions return,
so that a malformed file is refused before anything changes.
"""

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from config.errors import InvalidInput
from config.exports import FORMULA_PREFIXES
from mapping.choices import Tier

LANGUAGES = ("ar", "zh", "fr", "ru", "es")
GOAL_RE = re.compile(r"^[0-9]{1,2}$")
TARGET_RE = re.compile(r"^([0-9]{1,2})\.([0-9]{1,2}|[a-z])$")
INDICATOR_RE = re.compile(r"^([0-9]{1,2}\.(?:[0-9]{1,2}|[a-z]))\.[0-9]{1,2}$")


@dataclass(frozen=True)
class RowError:
    """One problem in an input file. `row` is the line as a spreadsheet numbers it (header = 1; 0 = whole file);
    in a JSON list it is the position of the entry, from 1."""

    file: str
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, field {self.field!r}: {self.message}"


class ImportFailed(InvalidInput):
    """A file that cannot be imported; `row_errors` lists every problem found."""

    def __init__(self, row_errors: list[RowError]):
        self.row_errors = row_errors
        more = f" (and {len(row_errors) - 1} more)" if len(row_errors) > 1 else ""
        errors: dict[str, list[str]] = {}
        for error in row_errors:
            errors.setdefault(f"row {error.row}", []).append(f"{error.field}: {error.message}")
        super().__init__(f"{row_errors[0]}{more}", code="import_failed", errors=errors)


@dataclass
class GoalRecord:
    number: int
    title: str
    short_title: str = ""
    translations: dict[str, str] = field(default_factory=dict)
    short_title_translations: dict[str, str] = field(default_factory=dict)


@dataclass
class TargetRecord:
    code: str
    goal: int
    title: str
    target_type: str = ""
    translations: dict[str, str] = field(default_factory=dict)


@dataclass
class IndicatorRecord:
    """An SDG indicator as read. `None` in an optional field means "the file does not say": keep what is stored."""

    code: str
    target: str
    title: str
    tier: str | None = None
    tier_note: str | None = None
    custodians: list[str] | None = None
    series_codes: list[str] | None = None
    repeats_as: list[str] | None = None
    translations: dict[str, str] | None = None
    uri: str | None = None


@dataclass
class SdgFrameworkFile:
    """The SDG framework as read from one source; `indicators` is the complete list of current codes."""

    source: str
    goals: list[GoalRecord] = field(default_factory=list)
    targets: list[TargetRecord] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)


# --- small parsers -------------------------------------------------------------------------------------------


def split_list(value: str, separator: str = ";") -> list[str]:
    return [item.strip() for item in (value or "").split(separator) if item.strip()]


def parse_custodians(value: str) -> list[str]:
    """Custodian agencies as published: "International Labour Organization (ILO), World Bank"."""
    return split_list(value.replace(";", ","), ",")


def normalise_tier(value: str | None) -> str:
    """ "1", "Tier I" -> "I"; "Tier I/II", "Tier I (a) / Tier II (b)" -> "multiple"; blank -> ""."""
    text = (value or "").strip().upper().replace("TIER", "").strip()
    if not text:
        return Tier.UNKNOWN
    mapping = {"1": Tier.TIER_I, "I": Tier.TIER_I, "2": Tier.TIER_II, "II": Tier.TIER_II}
    mapping |= {"3": Tier.TIER_III, "III": Tier.TIER_III}
    return mapping.get(text, Tier.MULTIPLE)


def _translations(row: dict[str, str], prefix: str) -> dict[str, str]:
    values = {lang: (row.get(f"{prefix}_{lang}") or "").strip() for lang in LANGUAGES}
    return {lang: value for lang, value in values.items() if value}


def _read_csv(path: Path, required: Iterable[str]) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in required if name not in (reader.fieldnames or [])]
            if missing:
                raise ImportFailed([RowError(path.name, 0, ", ".join(missing), "column missing from the header")])
            return list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ImportFailed([RowError(path.name, 0, "-", f"cannot read the file: {error}")]) from None


# --- the SDG framework in the CSV layout of the reference folder ----------------------------------------------


def read_sdg_csv_folder(folder: Path) -> SdgFrameworkFile:
    """Read sdg_goals.csv, sdg_targets.csv and sdg_indicators.csv; raise ImportFailed listing every bad cell."""
    errors: list[RowError] = []
    result = SdgFrameworkFile(source=str(folder))
    goals_file, targets_file, indicators_file = "sdg_goals.csv", "sdg_targets.csv", "sdg_indicators.csv"
    for number, row in enumerate(_read_csv(folder / goals_file, ["goal", "title_en"]), start=2):
        if not GOAL_RE.match(row["goal"].strip()) or not 1 <= int(row["goal"]) <= 17:
            errors.append(RowError(goals_file, number, "goal", f"{row['goal']!r} is not a goal number 1-17"))
            continue
        if not row["title_en"].strip():
            errors.append(RowError(goals_file, number, "title_en", "the English title is empty"))
            continue
        result.goals.append(
            GoalRecord(
                number=int(row["goal"]),
                title=row["title_en"].strip(),
                short_title=(row.get("short_en") or "").strip(),
                translations=_translations(row, "title"),
                short_title_translations=_translations(row, "short"),
            )
        )
    goal_numbers = {goal.number for goal in result.goals}
    for number, row in enumerate(_read_csv(folder / targets_file, ["code", "goal", "title_en"]), start=2):
        code = row["code"].strip()
        match = TARGET_RE.match(code)
        if not match:
            errors.append(RowError(targets_file, number, "code", f"{code!r} is not a target code such as 10.7"))
        elif int(match.group(1)) not in goal_numbers or row["goal"].strip() != match.group(1):
            errors.append(RowError(targets_file, number, "goal", f"{row['goal']!r} does not match {code}"))
        elif not row["title_en"].strip():
            errors.append(RowError(targets_file, number, "title_en", "the English title is empty"))
        else:
            result.targets.append(
                TargetRecord(
                    code=code,
                    goal=int(match.group(1)),
                    title=row["title_en"].strip(),
                    target_type=(row.get("target_type") or "").strip(),
                    translations=_translations(row, "title"),
                )
            )
    target_codes = {target.code for target in result.targets}
    required = ["code", "target", "title_en"]
    for number, row in enumerate(_read_csv(folder / indicators_file, required), start=2):
        record = _indicator_from_csv(row, number, indicators_file, target_codes, errors)
        if record:
            result.indicators.append(record)
    _check_unique(result.indicators, indicators_file, errors, first_row=2)
    if errors:
        raise ImportFailed(errors)
    return result


def _indicator_from_csv(
    row: dict[str, str], number: int, file: str, target_codes: set[str], errors: list[RowError]
) -> IndicatorRecord | None:
    code, target = row["code"].strip(), row["target"].strip()
    match = INDICATOR_RE.match(code)
    if not match:
        errors.append(RowError(file, number, "code", f"{code!r} is not an indicator code such as 10.7.2"))
        return None
    if target != match.group(1) or target not in target_codes:
        errors.append(RowError(file, number, "target", f"{target!r} is not the known target of {code}"))
        return None
    if not row["title_en"].strip():
        errors.append(RowError(file, number, "title_en", "the English title is empty"))
        return None
    tier_source = (row.get("tier_unsd_api_2022Q1") or "").strip() or (row.get("tier_statcan_2026") or "")
    return IndicatorRecord(
        code=code,
        target=target,
        title=row["title_en"].strip(),
        tier=normalise_tier(tier_source),
        tier_note=(row.get("tier_statcan_2026") or "").strip()[:80],
        custodians=parse_custodians(row.get("custodian_statcan_2026") or ""),
        series_codes=split_list(row.get("unsd_series_codes_2022Q1") or ""),
        repeats_as=split_list(row.get("repeats_as") or ""),
        translations=_translations(row, "title"),
    )


def _check_unique(records: list[IndicatorRecord], file: str, errors: list[RowError], first_row: int = 1) -> None:
    seen: set[str] = set()
    for number, record in enumerate(records, start=first_row):
        if record.code in seen:
            errors.append(RowError(file, number, "code", f"{record.code} appears twice"))
        seen.add(record.code)


# --- the SDG framework as answered by the UNSD SDG API ---------------------------------------------------------


def read_unsd_indicator_list(data: Any, *, source: str) -> SdgFrameworkFile:
    """Read the answer of /v1/sdg/Indicator/List: a list of {goal, target, code, description, tier, series}."""
    name = Path(source).name or source
    if not isinstance(data, list) or not data:
        raise ImportFailed([RowError(name, 0, "-", "expected a non-empty JSON list of indicators")])
    errors: list[RowError] = []
    result = SdgFrameworkFile(source=source)
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            errors.append(RowError(name, number, "-", "each entry must be a JSON object"))
            continue
        code = str(entry.get("code") or "").strip()
        match = INDICATOR_RE.match(code)
        if not match:
            errors.append(RowError(name, number, "code", f"{code!r} is not an indicator code such as 10.7.2"))
            continue
        if str(entry.get("target") or "").strip() != match.group(1):
            errors.append(RowError(name, number, "target", f"{entry.get('target')!r} does not match {code}"))
            continue
        if str(entry.get("goal") or "").strip() != match.group(1).split(".")[0]:
            errors.append(RowError(name, number, "goal", f"{entry.get('goal')!r} does not match {code}"))
            continue
        title = str(entry.get("description") or "").strip()
        if not title:
            errors.append(RowError(name, number, "description", "the indicator has no description"))
            continue
        series = entry.get("series") or []
        if not isinstance(series, list) or not all(isinstance(s, dict) and s.get("code") for s in series):
            errors.append(RowError(name, number, "series", "each series needs a code"))
            continue
        result.indicators.append(
            IndicatorRecord(
                code=code,
                target=match.group(1),
                title=title,
                tier=normalise_tier(str(entry.get("tier") or "")),
                series_codes=list(dict.fromkeys(str(s["code"]).strip() for s in series)),
                uri=str(entry.get("uri") or "")[:200],
            )
        )
    _check_unique(result.indicators, name, errors)
    if errors:
        raise ImportFailed(errors)
    return result


def read_unsd_file(path: Path) -> SdgFrameworkFile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFailed([RowError(path.name, 0, "-", f"not a readable JSON file: {error}")]) from None
    return read_unsd_indicator_list(data, source=str(path))


# --- tables uploaded by co-leads (CSV or XLSX) -----------------------------------------------------------------


def _unneutralise(value: str) -> str:
    """Undo the apostrophe that exports put before formula-like text, so that files round-trip."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def read_table(content: bytes, filename: str, required: Iterable[str]) -> list[tuple[int, dict[str, str]]]:
    """The rows of an uploaded CSV or XLSX file: (line number, {lower-cased header: stripped text})."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
            lines = sheet.iter_rows(values_only=True)
            raw = [["" if cell is None else str(cell) for cell in row] for row in lines]
        except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds of errors for a damaged file
            raise ImportFailed([RowError(filename, 0, "-", f"not a readable XLSX file: {error}")]) from None
    elif suffix == ".csv":
        try:
            raw = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        except (UnicodeDecodeError, csv.Error) as error:
            raise ImportFailed([RowError(filename, 0, "-", f"not a readable UTF-8 CSV file: {error}")]) from None
    else:
        raise ImportFailed([RowError(filename, 0, "-", "upload a .csv or .xlsx file")])
    if not raw:
        raise ImportFailed([RowError(filename, 0, "-", "the file is empty")])
    header = [name.strip().lower() for name in raw[0]]
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFailed([RowError(filename, 0, ", ".join(missing), "column missing from the header")])
    rows = []
    for line, values in enumerate(raw[1:], start=2):
        if not any(value.strip() for value in values):
            continue
        padded = list(values) + [""] * (len(header) - len(values))
        cells = zip(header, padded, strict=False)
        rows.append((line, {name: _unneutralise(value.strip()) for name, value in cells}))
    return rows
