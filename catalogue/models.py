"""Typed records of the procedure catalogue, modelled on XZuFi 2.2 / LeiKa.

The models validate editor input (YAML, CSV, JSON, XZuFi) before anything
reaches the database, so a bad record is reported with its field name instead
of corrupting the catalogue.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

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
    url_verified: bool = False
    last_reviewed: dt.date | None = None
    source: str | None = None

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

    @field_validator("search_terms", "documents")
    @classmethod
    def _clean_list(cls, value: list[str]) -> list[str]:
        return [item.strip() for item in value if item and item.strip()]

    @property
    def link(self) -> str:
        """The URL a citizen should click: the online form if there is one."""
        return self.online_url or self.info_url


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
