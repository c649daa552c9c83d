"""Typed errors of the hand-offs (FHIR export; the ORCA connector's errors live in `connect/orca/errors.py`).

Each has a stable snake_case `code`; messages never hold names, insurance numbers or the bundle's content.
"""

from __future__ import annotations

from reception_app.reception.errors import ReceptionError


class HandoffError(ReceptionError):
    code = "handoff_error"
    default_message = "The check-in could not be handed off."


class FhirInstitutionCodeMissing(HandoffError):
    """JP_Patient's identifier system is made from the clinic's 10-digit 医療機関コード."""

    code = "fhir_institution_code_missing"
    default_message = (
        "The FHIR export needs the clinic's 10-digit institution code (医療機関コード): set it in the settings "
        "or pass --institution-code."
    )


class FhirBundleInvalid(HandoffError):
    """A bundle we built does not parse back as FHIR R4 (a bug of ours, never the patient's data)."""

    code = "fhir_bundle_invalid"
    default_message = "A FHIR bundle built for export did not validate; nothing was written for that visit."


class FhirExportFolderError(HandoffError):
    code = "fhir_export_folder_unwritable"
    default_message = "The FHIR export folder cannot be written."
