"""Demo data: the curated province of Bình Thuận carried through the 2025 reorganisation
(`data.py`, loaded by `loader.load_demo`, run as `thidua demo`)."""
