"""Platform profiles (SPEC §2): a target platform's systems and integrations, as TOML.

    name = "Omnichannel CDP (example)"
    description = "…"
    [systems.cdp]
    channels = ["email", "push", "sms", "messenger"]   # channel kinds (or the map's channel ids)
    orchestration = true                               # branches on its own channels' feedback
    receives = ["site", "app", "crm"]                  # event sources it receives
    [systems.cdp.feedback]                             # optional per-channel-kind overrides
    sms = ["delivered", "clicked"]
    [[integrations]]
    from = "cdp"
    to = "callcenter"
    carries = ["opened", "clicked", "order_paid"]      # feedback and event names, or "*"

`--platform` accepts a path or the name of a bundled profile in rules/platforms/. Applying a
profile replaces the map's own Systems and Integrations; the map's channels are matched to the
profile's systems by kind (or id).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from audit.conditions import FEEDBACKS
from audit.errors import MapReadError
from audit.tomlfile import read_toml
from audit.importer.schema import EVENT_SOURCES
from audit.model import ChannelKind, CommMap, Integration, Source, System, id_key
from audit.values import normalize_word

BUNDLED = Path(__file__).resolve().parent.parent / "rules" / "platforms"
_KINDS = {kind.value for kind in ChannelKind}


class SystemProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = ""
    channels: list[str] = Field(default_factory=list)
    orchestration: bool = False
    receives: list[str] = Field(default_factory=list)
    feedback: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("receives")
    @classmethod
    def _sources(cls, value: list[str]) -> list[str]:
        out = []
        for source in value:
            canonical = EVENT_SOURCES.get(normalize_word(source))
            if canonical is None:
                raise ValueError(f"unknown event source '{source}' (site, app, crm, pos, platform, other)")
            out.append(canonical)
        return out

    @field_validator("feedback")
    @classmethod
    def _feedback(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for kind, names in value.items():
            if kind not in _KINDS:
                raise ValueError(f"unknown channel kind '{kind}'")
            unknown = [n for n in names if n not in FEEDBACKS]
            if unknown:
                raise ValueError(f"unknown feedback {unknown} (known: {', '.join(FEEDBACKS)})")
        return value


class IntegrationProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_system: str = Field(alias="from")
    to_system: str = Field(alias="to")
    carries: list[str] = Field(default_factory=list)


class PlatformProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    systems: dict[str, SystemProfile]
    integrations: list[IntegrationProfile] = Field(default_factory=list)
    path: str = ""

    def as_records(self) -> tuple[list[System], list[Integration]]:
        source = Source(sheet=Path(self.path).name if self.path else self.name)
        systems = [
            System(id=key, name=spec.name, channels=spec.channels, orchestration=spec.orchestration,
                   receives=spec.receives, feedback=spec.feedback, source=source)
            for key, spec in self.systems.items()
        ]
        integrations = [
            Integration(from_system=i.from_system, to_system=i.to_system,
                        carries=[c if c == "*" else id_key(c) for c in i.carries], source=source)
            for i in self.integrations
        ]
        return systems, integrations


def resolve_profile_path(text: str) -> Path:
    """A path, or the name of a bundled profile (`omnichannel_cdp`, `omnichannel_cdp.toml`)."""
    path = Path(text)
    if path.is_file():
        return path
    bundled = BUNDLED / (text if text.endswith(".toml") else f"{text}.toml")
    if bundled.is_file():
        return bundled
    names = ", ".join(sorted(p.stem for p in BUNDLED.glob("*.toml")))
    raise MapReadError(path, f"no such platform profile (bundled profiles: {names})")


def load_profile(text: str | Path) -> PlatformProfile:
    path = resolve_profile_path(str(text))
    data = read_toml(path, "the profile")
    try:
        profile = PlatformProfile(**data, path=str(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise MapReadError(path, f"key '{key}': {first['msg']}") from None
    _check_integrations(path, profile)
    return profile


def _check_integrations(path: Path, profile: PlatformProfile) -> None:
    known = {id_key(k) for k in profile.systems}
    for index, integration in enumerate(profile.integrations):
        for end in ("from_system", "to_system"):
            ref = getattr(integration, end)
            if id_key(ref) not in known:
                key = f"integrations[{index}].{'from' if end == 'from_system' else 'to'}"
                raise MapReadError(path, f"key '{key}': system '{ref}' is not defined under [systems]")


def apply_profile(commap: CommMap, profile: PlatformProfile) -> CommMap:
    """A copy of the map whose systems and integrations are the profile's.

    The map's own channel → system assignments, and the systems named on its steps' rows, name
    the map's systems, so they are dropped: channels are matched to the profile's systems by kind
    (or id).
    """
    systems, integrations = profile.as_records()
    channels = [replace(c, system=None) for c in commap.channels]
    steps = [replace(s, system=None) if s.system else s for s in commap.steps]
    return replace(commap, systems=systems, integrations=integrations, channels=channels, steps=steps,
                   sheets=sorted({*commap.sheets, "systems", "integrations"}))
