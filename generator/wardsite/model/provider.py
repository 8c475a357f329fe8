"""The provider file: facts about the organisation, written once and shared by its wards."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from wardsite.model.enums import ProviderType
from wardsite.model.types import LIST_LIMIT, Handle, Phone, ShortText, Strict, Text, WebUrl


class Provider(Strict):
    """An NHS trust or independent provider. Lives in wards/<provider>/provider.yaml."""

    name: ShortText
    """The organisation's name. Example: Example Valley NHS Foundation Trust."""
    type: ProviderType
    """nhs_trust, nhs_foundation_trust or independent."""
    ods_code: ShortText | None = Field(default=None, pattern=r"^[A-Z0-9]{3,5}$")
    """The NHS ODS code. Example: RZZ."""
    cqc_provider_id: ShortText | None = Field(default=None, pattern=r"^(1-\d{9,11}|[A-Z0-9]{3,5})$")
    """The CQC provider ID. Example: 1-000000002."""
    website: WebUrl
    """The organisation's website."""
    switchboard: Phone
    """The main switchboard number."""
    about: Text | None = None
    """A few sentences about the organisation."""
    maintainers: list[Handle] = Field(default_factory=list, max_length=LIST_LIMIT)
    """The people or teams who look after this provider's folder, as GitHub or GitLab handles: @jo-smith, @example-trust/ward-editors. `wardsite codeowners` makes them its code owners, so their approval is needed for changes to it."""
    ward_defaults: dict[str, Any] = Field(default_factory=dict)
    """Ward fields shared by every ward of this provider, such as feedback, rights or daily_life.smoking. A ward file can override any of them."""
