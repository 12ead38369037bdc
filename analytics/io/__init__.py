"""Import and export of real data: validated CSV/XLSX upload, all-or-nothing, restorable.

The upload page and the command line call only the names re-exported here.
See docs/import.md for the file contract.
"""

from analytics.io.export import errors_csv, export_frame, export_workbook, neutralise
from analytics.io.importer import (
    ImportResult,
    RestoreError,
    import_history,
    load_validated,
    restore_before_all_imports,
    restore_before_import,
    run_import,
    undo_import,
)
from analytics.io.templates import templates
from analytics.io.validate import (
    SPECS,
    Issue,
    ParsedImport,
    ValidationReport,
    parse_files,
    validate,
)

__all__ = [
    "SPECS",
    "ImportResult",
    "Issue",
    "ParsedImport",
    "RestoreError",
    "ValidationReport",
    "errors_csv",
    "export_frame",
    "export_workbook",
    "import_history",
    "load_validated",
    "neutralise",
    "parse_files",
    "restore_before_all_imports",
    "restore_before_import",
    "run_import",
    "templates",
    "undo_import",
    "validate",
]
