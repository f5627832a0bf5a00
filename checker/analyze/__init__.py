"""Stage 3: Outline → Facts and section roles."""
