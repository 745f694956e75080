"""processors stage."""
