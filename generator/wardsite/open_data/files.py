"""Every open-data file published with the site, as ``{path in the site: text}``."""

from __future__ import annotations

import datetime as dt

from wardsite.loading.catalogue import Catalogue
from wardsite.open_data.openreferral import openreferral_files
from wardsite.open_data.ward_files import ward_data_files


def open_data_files(
    catalogue: Catalogue, today: dt.date, site_url: str | None = None, built_at: dt.datetime | None = None
) -> dict[str, str]:
    """``data/wards.json``, ``data/wards/<provider>/<ward>.json`` and ``data/openreferral/services.json``.

    ``site_url`` (the published site's address, if known) makes the Open Referral service URLs absolute.
    """
    return {**ward_data_files(catalogue, today, built_at), **openreferral_files(catalogue, today, site_url)}
