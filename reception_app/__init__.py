"""reception_app: My Number Card check-in for Japanese clinics, pharmacies and hospital kiosks."""

__version__ = "0.1.0"
