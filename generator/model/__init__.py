"""The validated data model: what a provider may write about a ward, and what it means."""

from generator.model.provider import Provider
from generator.model.ward import Ward

__all__ = ["Provider", "Ward"]
