"""The rule catalogue (SPEC §3): one module per rule, listed here explicitly.

`ALL_RULES` is the registry; a test checks it against the SPEC table and the modules on disk.
"""
from rules.cov001_segment_without_scenario import SegmentWithoutScenario
from rules.flow001_dead_end_stage import DeadEndStage
from rules.int001_channel_not_supported import ChannelNotSupported
from rules.int002_cascade_missing_integration import CascadeMissingIntegration
from rules.int003_feedback_not_reported import FeedbackNotReported
from rules.map001_unknown_reference import UnknownReference
from rules.map002_duplicate_id import DuplicateId
from rules.map003_invalid_value import InvalidValue
from rules.map004_missing_required import MissingRequired
from rules.map005_scenario_without_steps import ScenarioWithoutSteps
from rules.map006_condition_not_checkable import ConditionNotCheckable
from rules.trk001_undefined_event import UndefinedEvent
from rules.trk002_untracked_event import UntrackedEvent

ALL_RULES = (
    UnknownReference,
    DuplicateId,
    InvalidValue,
    MissingRequired,
    ScenarioWithoutSteps,
    ConditionNotCheckable,
    SegmentWithoutScenario,
    DeadEndStage,
    UndefinedEvent,
    UntrackedEvent,
    ChannelNotSupported,
    CascadeMissingIntegration,
    FeedbackNotReported,
)

RULES_BY_CODE = {rule.code: rule for rule in ALL_RULES}
