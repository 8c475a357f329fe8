"""The validated data model: what a provider may write about a ward, and what it means."""

from wardsite.model.provider import Provider
from wardsite.model.ward import Ward

__all__ = ["Provider", "Ward"]
