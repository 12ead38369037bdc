"""End-to-end journeys in headless Chromium (opt-in: --browser-tests)."""
