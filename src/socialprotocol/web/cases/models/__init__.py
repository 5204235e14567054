from socialprotocol.web.cases.models.case import (
    TRANSITIONS,
    Case,
    CaseSettings,
    InvolvedRole,
    Involvement,
    Measure,
    Part,
    State,
    Task,
    Transition,
)
from socialprotocol.web.cases.models.dossier import (
    Dossier,
    DossierEntry,
    Evidence,
    FileKind,
    LetterTemplate,
)
from socialprotocol.web.cases.models.records import (
    ImmutableRecordError,
    PurgeLock,
    retention_purge,
)

__all__ = [
    "TRANSITIONS", "Case", "CaseSettings", "Dossier", "DossierEntry", "Evidence", "FileKind",
    "ImmutableRecordError", "InvolvedRole", "Involvement", "LetterTemplate", "Measure", "Part",
    "PurgeLock",
    "State", "Task", "Transition", "retention_purge",
]  # fmt: skip
