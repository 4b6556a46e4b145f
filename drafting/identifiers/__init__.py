"""Identifying-detail detectors (para 160): each a class with one contract, text -> findings."""

from drafting.identifiers.base import Detector, Finding, IdentifierScanner, default_detectors

__all__ = ["Detector", "Finding", "IdentifierScanner", "default_detectors"]
