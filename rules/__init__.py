"""The rule catalogue (SPEC §3): one module per rule, listed here explicitly.

`ALL_RULES` is the registry; a test checks it against the SPEC table and the modules on disk.
"""
from rules.cnt001_missing_goal import MissingGoal
from rules.cnt002_promo_overload import PromoOverload
from rules.cnt003_missing_kpi import MissingKpi
from rules.cnt004_missing_message import MissingMessage
from rules.cost001_expensive_channel_first import ExpensiveChannelFirst
from rules.cost002_call_for_mass_segment import CallForMassSegment
from rules.cov001_segment_without_scenario import SegmentWithoutScenario
from rules.cov002_stage_without_scenario import StageWithoutScenario
from rules.cov003_excluded_segment_targeted import ExcludedSegmentTargeted
from rules.cov004_unused_channel import UnusedChannel
from rules.flow001_dead_end_stage import DeadEndStage
from rules.flow002_unreachable_stage import UnreachableStage
from rules.flow003_endless_loop import EndlessLoop
from rules.flow004_no_stop_on_goal import NoStopOnGoal
from rules.flow005_unreachable_step import UnreachableStep
from rules.freq001_contact_pressure import ContactPressure
from rules.freq002_duplicate_trigger import DuplicateTrigger
from rules.gov001_stale_map import StaleMap
from rules.gov002_stale_scenario import StaleScenario
from rules.gov003_missing_owner import MissingOwner
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
from rules.trk003_event_source_not_connected import EventSourceNotConnected
from rules.trk004_goal_not_measurable import GoalNotMeasurable
from rules.trk005_unused_event import UnusedEvent

ALL_RULES = (
    UnknownReference,
    DuplicateId,
    InvalidValue,
    MissingRequired,
    ScenarioWithoutSteps,
    ConditionNotCheckable,
    SegmentWithoutScenario,
    StageWithoutScenario,
    ExcludedSegmentTargeted,
    UnusedChannel,
    DeadEndStage,
    UnreachableStage,
    EndlessLoop,
    NoStopOnGoal,
    UnreachableStep,
    UndefinedEvent,
    UntrackedEvent,
    EventSourceNotConnected,
    GoalNotMeasurable,
    UnusedEvent,
    ChannelNotSupported,
    CascadeMissingIntegration,
    FeedbackNotReported,
    ContactPressure,
    DuplicateTrigger,
    ExpensiveChannelFirst,
    CallForMassSegment,
    MissingGoal,
    PromoOverload,
    MissingKpi,
    MissingMessage,
    StaleMap,
    StaleScenario,
    MissingOwner,
)

RULES_BY_CODE = {rule.code: rule for rule in ALL_RULES}
