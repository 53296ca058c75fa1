"""Typed records of the procedure catalogue, modelled on XZuFi 2.2 / LeiKa.

The models validate editor input (YAML, CSV, JSON, XZuFi) before anything
reaches the database, so a bad record is reported with its field name instead
of corrupting the catalogue.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# LeiKa keys are 14 digits (Leistungsschlüssel); we never invent one.
LEIKA = re.compile(r"^\d{14}$")
SHORT_ANSWER_MAX = 300


class ResponsibleLevel(StrEnum):
    landratsamt = "landratsamt"
    gemeinde = "gemeinde"
    freistaat = "freistaat"
    bund = "bund"
    other = "other"


class Login(StrEnum):
    bayernid = "bayernid"
    elster = "elster"
    none = "none"


class ApplyChannel(StrEnum):
    """How a citizen can hand in an application (said when no online form is known)."""

    online = "online"
    in_person = "in_person"
    post = "post"
    secure_contact_form = "secure_contact_form"


class DependsOn(StrEnum):
    """What decides who is responsible, when the level alone does not (the chat asks)."""

    road = "road"  # Gemeindestraße: Gemeinde; Kreis-, Staats-, Bundesstraße: Landratsamt
    school_type = "school_type"  # Grund-/Mittelschule: Gemeinde; weiterführend: Landratsamt


class FieldSource(BaseModel):
    """Where one field's value comes from, so every fact can be traced and re-checked.

    `verified` means the value was read in the source itself (research grade V);
    `false` marks a plausible value (grade P) that a person must still check.
    A second reviewer who re-read the source sets `confirmed_by` and `confirmed_on`.
    """

    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=3, description="source URL or document")
    checked: dt.date = Field(description="date the source was read")
    verified: bool = False
    confirmed_by: str | None = None
    confirmed_on: dt.date | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _confirmation(self) -> FieldSource:
        if (self.confirmed_by is None) != (self.confirmed_on is None):
            raise ValueError("confirmed_by and confirmed_on go together")
        return self


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    opening_hours: str | None = None
    address: str | None = None


def _slug(value: str, example: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"must be a lowercase slug like '{example}'")
    return value


def _https(url: str) -> str:
    if not url.startswith("https://"):
        raise ValueError("must be an https:// URL")
    return url


SITUATIONS_MAX = 12
FACTS_MAX = 8
SITUATION_CHARS = 240


def _sentences(value: list[str], what: str, most: int, chars: int) -> list[str]:
    """`value` if it has at most `most` items of at most `chars` characters each."""
    if len(value) > most:
        raise ValueError(f"at most {most} {what}s (one sentence each)")
    long = [item for item in value if len(item) > chars]
    if long:
        raise ValueError(f"a {what} is one sentence of at most {chars} characters: "
                         f"{long[0][:60]}…")
    return value


class Procedure(BaseModel):
    """One Verwaltungsleistung as the citizen meets it."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    id: str = Field(description="stable slug, e.g. kfz-abmeldung")
    leika: str | None = Field(default=None, description="LeiKa key; null if unknown")
    title: str = Field(min_length=3)
    short_answer: str = Field(min_length=10, max_length=SHORT_ANSWER_MAX)
    search_terms: list[str] = Field(default_factory=list)
    category: str = Field(min_length=2, description="Lebenslage / topic")
    department: str = Field(min_length=2, description="Fachbereich")
    responsible_level: ResponsibleLevel
    responsible: str = Field(min_length=2, description="name of the responsible authority")
    online_url: str | None = None
    info_url: str
    login: Login = Login.none
    documents: list[str] = Field(default_factory=list)
    fees: str | None = None
    processing_time: str | None = None
    contact: Contact = Field(default_factory=Contact)
    consultation_url: str | None = None
    title_en: str | None = None
    short_answer_en: str | None = Field(default=None, max_length=SHORT_ANSWER_MAX)
    # English versions of the detail fields, for answers in English (None: the German).
    fees_en: str | None = None
    processing_time_en: str | None = None
    documents_en: list[str] = Field(default_factory=list)
    # How citizens describe the situation that leads here, one sentence each ("Wir wollen
    # den Garten mit Wasser aus einem eigenen Brunnen gießen."): embedded for the search
    # only, one vector per sentence, so stories find the procedure (docs/search.md).
    situations: list[str] = Field(default_factory=list)
    # Checked facts beyond the short answer that citizens ask about ("Bis wann muss ich
    # den Jahrgang 1962 umtauschen?", "Ab wie viel Promille MPU?"), one sentence each, each
    # with its source in `provenance`: the passage answer quotes the one that fits a
    # question about the procedure in context (actions.passage). Never shown as a block.
    facts: list[str] = Field(default_factory=list)
    facts_en: list[str] = Field(default_factory=list)
    apply_channels: list[ApplyChannel] = Field(
        default_factory=list, description="how to apply besides an online form")
    depends_on: DependsOn | None = Field(
        default=None, description="responsibility depends on the road or the school type")
    url_verified: bool = False
    last_reviewed: dt.date | None = None
    source: str | None = None
    provenance: dict[str, FieldSource] = Field(
        default_factory=dict, description="field name -> where its value comes from")

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _slug(value, "kfz-abmeldung")

    @field_validator("leika")
    @classmethod
    def _leika(cls, value: str | None) -> str | None:
        if value is not None and not LEIKA.match(value):
            raise ValueError("must be a 14-digit LeiKa key or null")
        return value

    @field_validator("online_url", "info_url", "consultation_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return None if value is None else _https(value)

    @field_validator("search_terms", "documents", "situations")
    @classmethod
    def _clean_list(cls, value: list[str]) -> list[str]:
        return [item.strip() for item in value if item and item.strip()]

    @field_validator("situations")
    @classmethod
    def _situations(cls, value: list[str]) -> list[str]:
        # One vector each: a long text or a long list would dilute nothing but cost
        # memory and let one procedure crowd the ranking.
        return _sentences(value, "situation", SITUATIONS_MAX, SITUATION_CHARS)

    @field_validator("facts", "facts_en")
    @classmethod
    def _facts(cls, value: list[str]) -> list[str]:
        return _sentences(value, "fact", FACTS_MAX, SHORT_ANSWER_MAX)

    @field_validator("provenance")
    @classmethod
    def _provenance_keys(cls, value: dict[str, FieldSource]) -> dict[str, FieldSource]:
        unknown = sorted(set(value) - set(SOURCED_FIELDS))
        if unknown:
            raise ValueError(f"provenance for unknown field(s): {', '.join(unknown)}")
        return value

    @model_validator(mode="after")
    def _provenance_of_set_fields(self) -> Procedure:
        empty = sorted(name for name in self.provenance if getattr(self, name) in (None, "", []))
        if empty:
            raise ValueError(f"provenance for empty field(s): {', '.join(empty)} "
                             "(a missing fact stays missing)")
        return self

    def unverified_links(self) -> list[str]:
        """Link fields staff views should label "nicht geprüft": all set links while
        nobody has opened them (url_verified false), else those whose source is only
        plausible. Citizens still get the link when it is the best there is."""
        names = [n for n in ("online_url", "info_url", "consultation_url") if getattr(self, n)]
        if not self.url_verified:
            return names
        return [n for n in names if n in self.provenance and not self.provenance[n].verified]

    @property
    def link(self) -> str:
        """The URL a citizen should click: the online form if there is one."""
        return self.online_url or self.info_url


# Fields whose value is a fact that can have a source (see FieldSource).
SOURCED_FIELDS = ("leika", "title", "short_answer", "search_terms", "category", "department",
                  "responsible_level", "responsible", "online_url", "info_url", "login",
                  "documents", "fees", "processing_time", "contact", "consultation_url",
                  "title_en", "short_answer_en", "apply_channels", "depends_on",
                  "fees_en", "processing_time_en", "documents_en", "facts", "facts_en")


class Gemeinde(BaseModel):
    """A municipality of the Landkreis; responsible for Pass, Meldewesen, Gewerbe …"""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    kind: str = Field(description="Stadt, Markt or Gemeinde")
    official_key: str | None = Field(default=None, description="AGS, 8 digits")
    website: str
    rathaus: Contact
    aliases: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _slug(value, "waldkraiburg")

    @field_validator("website")
    @classmethod
    def _url(cls, value: str) -> str:
        return _https(value)
